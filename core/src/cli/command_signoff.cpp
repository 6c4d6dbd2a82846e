// `sosei submit|approve|unlock KPI PERIOD`, `sosei comment KPI YEAR --kind … --text …` and
// `sosei audit`: sign-off, commentary and the audit trail at the CLI, acting as the OS user (who
// holds the database file, so every right). The rules are app/'s, the same as the API's.
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commentary.hpp"
#include "app/signoff.hpp"
#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "present/signoff_json.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"
#include "text/quality_text.hpp"

namespace sosei::cli {
namespace {

// A refusal for a request the user can correct is a usage error (exit 2); a state that does not allow
// the step (already approved, nothing to submit) is a failed command (exit 1).
[[noreturn]] void refuse(const app::SignoffRefused& e) {
  if (e.why() == app::SignoffRefused::Why::Conflict) throw std::runtime_error(e.what());
  throw UsageError(e.what());
}

void add_step(CLI::App& app, CommandEnv env, const char* name, const char* help, app::SignoffStep step) {
  auto* cmd = app.add_subcommand(name, help);
  auto args = std::make_shared<app::SignoffRequest>();
  cmd->add_option("kpi", args->kpi, "KPI id")->required();
  cmd->add_option("period", args->period, "period: R7, 令和7年度, FY2025, 2024年 …")->required();
  auto* reason = cmd->add_option("--reason", args->reason, "why (kept in the audit trail)");
  if (step == app::SignoffStep::Unlock) reason->required();
  add_locale_options(cmd, env.session);
  cmd->callback([env, args, step] {
    try {
      const auto result = app::sign_off(env.session.config().strategy, env.session.store(app::StoreOpen::MustExist),
                                        app::cli_signer(), step, *args, env.session.locale());
      std::cout << result.message << '\n';
    } catch (const app::SignoffRefused& e) {
      refuse(e);
    }
    env.exit_code = kOk;
  });
}

void add_comment(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("comment", "Add a new version of a KPI's commentary for a fiscal year");
  auto args = std::make_shared<app::CommentRequest>();
  cmd->add_option("kpi", args->kpi, "KPI id")->required();
  cmd->add_option("year", args->year, "fiscal year: R7, 令和7年度, FY2025, 2025")->required();
  cmd->add_option("--kind", args->kind, "why (要因分析), next (今後の方向性) or committee (推進会議の意見)")
      ->required()
      ->check(CLI::IsMember({"why", "next", "committee"}));
  cmd->add_option("--text", args->text, "the text")->required();
  add_locale_options(cmd, env.session);
  cmd->callback([env, args] {
    try {
      const auto result = app::add_comment(env.session.config().strategy, env.session.store(app::StoreOpen::MustExist),
                                           app::cli_signer(), *args, env.session.locale().lang);
      std::cout << result.message << '\n';
    } catch (const app::SignoffRefused& e) {
      refuse(e);
    }
    env.exit_code = kOk;
  });
}

std::string who_text(const store::AuditEvent& e, text::Lang lang) {
  std::string who = text::actor_text(e.who.name, lang);
  if (!e.who.department.empty()) who += " " + e.who.department;
  if (e.who.run_id)
    who += (lang == text::Lang::Ja ? "（実行 " : " (run ") + std::to_string(e.who.run_id) +
           (lang == text::Lang::Ja ? "）" : ")");
  return who;
}

void add_audit(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("audit", "Show the audit trail: who changed which value, approval, comment or token");
  struct Args {
    std::string kpi;
    std::string since;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--kpi", args->kpi, "only events of this KPI (or SOURCE/SERIES)");
  cmd->add_option("--since", args->since, "only events at or after this date or time (2026-04-01)");
  cmd->add_flag("--json", args->json, "print as JSON");
  add_locale_options(cmd, env.session);
  cmd->callback([env, args] {
    store::AuditQuery q;
    q.kpi = args->kpi;
    q.since = args->since;
    const auto events = env.session.store(app::StoreOpen::ReadOnly).audit(q);
    // A KPI taken out of the strategy keeps its trail; no events for an id it never had is a typo.
    if (events.empty() && !q.kpi.empty()) require_known_series(env.session, q.kpi);
    if (args->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& e : events) out.push_back(present::to_json(e));
      std::cout << out.dump(2) << '\n';
      env.exit_code = kOk;
      return;
    }
    const text::Locale l = env.session.locale();
    const text::Catalogue& c = text::catalogue(l.lang);
    const std::string& zone = env.session.config().timezone;
    TextTable table(
        {c.audit_at, c.audit_who, c.audit_action, c.audit_what, c.audit_before, c.audit_after, c.audit_reason});
    for (const auto& e : events) {
      std::string what = e.kpi;
      if (e.period) what += (what.empty() ? "" : " ") + text::period_text(*e.period, l.years, l.lang);
      for (const auto& [k, v] : e.dimensions) what.append(" ").append(k).append("=").append(v);
      const std::string reason = text::audit_reason_text(e.action, e.reason, l.lang);
      table.add({text::timestamp_text(e.at, zone), who_text(e, l.lang), text::audit_action_text(e.action, l.lang), what,
                 text::audit_value_text(e.action, e.before, l.lang), text::audit_value_text(e.action, e.after, l.lang),
                 reason});
    }
    if (table.empty())
      std::cout << c.no_audit << '\n';
    else
      table.print(std::cout);
    env.exit_code = kOk;
  });
}

// The policy division's list: what waits for its approval (submitted, first) and what it approved,
// with when and by whom, in the city's time. The audit trail has every step; this is where each
// period stands now.
void add_approvals(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("approvals", "List the periods waiting for approval (submitted) and those approved");
  struct Args {
    std::string kpi;
    std::string state;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--kpi", args->kpi, "only this KPI");
  cmd->add_option("--state", args->state, "only submitted (waiting for approval) or approved periods")
      ->check(CLI::IsMember({"submitted", "approved"}));
  cmd->add_flag("--json", args->json, "print as JSON");
  add_locale_options(cmd, env.session);
  cmd->callback([env, args] {
    std::vector<store::Approval> list;
    for (auto& a : env.session.store(app::StoreOpen::ReadOnly).approvals(args->kpi))
      if (args->state.empty() || store::to_string(a.state) == args->state) list.push_back(std::move(a));
    // A KPI taken out of the strategy keeps its approvals; none for an id it never had is a typo.
    if (list.empty() && !args->kpi.empty()) require_known_series(env.session, args->kpi);
    std::stable_partition(list.begin(), list.end(),
                          [](const store::Approval& a) { return a.state == store::ApprovalState::Submitted; });
    if (args->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& a : list) out.push_back(present::to_json(a));
      std::cout << out.dump(2) << '\n';
      env.exit_code = kOk;
      return;
    }
    const text::Locale l = env.session.locale();
    const text::Catalogue& c = text::catalogue(l.lang);
    const config::Strategy& strategy = env.session.config().strategy;
    TextTable table({c.kpi, c.approvals_name, c.period, c.status, c.audit_at, c.audit_who});
    for (const auto& a : list) {
      const config::Kpi* kpi = strategy.find_kpi(a.kpi);
      const std::string name = !kpi                                                ? ""
                               : l.lang == text::Lang::En && !kpi->name_en.empty() ? kpi->name_en
                                                                                   : kpi->name_ja;
      table.add({a.kpi, name, text::period_text(a.period, l.years, l.lang), app::approval_state_text(a.state, l.lang),
                 text::timestamp_text(a.changed_at, l.time_zone), text::actor_text(a.changed_by, l.lang)});
    }
    table.fit(default_table_width(), 1);
    if (table.empty())
      std::cout << c.no_approvals << '\n';
    else
      table.print(std::cout);
    env.exit_code = kOk;
  });
}

}  // namespace

void add_signoff_commands(CLI::App& app, CommandEnv env) {
  add_step(app, env, "submit", "Submit a KPI's period for approval (the department)", app::SignoffStep::Submit);
  add_step(app, env, "approve", "Approve a submitted period, which locks it (the policy division)",
           app::SignoffStep::Approve);
  add_step(app, env, "unlock", "Unlock an approved period with a reason (the policy division)",
           app::SignoffStep::Unlock);
  add_comment(app, env);
  add_audit(app, env);
  add_approvals(app, env);
}

}  // namespace sosei::cli
