// Commentary and --approved-only in the report model (signoff.hpp). A row whose shown values are not
// all approved is graded by nobody: its actual, achievement, grade, pace and forecast say 未確定, and
// the goal summary counts it in a 未確定 column instead of under its grade, so the council never sees
// a grade that rests on an unapproved number.
#include "report/signoff.hpp"

#include <algorithm>

#include "text/catalogue.hpp"
#include "text/periods.hpp"

namespace sosei::report {
namespace {

bool approved(const SignoffInput& s, const std::string& kpi, const Period& p) {
  return std::any_of(s.approved.begin(), s.approved.end(),
                     [&](const store::Approval& a) { return a.kpi == kpi && a.period == p; });
}

// A report as of R6 is the one handed to the council for R6: the R7 commentary written since belongs to
// a later report. A comment's year is a fiscal year, a calendar-year KPI's too (app/commentary.cpp).
void attach_comments(KpiRow& row, const SignoffInput& signoff, const ReportOptions& options, const Date& as_of) {
  const int last_year = fiscal_year_of(as_of);
  for (const auto& comment : signoff.comments)
    if (comment.kpi == row.id && comment.year <= last_year)
      row.comments.push_back({comment.year, text::year_label(comment.year, options.years),
                              store::to_string(comment.kind), comment_kind_label(comment.kind, options.lang),
                              comment.text, comment.version});
  // why < next < committee is not alphabetical: order the kinds as the council reads them.
  auto rank = [](const std::string& k) { return k == "why" ? 0 : k == "next" ? 1 : 2; };
  std::stable_sort(row.comments.begin(), row.comments.end(), [&](const KpiComment& a, const KpiComment& b) {
    return a.year != b.year ? a.year < b.year : rank(a.kind) < rank(b.kind);
  });
}

// Marks the row's unapproved values; true when any shown value is unapproved.
bool mark_values(KpiRow& row, const SignoffInput& signoff, const text::Catalogue& c) {
  bool any = false;
  for (auto& cell : row.years)
    if (cell.stored_period && !approved(signoff, row.id, *cell.stored_period)) {
      cell.value = {c.unconfirmed, std::nullopt};
      cell.note.clear();  // 「全 17,500 世帯のうち…」: the unapproved figure again, as a tooltip or comment
      any = true;
    }
  return any;
}

// The chart and the drill-downs of a final report draw approved years only: the chart keeps the
// approved years up to the first unapproved one (a cumulative line must not skip a year), and a
// drill-down's cells of an unapproved year are left empty.
void hide_unapproved(KpiRow& row, const SignoffInput& signoff) {
  const bool calendar = row.chart.calendar_years;
  auto ok = [&](int year) {
    return approved(signoff, row.id, calendar ? Period::calendar_year(year) : Period::fiscal_year(year));
  };
  auto& points = row.chart.values;
  points.erase(std::find_if(points.begin(), points.end(), [&](const ChartPoint& p) { return !ok(p.year); }),
               points.end());
  if (row.unconfirmed) row.chart.forecast.clear();
  for (auto& d : row.drilldowns)
    for (std::size_t i = 0; i < d.years.size(); ++i) {
      if (ok(d.years[i].year)) continue;
      for (auto& r : d.rows) r.values[i].reset();  // before the rows are ordered and cut (report_model.cpp)
    }
}

void unconfirm(KpiRow& row, const text::Catalogue& c) {
  row.unconfirmed = true;
  row.actual = {c.unconfirmed, std::nullopt};
  row.achievement = {Achievement::Kind::None, std::nullopt, c.unconfirmed};
  row.grade_symbol = c.unconfirmed;
  row.grade_label.clear();
  row.grade_basis.clear();
  row.pace = {"—", std::nullopt};
  row.off_track = false;
  row.forecast = {"—", std::nullopt};
  // How the actual was formed and the evaluation's notes quote the unapproved figures (「令和7年度（7）
  // の合計 = 7」): the final report keeps only the strategy's own note.
  row.formed.clear();
  row.flagged = false;
  row.notes.clear();
  if (!row.strategy_note.empty()) row.notes.push_back(row.strategy_note);
  row.notes.push_back(c.unconfirmed_note);
}

// The goal summary without the unconfirmed rows' grades, with a 未確定 column at the end.
void recount(ReportModel& m, const text::Catalogue& c) {
  m.grades.push_back({c.unconfirmed, ""});
  for (auto& s : m.goal_summary) s.grades.push_back({0, 0});
  const std::size_t last = m.grades.size() - 1;
  for (const auto& row : m.projects) {
    if (!row.unconfirmed) continue;
    for (auto& s : m.goal_summary) {
      if (!s.total && s.key != std::to_string(row.goal_no)) continue;
      if (row.grade_index < last && s.grades[row.grade_index].count > 0) --s.grades[row.grade_index].count;
      ++s.grades[last].count;
    }
  }
  // Shares as the evaluation rounds them: whole percent, half up, in integers.
  for (auto& s : m.goal_summary)
    for (auto& g : s.grades) g.share_percent = s.kpis > 0 ? (200 * g.count + s.kpis) / (2 * s.kpis) : 0;
}

}  // namespace

std::string comment_kind_label(store::CommentKind kind, text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  switch (kind) {
    case store::CommentKind::Next:
      return c.comment_next;
    case store::CommentKind::Committee:
      return c.comment_committee;
    case store::CommentKind::Why:
      break;
  }
  return c.comment_why;
}

void apply_signoff(ReportModel& m, const SignoffInput& signoff, const Date& as_of) {
  const text::Catalogue& c = text::catalogue(m.options.lang);
  m.approved_only = signoff.approved_only;
  for (auto* rows : {&m.projects, &m.numeric_targets})
    for (auto& row : *rows) {
      attach_comments(row, signoff, m.options, as_of);
      if (!signoff.approved_only) continue;
      if (mark_values(row, signoff, c)) unconfirm(row, c);
      hide_unapproved(row, signoff);
    }
  if (signoff.approved_only) recount(m, c);
}

}  // namespace sosei::report
