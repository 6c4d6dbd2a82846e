// `sosei evaluate [--as-of DATE|FY] [--scheme NAME] [--json] [--save]`: every KPI graded against its
// target, then the council's rollups per basic goal, per department and in total (docs/evaluation.md);
// --save keeps it in the store (`sosei evaluations`).
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "app/evaluation.hpp"
#include "app/flags.hpp"
#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "evaluate/explain.hpp"
#include "evaluate/format.hpp"
#include "evaluate/store_input.hpp"
#include "present/evaluation_json.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"

namespace sosei::cli {
namespace {

using evaluate::shown_forecast;
using evaluate::shown_pace;
using evaluate::shown_ratio;
using evaluate::shown_value;

std::string values_text(const evaluate::KpiEvaluation& e, const text::Locale& l) {
  std::string s;
  for (const auto& y : e.years)
    s += (s.empty()                  ? ""
          : l.lang == text::Lang::Ja ? "、"
                                     : ", ") +
         text::period_text(y.period, l.years, l.lang) + " " + shown_value(y.value, e.kpi, l.lang);
  return s.empty() ? "—" : s;
}

std::string goal_text(const config::Kpi& k, const text::Catalogue& c) {
  return std::to_string(k.goal_no) + (k.goal_level ? std::string(" ") + c.goal_numeric_target : "");
}

// The key columns fit default_table_width(); --wide adds measure, project, baseline, the yearly
// values, how the actual was formed, pace and forecast.
void print_kpis(const evaluate::Evaluation& ev, const text::Locale& l, bool wide,
                const std::set<std::string>& flagged) {
  const text::Catalogue& c = text::catalogue(l.lang);
  std::vector<std::string> header =
      wide ? std::vector<std::string>{c.goal,   c.measure, c.project,     c.kpi,   c.baseline, c.values,   c.actual,
                                      c.formed, c.target,  c.achievement, c.grade, c.pace,     c.forecast, c.department}
           : std::vector<std::string>{c.goal, c.kpi, c.actual, c.target, c.achievement, c.grade, c.department};
  TextTable table(header);
  const std::vector<std::size_t> right =
      wide ? std::vector<std::size_t>{4, 6, 8, 9} : std::vector<std::size_t>{2, 3, 4};
  for (std::size_t col : right) table.align_right(col);
  if (!wide) table.fit(default_table_width(), 1);
  for (const auto& e : ev.kpis) {
    const auto& k = e.kpi;
    const std::string name = l.lang == text::Lang::En && !k.name_en.empty() ? k.name_en : k.name_ja;
    std::string actual = e.actual.value ? shown_value(*e.actual.value, k, l.lang) : "—";
    if (flagged.contains(k.id)) actual += " ※";  // an open data-quality flag (docs/quality.md)
    const std::string grade = e.grade.symbol + " " + e.grade.label;
    if (wide)
      table.add({goal_text(k, c), k.measure, k.project, name, k.baseline.text, values_text(e, l), actual,
                 e.actual.formed_shown ? e.actual.formed_shown(l) : e.actual.formed, k.target.value.text,
                 shown_ratio(e, l.lang), grade, shown_pace(e, l.lang), shown_forecast(e, l.lang), k.department});
    else
      table.add({goal_text(k, c), name, actual, k.target.value.text, shown_ratio(e, l.lang), grade, k.department});
  }
  table.print(std::cout);
  if (!flagged.empty()) std::cout << c.flag_marker_legend << '\n';
  bool heading = false;
  for (const auto& e : ev.kpis)
    for (const auto& n : e.notes_shown) {
      if (!heading) std::cout << '\n' << c.note_heading << '\n';
      heading = true;
      std::cout << "  " << e.kpi.id << ": " << n(l) << '\n';
    }
}

void print_rollups(const evaluate::Evaluation& ev, const text::Locale& l) {
  const text::Catalogue& c = text::catalogue(l.lang);
  std::vector<std::string> header = {"", c.kpi_count};
  for (const auto& g : ev.total.grades) header.push_back(g.symbol + " " + g.label);
  TextTable table(header);
  for (std::size_t col = 1; col < header.size(); ++col) table.align_right(col);
  auto row = [&](const std::string& name, const evaluate::Rollup& r) {
    std::vector<std::string> cells = {name, std::to_string(r.kpis)};
    for (const auto& g : r.grades)
      cells.push_back(std::to_string(g.count) + (l.lang == text::Lang::Ja ? "（" : " (") +
                      std::to_string(g.share_percent) + (l.lang == text::Lang::Ja ? "%）" : "%)"));
    table.add(cells);
  };
  for (const auto& g : ev.goals) row(c.basic_goal_prefix + g.key, g);
  for (const auto& d : ev.departments) row(d.name, d);
  row(c.total_row, ev.total);
  std::cout << '\n';
  table.print(std::cout);
}

}  // namespace

void add_evaluate_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("evaluate", "Grade every KPI against its target, with pace and rollups");
  struct Args {
    std::string as_of;
    std::string scheme;
    bool json = false;
    bool save = false;
    bool wide = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--as-of", args->as_of, "use what was published by: 2026-01-31, FY2025, R7 (default: today)");
  cmd->add_option("--scheme", args->scheme, "grading scheme in the grading folder (default: the configured one)");
  cmd->add_flag("--json", args->json, "print as JSON");
  cmd->add_flag("--wide", args->wide, "every column (measure, project, baseline, values, how formed, pace, forecast)");
  add_locale_options(cmd, env.session);
  cmd->add_flag("--save", args->save, "store this evaluation and print its id (see `sosei evaluations`)");
  cmd->callback([env, args] {
    const app::Environment& app_env = env.session.env();
    const Date as_of =
        from_user_input(env.session.locale(), "evaluate", [&] { return app::as_of_date(app_env, args->as_of); });
    const auto scheme =
        from_user_input(env.session.locale(), "evaluate", [&] { return app::grading_scheme(app_env, args->scheme); });
    // Without --save it only reads: it then works on a read-only or full disk too.
    store::Store& store = env.session.store(args->save ? app::StoreOpen::MustExist : app::StoreOpen::ReadOnly);
    const auto ev = app::evaluate_stored(app_env, store, as_of, scheme);
    const int64_t saved = args->save ? evaluate::save_evaluation(store, ev) : 0;
    const std::set<std::string> flagged = app::flagged_kpis(store, ev);
    if (args->json) {
      nlohmann::json out = present::to_json(ev);
      out["flagged_kpis"] = flagged;  // KPIs whose actual has an open data-quality flag
      if (args->save) out["evaluation_id"] = saved;
      std::cout << out.dump(2) << '\n';
    } else {
      const text::Locale l = env.session.locale();
      const text::Catalogue& c = text::catalogue(l.lang);
      std::cout << fmt::format(fmt::runtime(c.evaluate_heading), ev.city, ev.strategy,
                               text::date_text(ev.as_of, l.lang), ev.scheme, ev.scheme_title)
                << "\n\n";
      print_kpis(ev, l, args->wide, flagged);
      print_rollups(ev, l);
      if (args->save) std::cout << '\n' << fmt::format(fmt::runtime(c.saved_as_evaluation), saved) << '\n';
    }
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
