// `sosei evaluate [--as-of DATE|FY] [--scheme NAME] [--json] [--save]`: every KPI graded against its
// target, then the council's rollups per basic goal, per department and in total (docs/evaluation.md);
// --save keeps it in the store (`sosei evaluations`).
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/evaluation.hpp"
#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "evaluate/format.hpp"
#include "evaluate/store_input.hpp"
#include "present/evaluation_json.hpp"

namespace sosei::cli {
namespace {

using evaluate::number_text;
using evaluate::percent_text;

// Expected values and forecasts are computed, not counted: two decimals are enough on screen (JSON
// keeps them unrounded).
std::string computed_number(double v) { return number_text(evaluate::round_half_up(v, 2)); }

std::string values_text(const evaluate::KpiEvaluation& e) {
  std::string s;
  for (const auto& y : e.years) s += (s.empty() ? "" : ", ") + y.period.str() + " " + evaluate::value_text(y.value);
  return s.empty() ? "—" : s;
}

std::string score_text(const evaluate::KpiEvaluation& e) {
  if (e.progress) return percent_text(*e.progress) + " (progress)";
  return e.ratio ? percent_text(*e.ratio) : "—";
}

std::string pace_text(const evaluate::Pace& p) {
  if (!p.ratio) return "—";
  return "expected " + computed_number(*p.expected) + ": " + percent_text(*p.ratio) + (p.off_track ? " off track" : "");
}

std::string forecast_text(const evaluate::Forecast& f) {
  if (!f.value) return "— (" + std::to_string(f.points) + " point" + (f.points == 1 ? "" : "s") + ")";
  return computed_number(*f.value) + (f.ratio ? " (" + percent_text(*f.ratio) + ")" : "");
}

void print_kpis(const evaluate::Evaluation& ev) {
  TextTable table({"goal", "measure", "project", "KPI", "baseline", "values", "actual", "how it was formed", "target",
                   "ratio", "grade", "pace", "forecast", "department"});
  for (std::size_t c : {4u, 6u, 8u, 9u}) table.align_right(c);
  for (const auto& e : ev.kpis) {
    const auto& k = e.kpi;
    const std::string actual = e.actual.value ? evaluate::value_text(*e.actual.value) : "—";
    table.add({std::to_string(k.goal_no) + (k.goal_level ? " 数値目標" : ""), k.measure, k.project, k.name_ja,
               k.baseline.text, values_text(e), actual, e.actual.formed, k.target.value.text, score_text(e),
               e.grade.symbol + " " + e.grade.label, pace_text(e.pace), forecast_text(e.forecast), k.department});
  }
  table.print(std::cout);
  bool heading = false;
  for (const auto& e : ev.kpis)
    for (const auto& n : e.notes) {
      if (!heading) std::cout << "\nnotes:\n";
      heading = true;
      std::cout << "  " << e.kpi.id << ": " << n << '\n';
    }
}

void print_rollups(const evaluate::Evaluation& ev) {
  std::vector<std::string> header = {"", "KPIs"};
  for (const auto& g : ev.total.grades) header.push_back(g.symbol + " " + g.label);
  TextTable table(header);
  for (std::size_t c = 1; c < header.size(); ++c) table.align_right(c);
  auto row = [&](const std::string& name, const evaluate::Rollup& r) {
    std::vector<std::string> cells = {name, std::to_string(r.kpis)};
    for (const auto& g : r.grades)
      cells.push_back(std::to_string(g.count) + " (" + std::to_string(g.share_percent) + "%)");
    table.add(cells);
  };
  for (const auto& g : ev.goals) row("基本目標" + g.key, g);
  for (const auto& d : ev.departments) row(d.name, d);
  row("total", ev.total);
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
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--as-of", args->as_of, "use what was published by: 2026-01-31, FY2025, R7 (default: today)");
  cmd->add_option("--scheme", args->scheme, "grading scheme in the grading folder (default: the configured one)");
  cmd->add_flag("--json", args->json, "print as JSON");
  cmd->add_flag("--save", args->save, "store this evaluation and print its id (see `sosei evaluations`)");
  cmd->callback([env, args] {
    const app::Environment& app_env = env.session.env();
    const Date as_of = from_user_input("evaluate", [&] { return app::as_of_date(app_env, args->as_of); });
    const auto scheme = from_user_input("evaluate", [&] { return app::grading_scheme(app_env, args->scheme); });
    const auto ev = app::evaluate_stored(app_env, env.session.store(app::StoreOpen::MustExist), as_of, scheme);
    const int64_t saved = args->save ? evaluate::save_evaluation(env.session.store(app::StoreOpen::MustExist), ev) : 0;
    if (args->json) {
      nlohmann::json out = present::to_json(ev);
      if (args->save) out["evaluation_id"] = saved;
      std::cout << out.dump(2) << '\n';
    } else {
      std::cout << ev.city << " " << ev.strategy << " — as of " << ev.as_of.str() << ", scheme " << ev.scheme << " ("
                << ev.scheme_title << ")\n\n";
      print_kpis(ev);
      print_rollups(ev);
      if (args->save) std::cout << "\nsaved as evaluation " << saved << '\n';
    }
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
