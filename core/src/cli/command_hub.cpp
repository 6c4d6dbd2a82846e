// `sosei hub summary --hub FILE [--prefecture 40|福岡県] [--group 嘉飯圏域] [--sort …] [--json]`: the
// cities a hub holds (config/hub.yaml), each with its latest evaluation's grades and what needs
// attention (app/hub_summary.hpp does the work). Needs no sosei.yaml: the hub file names the cities
// and the shared database.
#include <fmt/format.h>

#include <signal.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/hub_city_pages.hpp"
#include "app/hub_summary.hpp"
#include "cli/commands.hpp"
#include "cli/hub_file.hpp"
#include "cli/serve_loop.hpp"
#include "cli/text_table.hpp"
#include "config/load.hpp"
#include "present/hub_json.hpp"
#include "serve/hub_server.hpp"
#include "text/hub_messages.hpp"
#include "text/periods.hpp"

namespace sosei::cli {

std::string hub_scope_line(const config::Hub& hub, const app::HubScope& scope, std::size_t cities, text::Lang lang) {
  switch (scope.kind) {
    case app::HubScope::Kind::All:
      return text::say(lang, &text::HubMessages::scope_all, hub.name, cities);
    case app::HubScope::Kind::Prefecture: {
      const auto p = *prefecture_of(scope.prefecture);
      return text::say(lang, &text::HubMessages::scope_prefecture, hub.name,
                       lang == text::Lang::En ? p.name_en : p.name, p.code, cities);
    }
    case app::HubScope::Kind::Group: {
      const auto* g = hub.group(scope.group);
      return text::say(lang, &text::HubMessages::scope_group, hub.name, g->name, g->kind.empty() ? "-" : g->kind,
                       cities);
    }
    case app::HubScope::Kind::City:
      return hub.name + ": " + text::say(lang, &text::HubMessages::scope_city, scope.city);
  }
  return "";
}

namespace {

using text::HubMessages;

struct Args {
  std::string hub_file = "config/hub.yaml";
  std::string prefecture;
  std::string group;
  std::string sort = "code";
  bool json = false;
};

std::string grades_text(const std::vector<store::GradeTally>& grades) {
  std::string s;
  for (const auto& g : grades) s += (s.empty() ? "" : " ") + g.symbol + std::to_string(g.count);
  return s;
}

std::string day_text(const std::string& iso, text::Lang lang) {
  Date d;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day) != 3) return iso;
  return text::date_text(d, lang);
}

std::string list_text(const std::vector<std::string>& names, text::Lang lang) {
  std::string s = std::to_string(names.size());
  if (names.empty()) return s;
  s += " (";
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? hub_messages(lang).list_separator : "") + names[i];
  return s + ")";
}

void print_table(const config::Hub& hub, const app::HubScope& scope, const app::HubSummary& summary, text::Lang lang) {
  const HubMessages& m = text::hub_messages(lang);
  std::cout << hub_scope_line(hub, scope, summary.cities.size(), lang) << '\n';
  TextTable table({m.heading_code, m.heading_city, m.heading_as_of, m.heading_grades, m.heading_with_value,
                   m.heading_open_flags, m.heading_stopped, m.heading_failing});
  table.align_right(4);
  table.align_right(5);
  for (const auto& c : summary.cities) {
    switch (c.state) {
      case app::CityState::Evaluated:
        table.add({c.code, c.name, day_text(c.as_of, lang) + (c.stale ? m.stale_mark : ""), grades_text(c.grades),
                   fmt::format("{}/{}", c.with_value, c.counted), std::to_string(c.open_flags),
                   list_text(c.stopped_sources, lang), list_text(c.failing_sources, lang)});
        break;
      case app::CityState::NoEvaluation:
        table.add({c.code, c.name, m.state_no_evaluation, "", "", std::to_string(c.open_flags),
                   list_text(c.stopped_sources, lang), list_text(c.failing_sources, lang)});
        break;
      case app::CityState::NoDatabase:
        table.add({c.code, c.name, m.state_no_database, "", "", "", "", ""});
        break;
      case app::CityState::Unreachable:
        table.add({c.code, c.name, text::say(lang, &HubMessages::state_unreachable, c.problem), "", "", "", "", ""});
        break;
    }
  }
  table.add({m.totals, "", "", grades_text(summary.totals), "", "", "", ""});
  table.print(std::cout);
  if (!summary.without_evaluation.empty()) {
    std::string names;
    for (const auto& n : summary.without_evaluation) names += (names.empty() ? "" : m.list_separator) + n;
    std::cout << text::say(lang, &HubMessages::cities_missing, summary.without_evaluation.size(), names) << '\n';
  }
}

void run_summary(const Args& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  const config::Hub hub = load_hub_file(args.hub_file, env, lang);
  const std::string& override = env.session.options().database;
  app::HubScope scope;
  app::HubSort sort = app::HubSort::Code;
  try {
    scope = app::hub_scope(hub, args.prefecture, args.group);
    sort = app::hub_sort(args.sort);
  } catch (const app::HubRequestError& e) {
    throw UsageError(e.text()(text::Locale{lang, text::YearStyle::Era}));
  }
  const auto summary = app::summarize_hub({.hub = &hub,
                                           .scope = scope,
                                           .database_override = override,
                                           .sort = sort,
                                           .lock_wait = std::chrono::milliseconds(5000)});
  if (args.json)
    std::cout << present::to_json(hub, scope, summary).dump(2) << '\n';
  else
    print_table(hub, scope, summary, lang);
  bool unreadable = false;
  for (const auto& c : summary.cities) unreadable |= c.state == app::CityState::Unreachable;
  env.exit_code = unreadable ? kRunFailed : kOk;
}

struct ServeArgs {
  std::string hub_file = "config/hub.yaml";
  serve::ServeOptions options;
};

void run_serve(const ServeArgs& args, CommandEnv env) {
  const text::Lang lang = env.session.reader_lang();
  const config::Hub hub = load_hub_file(args.hub_file, env, lang);
  // A client that hangs up mid-response must cost one response, not the process.
  signal(SIGPIPE, SIG_IGN);
  BlockedSignals signals({SIGTERM, SIGINT});
  std::map<std::string, std::unique_ptr<app::Environment>> cities;
  try {
    cities = app::load_city_pages(hub, env.session.options().database);
  } catch (const config::ConfigError& e) {
    throw UsageError(e.message(lang));
  }
  std::map<std::string, const app::Environment*> pages;
  for (const auto& [code, city] : cities) pages.emplace(code, city.get());
  serve::HubServer server(hub, env.session.options().database, lang, args.options, pages);
  int port = 0;
  try {
    port = server.bind();
  } catch (const serve::ServeRefused& e) {
    throw UsageError(std::string("hub serve: ") + e.what());
  } catch (const serve::ServeError& e) {
    std::cerr << "sosei hub serve: " << e.what() << '\n';
    env.exit_code = kRunFailed;
    return;
  }
  const std::string base = "http://" + args.options.bind + ":" + std::to_string(port);
  std::cout << text::say(lang, &text::Catalogue::hub_serve_started, base, hub.name, base, base) << std::endl;
  env.exit_code = serve_until_signal(server, signals, "sosei hub serve", lang);
}

}  // namespace

// The hub file, checked; with --db, that no two cities would share one SQLite file.
config::Hub load_hub_file(const std::string& path, CommandEnv env, text::Lang lang) {
  config::Hub hub;
  try {
    hub = config::load_hub(path);
  } catch (const config::ConfigError& e) {
    throw UsageError(e.message(lang));
  }
  const std::string& override = env.session.options().database;
  if (auto shared = config::cities_sharing_a_file(hub, override.empty() ? hub.database : override))
    throw UsageError(text::say(lang, &HubMessages::sqlite_shared, shared->file, shared->first, shared->second));
  return hub;
}

void add_hub_commands(CLI::App& app, CommandEnv env) {
  auto* hub = app.add_subcommand("hub", "Many cities on one server: the hub's view of its cities (docs/hub.md)");
  hub->require_subcommand(1);
  auto* summary = hub->add_subcommand(
      "summary",
      "Per city of the hub, a prefecture or a group: the latest evaluation's grades, how many KPIs have a value, "
      "open quality flags, stopped and failing imports. Cities without an evaluation or a database are listed, "
      "not left out. Each city is read through its own scope (row-level security on PostgreSQL).");
  auto args = std::make_shared<Args>();
  summary->add_option("--hub", args->hub_file, "the hub file listing the cities and groups (default: config/hub.yaml)");
  summary->add_option("--prefecture", args->prefecture,
                      "only this prefecture's cities: its two-digit code (40) or name (福岡県, Fukuoka)");
  summary->add_option("--group", args->group, "only the cities of this group of the hub file (e.g. 嘉飯圏域)");
  summary->add_option("--sort", args->sort,
                      "code (default), name, best (share of the best grade, highest first), missing (cities "
                      "without an evaluation, then the most KPIs without a value)");
  summary->add_flag("--json", args->json, "print the summary as JSON (stable keys)");
  summary->add_option("--lang", env.session.locale_options().lang, "what people read in ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
  summary->callback([env, args] { run_summary(*args, env); });

  auto* serve = hub->add_subcommand(
      "serve",
      "Serve the hub's page of its cities (/, with ?prefecture=, ?group=, ?sort=, ?lang=), the same as JSON "
      "(/api/hub), Prometheus metrics per city (/metrics), and the dashboard and read API of every city with a "
      "config in the hub file under /city/{code}/, until SIGTERM/SIGINT. Loopback and open until the hub has a "
      "token (sosei hub token create); then every request needs one and reads its scope (docs/hub.md)");
  auto serve_args = std::make_shared<ServeArgs>();
  serve->add_option("--hub", serve_args->hub_file, "the hub file (default: config/hub.yaml)");
  serve
      ->add_option("--bind", serve_args->options.bind,
                   "address to listen on; beyond loopback only once the hub has an active token")
      ->capture_default_str();
  serve->add_option("--port", serve_args->options.port, "TCP port (0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--lang", env.session.locale_options().lang, "the page's default language, ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
  serve->callback([env, serve_args] { run_serve(*serve_args, env); });
  add_hub_token_commands(*hub, env);
  add_hub_indicator_command(*hub, env);
  add_hub_daemon_command(*hub, env);
  add_hub_evaluate_command(*hub, env);
}

}  // namespace sosei::cli
