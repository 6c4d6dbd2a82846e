// The report as an Excel workbook (libxlsxwriter): a sheet per table, numbers stored as numbers with
// thousands separators and percent formats, merged goal / measure / project cells, frozen headers,
// A4 landscape printing. Markers of a year's value (calendar year, series break, note) are comments.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "report/cells.hpp"
#include "report/labels.hpp"
#include "report/number_format.hpp"
#include "report/writers.hpp"
#include "report/xlsx_layout.hpp"

namespace sosei::report {
namespace {

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* text;
  lxw_format* group;  // merged goal / measure / project cells
  lxw_format* integer;
  lxw_format* decimal;
  lxw_format* percent;
  lxw_format* percent_off_track;
  lxw_format* share;
  lxw_format* grade;
  lxw_format* total_text;
  lxw_format* total_integer;
  lxw_format* total_share;
  // A KPI's numbers by its display rule: index = decimals (0–6); Japanese negatives as △1,305.
  lxw_format* kpi_number[7];
  // The same followed by ※: a value with an open data-quality flag, as the other formats mark it (20※).
  lxw_format* kpi_flagged[7];
  // 0.0% followed by words ("（達成）", "（進捗）"), made on first use, one per suffix.
  lxw_workbook* workbook;
  mutable std::map<std::string, lxw_format*> percent_with;
  lxw_format* percent_suffixed(const std::string& suffix) const;
};

// A KPI's notes (its strategy note, why it cannot be measured, the ※ legend) one per line, as the other
// formats list them beside the table.
std::string lines(const std::vector<std::string>& notes) {
  std::string out;
  for (const auto& n : notes) out += (out.empty() ? "" : "\n") + n;
  return out;
}

lxw_format* cell_format(lxw_workbook* wb, const char* num_format = nullptr, bool bold = false) {
  lxw_format* f = workbook_add_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_border_color(f, 0xB0B7C3);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_font_size(f, 10);
  if (num_format) format_set_num_format(f, num_format);
  if (bold) {
    format_set_bold(f);
    format_set_bg_color(f, 0xEEF2F7);
  }
  return f;
}

lxw_format* Formats::percent_suffixed(const std::string& suffix) const {
  if (suffix.empty()) return percent;
  auto& f = percent_with[suffix];
  if (!f) {
    std::string quoted;  // a literal in a number format, between quotes (which it cannot hold)
    for (char c : suffix)
      if (c != '"') quoted += c;
    f = cell_format(workbook, ("0.0%\"" + quoted + "\"").c_str());
  }
  return f;
}

Formats make_formats(lxw_workbook* wb, Lang lang) {
  Formats f{};
  f.workbook = wb;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  f.header = cell_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0x1F3A5F);
  format_set_font_color(f.header, LXW_COLOR_WHITE);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  f.text = cell_format(wb);
  format_set_text_wrap(f.text);
  f.group = cell_format(wb);
  format_set_text_wrap(f.group);
  format_set_align(f.group, LXW_ALIGN_VERTICAL_TOP);
  f.integer = cell_format(wb, "#,##0");
  f.decimal = cell_format(wb, "#,##0.00");
  f.percent = cell_format(wb, "0.0%");
  // The number stays a number; the words are part of its display format.
  f.percent_off_track = cell_format(wb, lang == Lang::Ja ? "0.0%\"（遅れ）\"" : "0.0%\" (off track)\"");
  format_set_font_color(f.percent_off_track, 0xB42318);
  f.share = cell_format(wb, "0%");
  f.grade = cell_format(wb);
  format_set_align(f.grade, LXW_ALIGN_CENTER);
  f.total_text = cell_format(wb, nullptr, true);
  f.total_integer = cell_format(wb, "#,##0", true);
  f.total_share = cell_format(wb, "0%", true);
  for (int d = 0; d < 7; ++d) {
    const std::string digits = "#,##0" + (d > 0 ? "." + std::string(static_cast<std::size_t>(d), '0') : "");
    const std::string code = lang == Lang::Ja ? digits + ";\"△\"" + digits : digits;
    f.kpi_number[d] = cell_format(wb, code.c_str());
    const std::string flagged = digits + "\"※\";" + (lang == Lang::Ja ? "\"△\"" : "-") + digits + "\"※\"";
    f.kpi_flagged[d] = cell_format(wb, flagged.c_str());
  }
  return f;
}

// The font size a cell of format `f` is drawn in (libxlsxwriter's default is 11 points).
double font_size_of(const lxw_format* f) { return f && f->font_size > 0 ? f->font_size : 11.0; }

class Sheet {
 public:
  Sheet(lxw_worksheet* ws, const Formats& f) : ws_(ws), f_(f) {}

  void text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt = nullptr) {
    fmt = fmt ? fmt : f_.text;
    worksheet_write_string(ws_, r, c, s.c_str(), fmt);
    note_cell(r, r, c, s, fmt);
  }
  void merge(lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1, const std::string& s, lxw_format* fmt) {
    worksheet_merge_range(ws_, r0, c0, r1, c1, s.c_str(), fmt);
    note_cell(r0, r1, c0, s, fmt, c1);
  }
  void number(lxw_row_t r, lxw_col_t c, double v, lxw_format* fmt = nullptr) {
    fmt = fmt ? fmt : (is_whole(v) ? f_.integer : f_.decimal);
    worksheet_write_number(ws_, r, c, v, fmt);
    note_cell(r, r, c, "", fmt);
  }
  // A number when there is one, else its text (a status, "—").
  void figure(lxw_row_t r, lxw_col_t c, const Figure& fig, lxw_format* fmt = nullptr) {
    if (fig.number)
      number(r, c, *fig.number, fmt);
    else
      text(r, c, fig.text);
  }
  // A KPI's figure: its number (scaled by `display: 万人`) with the KPI's decimals, else its text.
  void kpi_figure(lxw_row_t r, lxw_col_t c, const Figure& fig, const KpiRow& kpi) {
    if (!fig.number) return text(r, c, fig.text);
    static constexpr std::string_view kFlag = "※";  // the figure waits for its department (docs/quality.md)
    const bool flagged = std::string_view(fig.text).ends_with(kFlag);
    const double v = *fig.number / kpi.scale;
    lxw_format* format = nullptr;  // up to two decimals, as number() chooses
    if (kpi.decimals >= 0) {
      const auto d = static_cast<std::size_t>(std::min(kpi.decimals, 6));
      format = flagged ? f_.kpi_flagged[d] : f_.kpi_number[d];
    } else if (flagged) {
      format = f_.kpi_flagged[is_whole(v) ? 0 : 2];
    }
    number(r, c, v, format);
  }
  void percent(lxw_row_t r, lxw_col_t c, const Figure& fig, bool off_track = false) {
    if (fig.number)
      number(r, c, *fig.number, off_track ? f_.percent_off_track : f_.percent);
    else
      text(r, c, fig.text, f_.grade);
  }
  // The ratio or progress as a number whose format keeps the words the other formats print after
  // it (80.0%（達成）, 143.5%（進捗）); else the text (達成, —).
  void achievement(lxw_row_t r, lxw_col_t c, const Achievement& a) {
    if (!a.fraction) return text(r, c, a.text, f_.grade);
    std::size_t end = a.text.find('%');
    std::size_t mark = 1;
    if (const auto wide = a.text.find("％"); wide != std::string::npos && (end == std::string::npos || wide < end)) {
      end = wide;
      mark = std::string("％").size();
    }
    number(r, c, *a.fraction, f_.percent_suffixed(end == std::string::npos ? "" : a.text.substr(end + mark)));
  }
  void comment(lxw_row_t r, lxw_col_t c, const std::string& s) {
    if (!s.empty()) worksheet_write_comment(ws_, r, c, s.c_str());
  }
  void header(lxw_row_t r, const std::vector<std::string>& names) {
    for (std::size_t c = 0; c < names.size(); ++c) text(r, static_cast<lxw_col_t>(c), names[c], f_.header);
  }
  // Merges the cells of column `c` over runs of rows with the same key (goal, measure, project).
  void merge_runs(lxw_row_t first, lxw_col_t c, std::size_t n, const std::function<std::string(std::size_t)>& key,
                  const std::function<std::string(std::size_t)>& shown) {
    std::size_t start = 0;
    for (std::size_t i = 1; i <= n; ++i) {
      if (i < n && key(i) == key(start)) continue;
      const auto r0 = static_cast<lxw_row_t>(first + start), r1 = static_cast<lxw_row_t>(first + i - 1);
      if (r1 > r0)
        merge(r0, c, r1, c, shown(start), f_.group);
      else
        text(r0, c, shown(start), f_.group);
      start = i;
    }
  }
  void widths(const std::vector<double>& w) {
    widths_ = w;
    for (std::size_t c = 0; c < w.size(); ++c)
      worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w[c], nullptr);
  }
  // Stores every written row's height: the tallest of its cells' wrapped text, then merged cells
  // that need more than their rows give get the difference spread over their rows. Call after
  // widths().
  void fit_rows() {
    std::map<lxw_row_t, double> height;
    for (const auto& c : cells_) {
      const double h = row_height_points(lines_of(c), c.font_size);
      if (c.last_row == c.row) height[c.row] = std::max(height[c.row], h);
      height.try_emplace(c.row, 0.0);
      height.try_emplace(c.last_row, 0.0);
    }
    for (const auto& c : cells_) {
      if (c.last_row == c.row) continue;
      double have = 0;
      for (lxw_row_t r = c.row; r <= c.last_row; ++r)
        have += height[r] = std::max(height[r], row_height_points(1, c.font_size));
      const double need = row_height_points(lines_of(c), c.font_size);
      if (need > have)
        for (lxw_row_t r = c.row; r <= c.last_row; ++r) height[r] += (need - have) / (c.last_row - c.row + 1);
    }
    for (const auto& [r, h] : height) worksheet_set_row(ws_, r, std::ceil(h), nullptr);
  }
  // A4 landscape, every column on the page (as many pages down as it takes), the header rows on
  // every page, the page number in the footer.
  void print_setup(lxw_row_t first_header_row, lxw_row_t last_header_row) {
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_fit_to_pages(ws_, 1, 0);
    worksheet_repeat_rows(ws_, first_header_row, last_header_row);
    worksheet_set_margins(ws_, 0.4, 0.4, 0.6, 0.6);
    worksheet_set_footer(ws_, "&C&P / &N");
  }
  lxw_worksheet* ws() { return ws_; }

 private:
  // A written cell (or merged range) as far as its row's height is concerned.
  struct Written {
    lxw_row_t row, last_row;
    lxw_col_t col, last_col;
    std::string text;  // empty for numbers: one line
    bool wrap;
    double font_size;
  };
  void note_cell(lxw_row_t r0, lxw_row_t r1, lxw_col_t c, const std::string& s, const lxw_format* fmt,
                 std::optional<lxw_col_t> c1 = std::nullopt) {
    cells_.push_back({r0, r1, c, c1.value_or(c), s, fmt && fmt->text_wrap, font_size_of(fmt)});
  }
  int lines_of(const Written& c) const {
    if (!c.wrap || c.text.empty()) return 1;
    double width = 0;
    for (lxw_col_t k = c.col; k <= c.last_col; ++k) width += k < widths_.size() ? widths_[k] : 8.43;
    return wrapped_lines(c.text, width);
  }

  lxw_worksheet* ws_;
  const Formats& f_;
  std::vector<double> widths_;
  std::vector<Written> cells_;
};

// Excel allows 31 characters in a sheet name: the Japanese titles fit, the English ones are shortened.
lxw_worksheet* add_sheet(lxw_workbook* wb, const ReportModel& m, const char* ja_title, const char* en_name) {
  const char* name = m.options.lang == Lang::Ja ? ja_title : en_name;
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  if (!ws) throw ReportError(std::string("libxlsxwriter refused the sheet name '") + name + "'");
  return ws;
}

std::string title_of(const ReportModel& m, const char* table) {
  const Labels& l = labels_for(m.options.lang);
  // A printed draft must not pass for the council's version: the title says which it is.
  return m.city + " " + m.strategy + " — " + table + "（" + l.as_of + " " + m.as_of_text + "）" +
         (m.approved_only ? l.report_final : l.report_draft);
}

void projects_sheet(lxw_workbook* wb, const Formats& f, const ReportModel& m) {
  const Labels& l = labels_for(m.options.lang);
  Sheet s(add_sheet(wb, m, l.project_table, "Projects"), f);
  s.text(0, 0, title_of(m, l.project_table), f.title);
  std::vector<std::string> header = {l.goal, l.measure, l.project, l.kpi, l.unit, l.baseline};
  for (const auto& y : m.years) header.push_back(y.label);
  for (const char* h : {l.actual, l.achievement, l.target, l.department, l.grade, l.pace, l.notes}) header.push_back(h);
  s.header(1, header);
  const lxw_row_t first = 2;
  const auto& rows = m.projects;
  const auto goal_key = [&](std::size_t i) { return std::to_string(rows[i].goal_no); };
  s.merge_runs(first, 0, rows.size(), goal_key,
               [&](std::size_t i) { return goal_heading(rows[i].goal_no, m.options.lang) + "\n" + rows[i].goal; });
  s.merge_runs(
      first, 1, rows.size(), [&](std::size_t i) { return goal_key(i) + "\t" + rows[i].measure; },
      [&](std::size_t i) { return rows[i].measure; });
  s.merge_runs(
      first, 2, rows.size(),
      [&](std::size_t i) { return goal_key(i) + "\t" + rows[i].measure + "\t" + rows[i].project; },
      [&](std::size_t i) { return rows[i].project; });
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const auto row = static_cast<lxw_row_t>(first + i);
    lxw_col_t c = 3;
    s.text(row, c++, r.name);
    s.text(row, c++, r.unit, f.grade);
    s.kpi_figure(row, c, r.baseline, r);
    s.comment(row, c++, r.baseline_period);
    for (const auto& y : r.years) {
      if (y.value.text.empty())
        s.text(row, c, "");
      else
        s.kpi_figure(row, c, y.value, r);
      s.comment(row, c++,
                year_cell_text(YearCell{{"", {}}, y.period, y.series_break, "", std::nullopt}, m.options.lang) +
                    (y.note.empty() ? "" : " " + y.note));
    }
    s.kpi_figure(row, c, r.actual, r);
    s.comment(row, c++, r.formed);
    s.achievement(row, c++, r.achievement);
    s.text(row, c++, r.target.text);
    s.text(row, c++, r.department);
    s.text(row, c++, grade_text(r), f.grade);
    s.percent(row, c++, r.pace, r.off_track);
    s.text(row, c++, lines(r.notes));
  }
  std::vector<double> widths = {22, 22, 20, 34, 6, 11};
  for (std::size_t i = 0; i < m.years.size(); ++i) widths.push_back(10);
  for (double w : {11.0, 10.0, 16.0, 12.0, 16.0, 12.0, 40.0}) widths.push_back(w);
  s.widths(widths);
  s.fit_rows();
  worksheet_freeze_panes(s.ws(), 2, 4);
  worksheet_autofilter(s.ws(), 1, 3, static_cast<lxw_row_t>(first + (rows.empty() ? 0 : rows.size() - 1)),
                       static_cast<lxw_col_t>(header.size() - 1));
  s.print_setup(1, 1);
}

void summary_sheet(lxw_workbook* wb, const Formats& f, const ReportModel& m) {
  const Labels& l = labels_for(m.options.lang);
  Sheet s(add_sheet(wb, m, l.goal_summary, "Goal summary"), f);
  s.text(0, 0, title_of(m, l.goal_summary), f.title);
  // Two header rows: each grade spans its count and share.
  s.merge(1, 0, 2, 0, l.goal, f.header);
  s.merge(1, 1, 2, 1, l.kpi_count, f.header);
  for (std::size_t g = 0; g < m.grades.size(); ++g) {
    const auto c = static_cast<lxw_col_t>(2 + 2 * g);
    s.merge(1, c, 1, c + 1,
            m.grades[g].label.empty() ? m.grades[g].symbol : m.grades[g].symbol + " " + m.grades[g].label, f.header);
    s.text(2, c, l.count, f.header);
    s.text(2, c + 1, l.share, f.header);
  }
  for (std::size_t i = 0; i < m.goal_summary.size(); ++i) {
    const auto& r = m.goal_summary[i];
    const auto row = static_cast<lxw_row_t>(3 + i);
    s.text(row, 0, r.total ? r.name : goal_heading(r, m.options.lang) + " " + r.name, r.total ? f.total_text : f.text);
    s.number(row, 1, r.kpis, r.total ? f.total_integer : f.integer);
    for (std::size_t g = 0; g < r.grades.size(); ++g) {
      const auto c = static_cast<lxw_col_t>(2 + 2 * g);
      s.number(row, c, r.grades[g].count, r.total ? f.total_integer : f.integer);
      s.number(row, c + 1, r.grades[g].share_percent / 100.0, r.total ? f.total_share : f.share);
    }
  }
  std::vector<double> widths = {48, 8};
  for (std::size_t g = 0; g < m.grades.size(); ++g) {
    widths.push_back(8);
    widths.push_back(8);
  }
  s.widths(widths);
  s.fit_rows();
  worksheet_freeze_panes(s.ws(), 3, 1);
  s.print_setup(1, 2);
}

void targets_sheet(lxw_workbook* wb, const Formats& f, const ReportModel& m) {
  const Labels& l = labels_for(m.options.lang);
  Sheet s(add_sheet(wb, m, l.numeric_targets, "Numeric targets"), f);
  s.text(0, 0, title_of(m, l.numeric_targets), f.title);
  const bool ja = m.options.lang == Lang::Ja;
  std::vector<std::string> header = {l.goal,
                                     l.kpi,
                                     l.unit,
                                     l.baseline,
                                     ja ? "基準期間" : "Baseline period",
                                     l.projection,
                                     l.target,
                                     ja ? "目標期間" : "Target period"};
  for (const auto& y : m.target_years) header.push_back(y.label);
  for (const char* h : {l.actual, l.achievement, l.grade, l.notes}) header.push_back(h);
  s.header(1, header);
  for (std::size_t i = 0; i < m.numeric_targets.size(); ++i) {
    const auto& r = m.numeric_targets[i];
    const auto row = static_cast<lxw_row_t>(2 + i);
    lxw_col_t c = 0;
    s.text(row, c++, goal_heading(r.goal_no, m.options.lang) + " " + r.goal);
    s.text(row, c++, r.name);
    s.text(row, c++, r.unit, f.grade);
    s.kpi_figure(row, c++, r.baseline, r);
    s.text(row, c++, r.baseline_period, f.grade);
    s.kpi_figure(row, c++, r.projection, r);
    s.kpi_figure(row, c++, r.target, r);
    s.text(row, c++, r.target_period, f.grade);
    for (const auto& y : r.years) {
      if (y.value.text.empty())
        s.text(row, c++, "");
      else
        s.kpi_figure(row, c++, y.value, r);
    }
    s.kpi_figure(row, c, r.actual, r);
    s.comment(row, c++, r.formed);
    s.achievement(row, c++, r.achievement);
    s.text(row, c++, grade_text(r), f.grade);
    s.text(row, c++, lines(r.notes));
  }
  std::vector<double> widths = {40, 16, 6, 10, 12, 10, 10, 12};
  for (std::size_t i = 0; i < m.target_years.size(); ++i) widths.push_back(9);
  for (double w : {10.0, 12.0, 16.0, 40.0}) widths.push_back(w);
  s.widths(widths);
  s.fit_rows();
  worksheet_freeze_panes(s.ws(), 2, 2);
  s.print_setup(1, 1);
}

// The commentary beside the figures (docs/signoff.md): KPI, year, kind, text, version.
void comments_sheet(lxw_workbook* wb, const Formats& f, const ReportModel& m) {
  const Labels& l = labels_for(m.options.lang);
  Sheet s(add_sheet(wb, m, l.commentary_sheet, l.commentary_sheet), f);
  s.text(0, 0, title_of(m, l.commentary), f.title);
  s.header(1, comment_header(m.options.lang));
  const auto rows = comment_rows(m);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto row = static_cast<lxw_row_t>(2 + i);
    for (std::size_t c = 0; c + 1 < rows[i].size(); ++c) s.text(row, static_cast<lxw_col_t>(c), rows[i][c]);
    s.number(row, static_cast<lxw_col_t>(rows[i].size() - 1), std::stod(rows[i].back()));
  }
  s.widths({40, 8, 16, 80, 6});
  s.fit_rows();
  worksheet_freeze_panes(s.ws(), 2, 1);
  s.print_setup(1, 1);
}

}  // namespace

void write_xlsx(const ReportModel& m, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw ReportError("cannot create the workbook " + path + ": check that its folder exists and is writable");
  lxw_doc_properties props{};
  const std::string title = m.city + " " + m.strategy;
  props.title = const_cast<char*>(title.c_str());
  props.subject = const_cast<char*>(labels_for(m.options.lang).project_table);
  workbook_set_properties(wb, &props);
  const Formats f = make_formats(wb, m.options.lang);
  try {
    projects_sheet(wb, f, m);
    summary_sheet(wb, f, m);
    if (!m.numeric_targets.empty()) targets_sheet(wb, f, m);
    if (!comment_rows(m).empty()) comments_sheet(wb, f, m);
  } catch (...) {
    workbook_close(wb);  // frees it; the half-written file is the caller's temporary
    throw;
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    throw ReportError("cannot write the workbook " + path + ": " + lxw_strerror(err) +
                      " (check that its folder exists and is writable)");
}

}  // namespace sosei::report
