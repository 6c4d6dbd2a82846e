// How an XLSX workbook shows its numbers (xl/styles.xml): a cell stores 0.853 and shows 85.3 %, stores
// 44927 and shows 2023/1/1. A table read from a sheet must say what a person sees and what the same
// sheet saved as CSV would say, so percentages and dates are written as shown, not as stored.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sosei::input {

class ZipArchive;

enum class NumberShown {
  AsStored,     // general, 0.0, #,##0, times of day, text …
  Percent,      // 0%, 0.0%: 0.853 → 85.3%
  Date,         // yyyy/m/d, 令和5年1月1日 (ggge"年"m"月"d"日"), m月d日 → 2023-01-01
  Month,        // yyyy"年"m"月", mmm-yy → 2023-01
  DateTime,     // yyyy/m/d h:mm → 2023-01-01 12:30:00
  Year,         // yyyy"年", ggge"年" → 2023 (the date's calendar year, as shown)
  FiscalYear,   // ggge"年度" → 2023年度 (the year Excel shows: the date's calendar year, labelled 年度)
  MonthOfYear,  // m"月" → 1月
};

// A format that writes an integer with the text of a period or a code around it, or zero-padded:
// 0"年度" (2024年度), "令和"0"年度" (令和5年度), 0"月" (4月), "R"0 (R5), 00000 (01100). What a person sees
// in such a cell is a period or a code, never the bare number. Units (0"人") are not among them: the
// number is the value, and a KPI's unit says the rest.
struct IntegerFormat {
  std::string prefix, suffix;
  int digits = 1;  // zero-padded to this many digits
};
std::optional<IntegerFormat> integer_format(std::string_view code);
std::string integer_shown(const IntegerFormat& format, std::string_view value);  // value unchanged if not an integer

// The number format of each cell style (<cellXfs>), by the style index a cell's s attribute holds.
class CellStyles {
 public:
  // At most this many styles (Excel itself keeps under 65,000); a larger table is refused as damaged.
  static constexpr std::size_t kMaxStyles = std::size_t{1} << 17;

  void load(ZipArchive& zip, const std::string& part);  // throws InputError
  NumberShown of(std::size_t style) const { return style < shown_.size() ? shown_[style] : NumberShown::AsStored; }
  // An integer as its style writes it, when the style is a period's or a code's integer format
  // (integer_format); nullopt otherwise.
  std::optional<std::string> integer_text(std::size_t style, std::string_view value) const;

 private:
  friend class StylesLoader;
  std::vector<NumberShown> shown_;
  std::vector<int> integer_format_;  // by style: index into integer_formats_, or -1
  std::vector<IntegerFormat> integer_formats_;
};

// What a built-in format id (0–163) or a format code shows (exposed for the tests).
NumberShown shown_by_builtin(int id);
NumberShown shown_by_code(std::string_view code);

// A stored number as the style shows it; `value` as written in the sheet (0.853, 4.4927E4). Dates count
// days from 1899-12-30 (Excel's 1900 system, its phantom 1900-02-29 included) or from 1904-01-01.
// A value that is not a number, or a date outside 1900–9999, is returned unchanged.
std::string shown_number(std::string_view value, NumberShown shown, bool date1904);

}  // namespace sosei::input
