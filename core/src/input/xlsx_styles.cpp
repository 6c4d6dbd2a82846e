// Number formats of an XLSX workbook and numbers written as they are shown (xlsx_styles.hpp).
#include "input/xlsx_styles.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <span>

#include "input/input_stream.hpp"
#include "input/xml_parser.hpp"
#include "input/zip_archive.hpp"

namespace sosei::input {

class StylesLoader final : public XmlHandler {
 public:
  StylesLoader(CellStyles& styles, std::string where) : styles_(styles), where_(std::move(where)) {}

  void on_start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      const char* id = attribute(attributes, "numFmtId");
      const char* code = attribute(attributes, "formatCode");
      if (id && code) {
        custom_[id] = shown_by_code(code);
        if (auto integer = integer_format(code)) {
          integers_[id] = static_cast<int>(styles_.integer_formats_.size());
          styles_.integer_formats_.push_back(std::move(*integer));
        }
      }
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      if (styles_.shown_.size() >= CellStyles::kMaxStyles)
        throw InputError(where_ + " has more than " + std::to_string(CellStyles::kMaxStyles) +
                         " cell styles; the file may be damaged or crafted. Open it in Excel and save it again, "
                         "or export the sheet as CSV and read that.");
      const char* id = attribute(attributes, "numFmtId");
      styles_.shown_.push_back(id ? shown_of(id) : NumberShown::AsStored);
      const auto integer = id ? integers_.find(id) : integers_.end();
      styles_.integer_format_.push_back(integer == integers_.end() ? -1 : integer->second);
    }
  }
  void on_end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void on_text(std::string_view) override {}

 private:
  NumberShown shown_of(const std::string& id) const {
    if (const auto custom = custom_.find(id); custom != custom_.end()) return custom->second;
    int n = 0;
    const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), n);
    return ec == std::errc{} && end == id.data() + id.size() ? shown_by_builtin(n) : NumberShown::AsStored;
  }

  CellStyles& styles_;
  std::string where_;
  std::map<std::string, NumberShown> custom_;  // numFmtId → what it shows (custom formats: 164 and up)
  std::map<std::string, int> integers_;        // numFmtId → its integer format, for those that are one
  bool in_cell_xfs_ = false;
};

void CellStyles::load(ZipArchive& zip, const std::string& part) {
  shown_.clear();
  StylesLoader loader(*this, zip.display() + ": " + part);
  parse_entry(zip, part, loader);
}

std::optional<std::string> CellStyles::integer_text(std::size_t style, std::string_view value) const {
  if (style >= integer_format_.size() || integer_format_[style] < 0) return std::nullopt;
  return integer_shown(integer_formats_[static_cast<std::size_t>(integer_format_[style])], value);
}

std::optional<IntegerFormat> integer_format(std::string_view code) {
  // Only the first section; [$-411] (a locale) may stand anywhere. The literal text must be a period's
  // or an era's word; without any, the zeros must pad (00000).
  // Eras and letters before the number, 年度 and 月 after it; 年 only after an era (令和5年): a bare
  // 0"年" is a count of years (平均在職年数 15年) as often as a calendar year.
  static constexpr std::string_view kBefore[] = {"令和", "平成", "昭和", "R", "H", "S", "FY"};
  static constexpr std::string_view kAfter[] = {"年度", "月"};
  code = code.substr(0, code.find(';'));
  IntegerFormat f;
  enum class Part { Before, Digits, After } part = Part::Before;
  int zeros = 0;
  const auto text = [&](std::string_view literal) {
    if (part == Part::Digits) part = Part::After;
    (part == Part::Before ? f.prefix : f.suffix) += literal;
  };
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '[') {
      const std::size_t close = code.find(']', i);
      if (close == std::string_view::npos || !code.substr(i + 1).starts_with("$-")) return std::nullopt;
      i = close;
    } else if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      text(code.substr(i + 1, close - i - 1));
      i = close;
    } else if (c == '\\' && i + 1 < code.size()) {
      text(code.substr(++i, 1));
    } else if (c == '0' || c == '#') {
      if (part == Part::After) return std::nullopt;  // digits, text, digits: not one integer
      part = Part::Digits;
      zeros += c == '0' ? 1 : 0;
    } else {
      return std::nullopt;  // a point, a comma, %, a date letter, a space, an underscore …
    }
  }
  if (part == Part::Before) return std::nullopt;
  f.digits = std::max(zeros, 1);
  const auto one_of = [](const std::string& literal, std::span<const std::string_view> words) {
    return std::find(words.begin(), words.end(), literal) != words.end();
  };
  if (!f.prefix.empty() && !one_of(f.prefix, kBefore)) return std::nullopt;
  if (!f.suffix.empty() && !one_of(f.suffix, kAfter) && !(f.suffix == "年" && !f.prefix.empty() && f.prefix != "FY"))
    return std::nullopt;
  if (f.prefix.empty() && f.suffix.empty() && f.digits < 2) return std::nullopt;
  return f;
}

std::string integer_shown(const IntegerFormat& format, std::string_view value) {
  if (value.empty() || value.size() > 15) return std::string(value);
  for (const char c : value)
    if (c < '0' || c > '9') return std::string(value);  // a decimal, a sign, an exponent: as stored
  std::string digits(value);
  if (digits.size() < static_cast<std::size_t>(format.digits))
    digits.insert(0, static_cast<std::size_t>(format.digits) - digits.size(), '0');
  return format.prefix + digits + format.suffix;
}

NumberShown shown_by_builtin(int id) {
  switch (id) {
    case 9:
    case 10:
      return NumberShown::Percent;
    // 14–16 m/d/yyyy, d-mmm-yy, d-mmm; the CJK ids 27–31, 35, 36, 50, 51, 53, 54, 56–58 (ge.m.d,
    // ggge"年"m"月"d"日", yyyy"年"m"月"d"日", m"月"d"日" …).
    case 14:
    case 15:
    case 16:
    case 27:
    case 28:
    case 29:
    case 30:
    case 31:
    case 35:
    case 36:
    case 50:
    case 51:
    case 53:
    case 54:
    case 56:
    case 57:
    case 58:
      return NumberShown::Date;
    case 17:  // mmm-yy
    case 34:  // yyyy"年"m"月"
    case 52:
    case 55:
      return NumberShown::Month;
    case 22:  // m/d/yy h:mm
      return NumberShown::DateTime;
    default:
      return NumberShown::AsStored;  // general, numbers, currencies, times of day (18–21, 32, 33, 45–47), text
  }
}

NumberShown shown_by_code(std::string_view code) {
  // Only the first section (positive numbers) says what the number is.
  bool percent = false, year = false, month_or_minute = false, day = false, hour = false, second = false;
  bool fiscal = false;  // "年度" written after an era year: 令和5年度
  const auto word = [&code](std::size_t at, std::string_view w) {
    if (code.size() - at < w.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
      if ((code[at + k] | 0x20) != (w[k] | 0x20)) return false;
    return true;
  };
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;
    if (c == '"') {  // literal text: "年"
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      if (code.substr(i + 1, close - i - 1).find("年度") != std::string_view::npos) fiscal = true;
      i = close;
    } else if (c == '[') {  // [Red], [$-411], [DBNum1], [h] (elapsed hours)
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H')) hour = true;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {  // an escaped character, a space as wide as it, a fill
      ++i;
    } else if (c == '%') {
      percent = true;
    } else if ((c == 'E' || c == 'e') && i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-')) {
      ++i;  // 0.00E+00: scientific notation, not an era
    } else if (word(i, "General")) {
      i += 6;  // the general format, not an era name
    } else if (word(i, "G/")) {
      // G/標準 (the general format as Japanese Excel names it): skip the name's bytes
      i += 1;
      while (i + 1 < code.size() && static_cast<unsigned char>(code[i + 1]) >= 0x80) ++i;
    } else if (word(i, "AM/PM")) {
      i += 4;  // a 12-hour clock, not a day
    } else if (word(i, "A/P")) {
      i += 2;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      switch (c | 0x20) {  // letters in either case
        case 'y':
        case 'e':  // era year (令和5)
        case 'g':  // era name
          year = true;
          break;
        case 'm':
          month_or_minute = true;
          break;
        case 'd':
        case 'a':  // aaa: the day of the week (月)
          day = true;
          break;
        case 'h':
          hour = true;
          break;
        case 's':
          second = true;
          break;
        default:
          break;
      }
    } else if (code.substr(i).starts_with("年度")) {
      fiscal = true;  // written without quotes, as Excel also accepts
    }
  }
  const bool month = month_or_minute && !hour && !second;
  if (hour || second) return year || day ? NumberShown::DateTime : NumberShown::AsStored;  // m is minutes here
  if (year && month && day) return NumberShown::Date;
  if (year && month) return NumberShown::Month;
  if (year && !day) return fiscal ? NumberShown::FiscalYear : NumberShown::Year;
  if (month && day) return NumberShown::Date;  // m月d日: a day, its year kept
  if (month) return NumberShown::MonthOfYear;
  if (year || day) return NumberShown::Date;  // yyyy/d and the like: odd, but a date
  return percent ? NumberShown::Percent : NumberShown::AsStored;
}

namespace {

// The decimal `value` (digits, one point, an exponent) times 100, written without a float's rounding:
// 0.853 → 85.3, 1 → 100, 1.5E-3 → 0.15. Nullopt for anything else.
std::optional<std::string> times_hundred(std::string_view value) {
  std::string digits;
  bool negative = false;
  long point = -1, exponent = 0;
  std::size_t i = 0;
  if (i < value.size() && (value[i] == '-' || value[i] == '+')) negative = value[i++] == '-';
  for (; i < value.size(); ++i) {
    const char c = value[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '.' && point < 0) {
      point = static_cast<long>(digits.size());
    } else if (c == 'E' || c == 'e') {
      const std::size_t from = i + 1 < value.size() && value[i + 1] == '+' ? i + 2 : i + 1;
      const auto [end, ec] = std::from_chars(value.data() + from, value.data() + value.size(), exponent);
      if (ec != std::errc{} || end != value.data() + value.size() || exponent < -400 || exponent > 400)
        return std::nullopt;
      break;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty()) return std::nullopt;
  if (point < 0) point = static_cast<long>(digits.size());
  point += exponent + 2;  // where the point now falls in `digits`
  if (point <= 0) {
    digits.insert(0, static_cast<std::size_t>(-point) + 1, '0');
    point = 1;
  } else if (point > static_cast<long>(digits.size())) {
    digits.append(static_cast<std::size_t>(point) - digits.size(), '0');
  }
  std::string whole = digits.substr(0, static_cast<std::size_t>(point));
  std::string fraction = digits.substr(static_cast<std::size_t>(point));
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  const bool zero = whole == "0" && fraction.empty();
  return (negative && !zero ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
}

// Days since 1970-01-01 → year, month, day (H. Hinnant's civil_from_days).
void civil_from_days(long z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long year = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(year + (m <= 2 ? 1 : 0));
}

}  // namespace

std::string shown_number(std::string_view value, NumberShown shown, bool date1904) {
  if (shown == NumberShown::AsStored) return std::string(value);
  if (shown == NumberShown::Percent) {
    const auto hundred = times_hundred(value);
    return hundred ? *hundred + "%" : std::string(value);
  }
  double serial = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), serial);
  if (ec != std::errc{} || end != value.data() + value.size() || !std::isfinite(serial) || serial < 1 ||
      serial > 2958465)  // 9999-12-31
    return std::string(value);
  long days = static_cast<long>(std::floor(serial));
  long seconds = std::lround((serial - static_cast<double>(days)) * 86400);
  if (seconds == 86400) {
    ++days;
    seconds = 0;
  }
  // Serial 1 is 1900-01-01 (1904-01-02 in the 1904 system); Excel counts a 1900-02-29 that never was (60).
  if (!date1904 && days == 60) return std::string(value);
  const long unix_days = date1904 ? days - 24107 : days - (days < 60 ? 25568 : 25569);
  int y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(unix_days, y, m, d);
  char out[96];  // room for any int the compiler cannot rule out
  if (shown == NumberShown::Year)
    std::snprintf(out, sizeof out, "%04d", y);
  else if (shown == NumberShown::FiscalYear)
    std::snprintf(out, sizeof out, "%04d年度", y);
  else if (shown == NumberShown::MonthOfYear)
    std::snprintf(out, sizeof out, "%u月", m);
  else if (shown == NumberShown::Month)
    std::snprintf(out, sizeof out, "%04d-%02u", y, m);
  else if (shown == NumberShown::DateTime)
    std::snprintf(out, sizeof out, "%04d-%02u-%02u %02ld:%02ld:%02ld", y, m, d, seconds / 3600, seconds / 60 % 60,
                  seconds % 60);
  else
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", y, m, d);
  return out;
}

}  // namespace sosei::input
