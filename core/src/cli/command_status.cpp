// `sosei status`: sources (last run, result, next run, failures in a row, quarantine) and KPI
// freshness (latest period present, overdue data). --check exits 1 when anything needs attention.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/evaluation.hpp"
#include "app/status_report.hpp"
#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "present/status_json.hpp"
#include "status/status.hpp"

namespace sosei::cli {
namespace {

void print(const status::StatusReport& r) {
  TextTable sources({"source", "plugin", "schedule", "last run", "result", "last success", "failures", "next run"});
  sources.align_right(6);
  for (const auto& s : r.sources) {
    std::string result = s.last_run ? store::to_string(s.last_run->status) : "never run";
    if (s.quarantine) result = "QUARANTINED";
    sources.add({s.id, s.plugin, s.schedule.empty() ? "manual" : s.schedule, s.last_run ? s.last_run->started_at : "-",
                 result, s.last_success.value_or("-"), std::to_string(s.consecutive_failures),
                 s.quarantine ? "sosei resume " + s.id : s.next_run.value_or("-")});
  }
  sources.print(std::cout);
  for (const auto& s : r.sources)
    if (s.quarantine)
      std::cout << "\n"
                << s.id << " quarantined since " << s.quarantine->since << " after " << s.quarantine->failures
                << " failures: " << s.quarantine->reason << "\n";

  std::cout << "\nKPI data as of " << r.as_of << "\n";
  TextTable kpis({"kpi", "department", "latest", "expected", "due", "status"});
  for (const auto& k : r.kpis)
    kpis.add({k.id, k.department, k.latest ? k.latest->str() : "-", k.expected ? k.expected->str() : "-",
              k.due.empty() ? "-" : k.due, k.overdue ? "OVERDUE" : "ok"});
  kpis.print(std::cout);
  std::cout << "\n" << r.overdue_count() << " KPI(s) overdue\n";
}

}  // namespace

void add_status_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("status", "Show import health per source and overdue KPI data");
  struct Args {
    bool json = false;
    bool check = false;
    std::string as_of;
  };
  auto args = std::make_shared<Args>();
  cmd->add_flag("--json", args->json, "print as JSON");
  cmd->add_flag("--check", args->check, "exit with 1 when a source is quarantined or KPI data are overdue");
  cmd->add_option("--as-of", args->as_of, "judge overdue data on this date (YYYY-MM-DD; default: today)");
  cmd->callback([env, args] {
    const app::Environment& app_env = env.session.env();
    const Date as_of =
        from_user_input("status: --as-of " + args->as_of, [&] { return app::as_of_date(app_env, args->as_of); });
    const auto report = app::current_status(app_env, env.session.store(app::StoreOpen::MustExist), as_of);
    if (args->json)
      std::cout << present::to_json(report).dump(2) << '\n';
    else
      print(report);
    bool attention = report.overdue_count() > 0;
    for (const auto& s : report.sources) attention = attention || s.quarantine.has_value();
    env.exit_code = args->check && attention ? kRunFailed : kOk;
  });
}

}  // namespace sosei::cli
