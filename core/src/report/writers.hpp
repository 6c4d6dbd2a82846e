// The report formats. Each writer only lays out a ReportModel; the numbers and texts are the model's.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "report/report_model.hpp"

namespace sosei::report {

// A report that cannot be written as asked (encoding, file); what() says where and what to do.
class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Format { Html, Xlsx, Csv, Markdown, Json };

std::optional<Format> format_named(std::string_view name);    // html xlsx csv md json
std::optional<Format> format_of_path(std::string_view path);  // by extension: .html .htm .xlsx .csv .md .json
std::string format_name(Format format);
bool is_binary(Format format);  // xlsx: not for stdout

// One self-contained HTML page: inline CSS, JS and SVG, no external asset (html_writer.cpp).
std::string html_report(const ReportModel& model);

std::string markdown_report(const ReportModel& model);

// Stable keys (docs/report.md): add, never rename.
std::string json_report(const ReportModel& model);

// CSV holds one table: the project table, the goal summary, or the numeric targets.
enum class CsvTable { Projects, Goals, Targets, Comments };
enum class CsvEncoding { Utf8Bom, Cp932 };
// RFC 4180 with CRLF. UTF-8 starts with a BOM (Excel in Japan needs it to read UTF-8); CP932 throws
// ReportError naming the row and the character when a text has no CP932 form.
std::string csv_report(const ReportModel& model, CsvTable table, CsvEncoding encoding);

// A workbook with a sheet per table (xlsx_writer.cpp); throws ReportError when it cannot be written.
void write_xlsx(const ReportModel& model, const std::string& path);

}  // namespace sosei::report
