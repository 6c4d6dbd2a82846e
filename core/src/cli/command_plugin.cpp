// `sosei plugin new` (scaffold a department's plugin) and `sosei plugin check` (what its CI runs).
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "config/load.hpp"
#include "kit/plugin_check.hpp"
#include "kit/scaffold.hpp"
#include "text/catalogue.hpp"
#include "text/kit_messages.hpp"
#include "text/periods.hpp"
#include "text/sdk_text.hpp"

namespace sosei::cli {
namespace {

// Worker messages go to stderr, so stdout stays the report (or JSON) alone.
void log_to_stderr(bool verbose) {
  auto logger = spdlog::stderr_logger_st("sosei-plugin");
  logger->set_pattern("%l %v");
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

nlohmann::json to_json(const kit::CheckReport& r) {
  nlohmann::json j;
  j["ok"] = r.ok();
  if (r.plugin) {
    const auto& p = *r.plugin;
    j["plugin"] = {{"name", p.name},
                   {"version", p.version},
                   {"api_version", p.api_version},
                   {"department", p.department},
                   {"description", p.description},
                   {"file", p.file}};
    j["plugin"]["settings"] = nlohmann::json::array();
    for (const auto& s : p.settings)
      j["plugin"]["settings"].push_back(
          {{"name", s.name},
           {"required", s.required},
           {"default", s.has_default ? nlohmann::json(s.default_value) : nlohmann::json()},
           {"help", s.help}});
    j["plugin"]["series"] = nlohmann::json::array();
    for (const auto& s : p.series)
      j["plugin"]["series"].push_back({{"name", s.name}, {"unit", s.unit}, {"help", s.help}});
  } else {
    j["plugin"] = nullptr;
    j["load_error"] = r.load_error;
  }
  j["settings_error"] = r.settings_error.empty() ? nlohmann::json() : nlohmann::json(r.settings_error);
  j["settings"] = r.settings;
  j["result"] = r.ran ? nlohmann::json(r.result) : nlohmann::json();
  j["error"] = r.run_error.empty() ? nlohmann::json() : nlohmann::json(r.run_error);
  j["observation_count"] = r.observation_count;
  j["observations"] = nlohmann::json::array();
  for (const auto& o : r.observations) {
    nlohmann::json x = {
        {"series", o.series}, {"period", o.period}, {"value", o.value}, {"note", o.note}, {"location", o.location}};
    x["dimensions"] = nlohmann::json::object();
    for (const auto& [k, v] : o.dimensions) x["dimensions"][k] = v;
    if (o.problem) x["problem"] = o.problem(text::Locale{text::Lang::En, text::YearStyle::Western});
    j["observations"].push_back(x);
  }
  j["rejections"] = nlohmann::json::array();
  for (const auto& [where, why] : r.rejections) j["rejections"].push_back({{"location", where}, {"reason", why}});
  return j;
}

// The report for a person, in `lang`; the JSON above keeps the English codes and texts.
void print(const kit::CheckReport& r, std::size_t limit, text::Lang lang) {
  const text::KitMessages& m = text::kit_messages(lang);
  const text::Locale locale{lang, text::YearStyle::Era};
  auto say = [](const char* format, const auto&... args) { return fmt::format(fmt::runtime(format), args...); };
  if (!r.plugin) {
    std::cout << say(m.refused, r.load_error) << "\n";
    return;
  }
  const auto& p = *r.plugin;
  std::cout << say(m.plugin_line, p.name, p.version, p.department, p.description) << "\n"
            << say(m.file_line, p.file, p.api_version) << "\n\n"
            << m.settings_heading << "\n";
  TextTable settings({m.col_name, m.col_required, m.col_default, m.col_value, m.col_help});
  for (const auto& s : p.settings) {
    auto v = r.settings.find(s.name);
    settings.add({s.name, s.required ? m.required_yes : "", s.has_default ? s.default_value : "",
                  v == r.settings.end() ? "" : v->second, s.help});
  }
  settings.print(std::cout);
  if (!r.settings_error.empty()) {
    std::cout << "\n" << say(m.settings_refused, r.settings_error_text(locale)) << "\n";
    return;
  }
  std::cout << "\n"
            << say(m.dry_run, text::state_text(r.result, lang),
                   r.run_error.empty() ? "" : " — " + text::sdk_text(r.run_error, lang))
            << "\n"
            << say(m.observations, r.observation_count);
  if (r.observation_count > limit) std::cout << say(m.first_shown, limit);
  std::cout << (lang == text::Lang::Ja ? "\n" : ":\n");
  TextTable table(
      {m.col_series, m.col_period, m.col_dimensions, m.col_value, m.col_note, m.col_location, m.col_problem});
  for (std::size_t i = 0; i < r.observations.size() && i < limit; ++i) {
    const auto& o = r.observations[i];
    std::string dims;
    for (const auto& [k, v] : o.dimensions) dims += (dims.empty() ? "" : " ") + k + "=" + v;
    const std::string period = o.period_value ? text::period_text(*o.period_value, locale.years, lang) : o.period;
    table.add({o.series, period, dims, o.shown ? text::value_text(*o.shown, lang) : o.value, o.note, o.location,
               o.problem ? o.problem(locale) : ""});
  }
  table.align_right(3);
  table.print(std::cout);
  for (const auto& [where, why] : r.rejections) std::cout << say(m.rejected, where, text::sdk_text(why, lang)) << "\n";
  std::cout << "\n"
            << say(m.summary, r.ok() ? m.verdict_ok : m.verdict_not_ok, r.rejections.size(), r.problems) << "\n";
}

}  // namespace

void add_plugin_commands(CLI::App& app, CommandEnv env) {
  auto* plugin = app.add_subcommand("plugin", "Write and check department plugins (docs/plugin-guide.md)");
  plugin->require_subcommand(1);

  auto* create =
      plugin->add_subcommand("new", "Write a ready-to-build plugin folder: source, CMakeLists, test, README");
  auto req = std::make_shared<kit::ScaffoldRequest>();
  auto kind = std::make_shared<std::string>("import");
  auto dir = std::make_shared<std::string>();
  create->add_option("name", req->name, "plugin name: a-z, 0-9 and _ (e.g. bus_stops)")->required();
  create->add_option("--department", req->department, "the owning department (e.g. 産業振興課)")->required();
  create->add_option("--kind", *kind, "import (reads a local file) or fetch (downloads a URL)")
      ->check(CLI::IsMember({"import", "fetch"}))
      ->capture_default_str();
  create->add_option("--dir", *dir, "where to write it (default: ./NAME)");
  add_lang_option(create, env.session);
  create->callback([env, req, kind, dir] {
    const text::Lang lang = env.session.reader_lang();
    const text::KitMessages& m = text::kit_messages(lang);
    req->kind = *kind == "fetch" ? kit::PluginKind::Fetch : kit::PluginKind::Import;
    req->directory = dir->empty() ? std::filesystem::path(req->name) : std::filesystem::path(*dir);
    try {
      for (const auto& f : kit::write_scaffold(*req))
        std::cout << fmt::format(fmt::runtime(m.wrote), (req->directory / f).string()) << "\n";
    } catch (const kit::ScaffoldError& e) {
      throw UsageError("plugin new: " + e.message(lang));
    }
    const std::string build = (req->directory / "build").string();
    std::cout << fmt::format(fmt::runtime(m.next_step), req->directory.string(), build, build) << "\n";
    env.exit_code = kOk;
  });

  auto* check = plugin->add_subcommand(
      "check",
      "Load a plugin, show its descriptor, check settings, dry-run it in a worker on an input (exit 1 if not OK)");
  auto creq = std::make_shared<kit::CheckRequest>();
  auto json = std::make_shared<bool>(false);
  auto limit = std::make_shared<std::size_t>(50);
  check->add_option("path", creq->plugin_file, "the plugin file (.so)")->required()->check(CLI::ExistingFile);
  check->add_option("--settings", creq->settings_file, "YAML with the settings (a map, or a source entry)")
      ->check(CLI::ExistingFile);
  check->add_option("--input", creq->input_file, "run on this file (sets the `file` setting)")
      ->check(CLI::ExistingFile);
  check->add_flag("--json", *json, "print the report as JSON");
  check->add_option("--limit", *limit, "observations shown in the table")->capture_default_str();
  add_lang_option(check, env.session);
  check->callback([env, creq, json, limit] {
    log_to_stderr(env.session.options().verbose);
    const text::Lang lang = env.session.reader_lang();
    creq->lang = lang;
    kit::CheckReport report;
    try {
      report = kit::check_plugin(*creq);
    } catch (const config::ConfigError& e) {  // the settings file: its file:line
      throw UsageError("plugin check: " + e.message(lang));
    } catch (const std::runtime_error& e) {
      throw UsageError(std::string("plugin check: ") + e.what());
    }
    if (*json)
      std::cout << to_json(report).dump(2) << "\n";
    else
      print(report, *limit, lang);
    env.exit_code = report.ok() ? kOk : kRunFailed;
  });
}

}  // namespace sosei::cli
