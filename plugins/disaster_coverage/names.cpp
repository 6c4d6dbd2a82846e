// District names as keys, and the roster's cells resolved against the register (see names.hpp).
#include "names.hpp"

#include <sosei/notation.hpp>

#include <algorithm>
#include <array>

namespace disaster_coverage {
namespace {

constexpr std::string_view kChome = "\xE4\xB8\x81\xE7\x9B\xAE";  // 丁目
// The kanji numerals of a 丁目 number (一丁目 … 九十九丁目); 〇 as some registers write 十〇.
constexpr std::array<std::string_view, 11> kKanjiDigits{"〇", "一", "二", "三", "四", "五",
                                                        "六", "七", "八", "九", "十"};

// Half-width katakana U+FF61–U+FF9F (｡ … ﾝ ﾞ ﾟ) as full-width; a following ﾞ or ﾟ is composed below.
constexpr std::u16string_view kFullKana =
    u"。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨ"
    u"ラリルレロワン゛゜";

// The code point of a half-width katakana at the start of `s` (UTF-8 EF BD A1–BF, EF BE 80–9F), or 0.
char32_t half_kana_at(std::string_view s) {
  if (s.size() < 3 || static_cast<unsigned char>(s[0]) != 0xEF) return 0;
  const auto b1 = static_cast<unsigned char>(s[1]), b2 = static_cast<unsigned char>(s[2]);
  const char32_t c = 0xF000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  return (b1 == 0xBD || b1 == 0xBE) && (b2 & 0xC0) == 0x80 && c >= 0xFF61 && c <= 0xFF9F ? c : 0;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// ﾔﾏﾉ → ヤマノ, ｶﾞ → ガ, ﾊﾟ → パ, ｳﾞ → ヴ: old registers (and CP932 exports of them) write names so.
std::string fold_half_kana(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t half = half_kana_at(s.substr(i));
    if (half == 0) {
      out.push_back(s[i++]);
      continue;
    }
    i += 3;
    char32_t full = kFullKana[half - 0xFF61];
    const char32_t mark = half_kana_at(s.substr(i));
    const bool ka_to = half >= 0xFF76 && half <= 0xFF84, ha_ho = half >= 0xFF8A && half <= 0xFF8E;
    if (mark == 0xFF9E && (ka_to || ha_ho || half == 0xFF73)) {
      full = half == 0xFF73 ? U'ヴ' : full + 1;
      i += 3;
    } else if (mark == 0xFF9F && ha_ho) {
      full += 2;
      i += 3;
    }
    append_utf8(out, full);
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the run of ASCII digits at the end of `s`.
std::size_t trailing_digits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[s.size() - 1 - n])) ++n;
  return n;
}

// The length in bytes of the run of kanji numerals at the end of `s`.
std::size_t trailing_kanji(std::string_view s) {
  std::size_t n = 0;
  for (bool more = true; more;) {
    more = false;
    for (auto k : kKanjiDigits)
      if (s.substr(0, s.size() - n).ends_with(k)) {
        n += k.size();
        more = true;
        break;
      }
  }
  return n;
}

std::string without_zeros(std::string_view digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? "0" : std::string(digits.substr(first));
}

// Code points of a UTF-8 string (invalid bytes count as one each: only distances are computed).
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string s;
  for (const char c : sosei::fold_full_width(fold_half_kana(trim(name))))
    if (c != ' ' && c != '\t') s.push_back(c);
  for (std::size_t at; (at = s.find("\xE3\x80\x80")) != std::string::npos;) s.erase(at, 3);

  std::string_view base = s;
  const bool chome = base.ends_with(kChome);
  if (chome) base.remove_suffix(kChome.size());
  if (const std::size_t n = trailing_digits(base); n > 0 && n < base.size()) {
    return std::string(base.substr(0, base.size() - n)) + without_zeros(base.substr(base.size() - n)) +
           std::string(kChome);
  }
  if (chome) {
    if (const std::size_t n = trailing_kanji(base); n > 0 && n < base.size()) {
      if (auto number = sosei::parse_kanji_numeral(base.substr(base.size() - n)))
        return std::string(base.substr(0, base.size() - n)) + std::to_string(*number) + std::string(kChome);
    }
  }
  return s;
}

std::string key_of_name(std::string_view name) { return "name:" + name_key(name); }

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto x = code_points(a), y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

void DistrictIndex::add(const District& d) {
  if (keys_.count(d.key)) return;
  if (!d.code.empty()) codes_.emplace(d.key, d.code);
  keys_.emplace(d.key, entries_.size());
  names_[name_key(d.name)].push_back(entries_.size());
  entries_.push_back(Entry{d.key, d.name, d.code});
}

std::optional<std::string> DistrictIndex::resolve(std::string_view token, const std::string& register_name,
                                                  std::string& why) const {
  why.clear();
  const std::string code = district_key(token);
  if (codes_.count(code)) return code;
  const std::string wanted = name_key(token);
  if (auto it = names_.find(wanted); it != names_.end()) {
    if (it->second.size() == 1) return entries_[it->second.front()].key;
    why = "「" + std::string(trim(token)) + "」という名前の地区が世帯数の表 " + register_name + " に複数あります: ";
    for (std::size_t i : it->second) {
      const Entry& e = entries_[i];
      why += e.name + (e.code.empty() ? "（コードなし）" : "（コード " + e.code + "）") + "、";
    }
    why.resize(why.size() - std::string_view("、").size());
    why += "。名簿には名前ではなく地区のコードを書くか、世帯数の表で名前が重ならないようにしてください";
    return std::nullopt;
  }
  if (!code.empty() && code.find_first_not_of("0123456789") == std::string::npos) return std::nullopt;

  // Not a code, not a name: show the register's names nearest to it, closest first.
  std::vector<std::pair<std::size_t, std::size_t>> nearest;  // distance, entry
  for (std::size_t i = 0; i < entries_.size(); ++i)
    nearest.emplace_back(edit_distance(wanted, name_key(entries_[i].name)), i);
  std::stable_sort(nearest.begin(), nearest.end(), [](auto& a, auto& b) { return a.first < b.first; });
  why = "「" + std::string(trim(token)) + "」は世帯数の表 " + register_name +
        " の地区コードにも地区名にもありません。表のとおりの地区名かコードを書いてください"
        "（名前は英数字とカナの全角・半角、空白、丁目の書き方をそろえてから比べます。それ以外の推測はしません）";
  if (nearest.empty()) return std::nullopt;
  why += "。近い名前: ";
  for (std::size_t k = 0; k < nearest.size() && k < 3; ++k) why += entries_[nearest[k].second].name + "、";
  why.resize(why.size() - std::string_view("、").size());
  return std::nullopt;
}

}  // namespace disaster_coverage
