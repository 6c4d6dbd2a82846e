// The report as CSV, one table per file: plain numbers (no separators) so a spreadsheet reads them
// as numbers, statuses as words, percents as "20.0%".
#include <sstream>
#include <vector>

#include "evaluate/format.hpp"
#include "report/cells.hpp"
#include "report/cp932.hpp"
#include "report/labels.hpp"
#include "report/writers.hpp"
#include "text/numbers.hpp"

namespace sosei::report {
namespace {

using Row = std::vector<std::string>;

// A KPI's number rounded by its display rule (scaled by `display: 万人`), without separators and with
// an ASCII minus so a spreadsheet reads it as a number; a status or "—" as its text.
std::string plain(const Figure& f, const KpiRow& r) {
  if (!f.number) return f.text;
  std::string s = text::format_number(*f.number, text::DisplayRule{r.decimals, r.scale, ""}, text::Lang::En);
  std::erase(s, ',');
  return s;
}

// A percent as a spreadsheet reads it: 33120.0% (the other formats group it, 33,120.0%).
std::string plain_percent(std::string text) {
  std::erase(text, ',');
  return text;
}

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string joined(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : " / ") + p;
  return s;
}

// Markers that the other formats print inside a year's cell go to the notes column here.
std::vector<std::string> year_notes(const std::vector<YearCell>& cells, const std::vector<YearColumn>& columns,
                                    Lang lang) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string marked =
        year_cell_text(YearCell{{"", {}}, cells[i].period, cells[i].series_break, "", std::nullopt}, lang);
    if (!marked.empty()) out.push_back(columns[i].label + ":" + marked);
  }
  return out;
}

std::vector<Row> projects(const ReportModel& m, const Labels& l) {
  Row header = {l.goal,
                std::string(l.goal) + (m.options.lang == Lang::Ja ? "名" : " name"),
                l.measure,
                l.project,
                m.options.lang == Lang::Ja ? "KPIコード" : "KPI ID",
                l.kpi,
                l.unit,
                l.baseline,
                std::string(l.baseline) + (m.options.lang == Lang::Ja ? "年" : " year")};
  for (const auto& y : m.years) header.push_back(y.label);
  for (const char* h : {l.actual, l.achievement, l.target, l.department, l.grade}) header.push_back(h);
  header.push_back(m.options.lang == Lang::Ja ? "評価区分" : "grade label");
  header.push_back(l.pace);
  header.push_back(l.notes);
  std::vector<Row> rows = {header};
  for (const auto& r : m.projects) {
    Row row = {std::to_string(r.goal_no), r.goal,           r.measure, r.project, r.id, r.name, r.unit,
               plain(r.baseline, r),      r.baseline_period};
    for (const auto& c : r.years) row.push_back(plain(c.value, r));
    std::vector<std::string> notes = year_notes(r.years, m.years, m.options.lang);
    notes.insert(notes.end(), r.notes.begin(), r.notes.end());
    for (const std::string& cell : {plain(r.actual, r), plain_percent(r.achievement.text), r.target.text, r.department,
                                    r.grade_symbol, r.grade_label, plain_percent(r.pace.text), joined(notes)})
      row.push_back(cell);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<Row> goals(const ReportModel& m, const Labels& l) {
  Row header = {l.goal, std::string(l.goal) + (m.options.lang == Lang::Ja ? "名" : " name"), l.kpi_count};
  for (const auto& g : m.grades) {
    header.push_back(g.symbol + " " + l.count);
    header.push_back(g.symbol + " " + l.share);
  }
  std::vector<Row> rows = {header};
  for (const auto& s : m.goal_summary) {
    Row row = {s.total ? s.name : s.key, s.total ? "" : s.name, std::to_string(s.kpis)};
    for (const auto& t : s.grades) {
      row.push_back(std::to_string(t.count));
      row.push_back(std::to_string(t.share_percent) + "%");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<Row> targets(const ReportModel& m, const Labels& l) {
  const bool ja = m.options.lang == Lang::Ja;
  Row header = {l.goal,
                m.options.lang == Lang::Ja ? "KPIコード" : "KPI ID",
                l.kpi,
                l.unit,
                l.baseline,
                ja ? "基準期間" : "baseline period",
                l.projection,
                l.target,
                ja ? "目標期間" : "target period"};
  for (const auto& y : m.target_years) header.push_back(y.label);
  for (const char* h : {l.actual, l.achievement, l.grade}) header.push_back(h);
  header.push_back(ja ? "評価区分" : "grade label");
  header.push_back(l.notes);
  std::vector<Row> rows = {header};
  for (const auto& r : m.numeric_targets) {
    Row row = {std::to_string(r.goal_no),
               r.id,
               r.name,
               r.unit,
               plain(r.baseline, r),
               r.baseline_period,
               plain(r.projection, r),
               plain(r.target, r),
               r.target_period};
    for (const auto& c : r.years) row.push_back(plain(c.value, r));
    std::vector<std::string> notes = year_notes(r.years, m.target_years, m.options.lang);
    notes.insert(notes.end(), r.notes.begin(), r.notes.end());
    for (const std::string& cell :
         {plain(r.actual, r), plain_percent(r.achievement.text), r.grade_symbol, r.grade_label, joined(notes)})
      row.push_back(cell);
    rows.push_back(std::move(row));
  }
  return rows;
}

// The commentary (docs/signoff.md): one row per KPI, year and kind, the newest version.
std::vector<Row> comments(const ReportModel& m) {
  std::vector<Row> rows = {comment_header(m.options.lang)};
  rows.front().insert(rows.front().begin() + 1, m.options.lang == Lang::Ja ? "KPIコード" : "KPI ID");
  for (const auto* kpis : {&m.projects, &m.numeric_targets})
    for (const auto& r : *kpis)
      for (const auto& c : r.comments)
        rows.push_back({r.name, r.id, c.year_label, c.kind_label, c.text, std::to_string(c.version)});
  return rows;
}

}  // namespace

std::string csv_report(const ReportModel& m, CsvTable table, CsvEncoding encoding) {
  const Labels& l = labels_for(m.options.lang);
  const std::vector<Row> rows = table == CsvTable::Projects   ? projects(m, l)
                                : table == CsvTable::Goals    ? goals(m, l)
                                : table == CsvTable::Comments ? comments(m)
                                                              : targets(m, l);
  std::string out = encoding == CsvEncoding::Utf8Bom ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string line;
    for (std::size_t c = 0; c < rows[i].size(); ++c) line += (c ? "," : "") + field(rows[i][c]);
    line += "\r\n";
    if (encoding == CsvEncoding::Cp932) {
      try {
        line = utf8_to_cp932(line);
      } catch (const Cp932Error& e) {
        // Row numbers count the header as row 1, as a spreadsheet shows them.
        const std::string which = i == 0                        ? "the header"
                                  : table == CsvTable::Goals    ? "goal " + rows[i][0]
                                  : table == CsvTable::Projects ? "KPI " + rows[i][4]
                                                                : "KPI " + rows[i][1];  // targets, comments
        throw ReportError("CSV row " + std::to_string(i + 1) + " (" + which + "): " + e.what() +
                          "; write UTF-8 instead (omit --encoding) or change that text");
      }
    }
    out += line;
  }
  return out;
}

}  // namespace sosei::report
