// `sosei hub evaluate --hub FILE [--prefecture 40|福岡県 | --group NAME | --city CODE] [--as-of DATE|FY]
// [--scheme NAME] [--save] [--json]`: every city with a config in the hub file graded on its strategy,
// its history continued before its merger from its predecessors' rows (app/hub_evaluation.hpp does
// the work; docs/hub.md, "Mergers"). --save stores each in the city's store: the hub summary shows it.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/evaluation.hpp"
#include "app/hub_evaluation.hpp"
#include "cli/commands.hpp"
#include "cli/hub_file.hpp"
#include "cli/text_table.hpp"
#include "present/hub_json.hpp"
#include "text/hub_messages.hpp"
#include "text/periods.hpp"

namespace sosei::cli {
namespace {

using text::HubMessages;

struct EvaluateArgs {
  std::string hub_file = "config/hub.yaml";
  std::string prefecture;
  std::string group;
  std::string city;
  std::string as_of;
  std::string scheme;
  bool save = false;
  bool json = false;
};

std::string grades_text(const evaluate::Rollup& total) {
  std::string s;
  for (const auto& g : total.grades) s += (s.empty() ? "" : " ") + g.symbol + std::to_string(g.count);
  return s;
}

void print_table(const config::Hub& hub, const app::HubScope& scope, const std::vector<app::HubCityEvaluation>& rows,
                 const text::Locale& locale) {
  const text::Lang lang = locale.lang;
  const HubMessages& m = text::hub_messages(lang);
  std::cout << hub_scope_line(hub, scope, rows.size(), lang) << '\n';
  TextTable table({m.heading_code, m.heading_city, m.heading_as_of, m.heading_scheme, m.heading_grades,
                   m.heading_with_value, m.heading_inherited, m.heading_saved});
  for (std::size_t c = 5; c < 8; ++c) table.align_right(c);
  int saved = 0;
  for (const auto& r : rows) {
    const auto& c = *r.city;
    switch (r.state) {
      case app::HubEvaluationState::Evaluated: {
        const auto& ev = *r.evaluation;
        table.add({c.code, c.name, text::date_text(ev.as_of, lang), ev.scheme, grades_text(ev.total),
                   fmt::format("{}/{}", r.with_value(), r.counted()), std::to_string(r.inherited),
                   r.saved_id ? "#" + std::to_string(r.saved_id) : ""});
        saved += r.saved_id ? 1 : 0;
        break;
      }
      case app::HubEvaluationState::NoConfig:
        table.add({c.code, c.name, m.state_no_configuration, "", "", "", "", ""});
        break;
      case app::HubEvaluationState::NoDatabase:
        table.add({c.code, c.name, m.state_no_database, "", "", "", "", ""});
        break;
      case app::HubEvaluationState::Refused:
        table.add(
            {c.code, c.name, text::say(lang, &HubMessages::state_refused, r.problem(locale)), "", "", "", "", ""});
        break;
      case app::HubEvaluationState::Unreachable:
        table.add(
            {c.code, c.name, text::say(lang, &HubMessages::state_unreachable, r.problem(locale)), "", "", "", "", ""});
        break;
    }
  }
  table.print(std::cout);
  const bool merged =
      std::any_of(rows.begin(), rows.end(), [](const auto& r) { return !r.city->predecessors.empty(); });
  if (merged) std::cout << m.evaluate_inherited_note << '\n';
  if (saved > 0) std::cout << text::say(lang, &HubMessages::evaluate_saved, saved) << '\n';
}

void run_evaluate(const EvaluateArgs& args, CommandEnv env) {
  const text::Locale locale{env.session.reader_lang(), text::YearStyle::Era};
  const text::Lang lang = locale.lang;
  const config::Hub hub = load_hub_file(args.hub_file, env, lang);
  app::HubEvaluationRequest request;
  request.hub = &hub;
  request.database_override = env.session.options().database;
  request.as_of = from_user_input(locale, "hub evaluate", [&] { return app::explicit_as_of(args.as_of); });
  request.scheme = args.scheme;
  request.save = args.save;
  request.lang = lang;
  try {
    request.scope = app::hub_scope(hub, args.prefecture, args.group);
  } catch (const app::HubRequestError& e) {
    throw UsageError(e.text()(locale));
  }
  if (!args.city.empty()) {
    const config::HubCity* city = hub.city(args.city);
    if (!city) throw UsageError(text::say(lang, &HubMessages::city_not_in_hub, args.city));
    if (city->config.empty())
      throw UsageError(text::say(lang, &HubMessages::evaluate_city_no_config, city->code, city->name, hub.file));
    request.scope = app::HubScope{};
    request.scope.kind = app::HubScope::Kind::City;
    request.scope.city = city->code;
  }
  if (std::none_of(hub.cities.begin(), hub.cities.end(), [](const auto& c) { return !c.config.empty(); }))
    throw UsageError(text::say(lang, &HubMessages::evaluate_no_city, hub.file));
  const auto rows = app::evaluate_hub_cities(request);
  if (args.json)
    std::cout << present::to_json(hub, request.scope, rows, lang).dump(2) << '\n';
  else
    print_table(hub, request.scope, rows, locale);
  bool failed = false;
  for (const auto& r : rows)
    failed |= r.state != app::HubEvaluationState::Evaluated && r.state != app::HubEvaluationState::NoConfig;
  env.exit_code = failed ? kRunFailed : kOk;
}

}  // namespace

void add_hub_evaluate_command(CLI::App& hub, CommandEnv env) {
  auto args = std::make_shared<EvaluateArgs>();
  auto* cmd = hub.add_subcommand(
      "evaluate",
      "Grade every city with a config in the hub file on its own strategy and grading scheme, as its own sosei "
      "evaluate does, with its history before a merger continued from the merged municipalities' rows (KPIs of "
      "shared indicators); --save stores each city's evaluation, which the hub summary then shows");
  cmd->add_option("--hub", args->hub_file, "the hub file (default: config/hub.yaml)");
  auto* prefecture =
      cmd->add_option("--prefecture", args->prefecture, "only this prefecture's cities: 40, 福岡県 or Fukuoka");
  auto* group =
      cmd->add_option("--group", args->group, "only the cities of this group of the hub file (e.g. 嘉飯圏域)");
  cmd->add_option("--city", args->city, "only this city, by its six-digit code (402273)")
      ->excludes(prefecture)
      ->excludes(group);
  cmd->add_option("--as-of", args->as_of,
                  "use what was published by: 2026-01-31, FY2025, R7 (default: today in each city's time zone)");
  cmd->add_option("--scheme", args->scheme, "grading scheme in each city's grading folder (default: each city's own)");
  cmd->add_flag("--save", args->save, "store each city's evaluation in its store (shown by sosei hub summary)");
  cmd->add_flag("--json", args->json, "print as JSON (stable keys; each city's evaluation as sosei evaluate --json)");
  cmd->add_option("--lang", env.session.locale_options().lang, "what people read in ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
  cmd->callback([env, args] { run_evaluate(*args, env); });
}

}  // namespace sosei::cli
