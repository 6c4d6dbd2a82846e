// sosei.yaml → AppConfig: database, plugins, logging, time zone, grading, and the strategy and
// sources files it names. Relative paths resolve against sosei.yaml's folder.
#include <filesystem>
#include <stdexcept>

#include "common/time_zone.hpp"
#include "config/load.hpp"
#include "config/paths.hpp"
#include "config/quantities.hpp"
#include "config/yaml_reader.hpp"

namespace sosei::config {
namespace {

namespace fs = std::filesystem;
using detail::absolute_from;
using detail::Document;
using detail::fail;
using detail::MapReader;
using detail::Msg;
using detail::section;
using text::phrase;

// The same file as absolute_from(), spelled for messages relative to how the caller named sosei.yaml.
std::string display_from(const fs::path& display_dir, const std::string& p) {
  fs::path path(p);
  if (path.is_absolute() || display_dir.empty()) return path.lexically_normal().string();
  return (display_dir / path).lexically_normal().string();
}

std::string non_empty_path(const MapReader& m, const std::string& key) {
  std::string p = m.required_string(key);
  if (p.empty()) fail(m.value_at(key), phrase(&Msg::needs_path, key));
  return p;
}

// Loads a file named in sosei.yaml; a file that cannot be read is reported at the line naming it.
template <typename F>
auto load_named(const MapReader& m, const std::string& key, const std::string& display, F load) {
  try {
    return load(display);
  } catch (const ConfigError& e) {
    if (e.where().line == 0) fail(m.value_at(key), e.text());
    throw;
  }
}

std::chrono::seconds duration_of(const MapReader& m, const std::string& key, std::chrono::seconds fallback) {
  auto text = m.string(key);
  if (!text) return fallback;
  auto d = parse_duration(*text);
  if (!d) fail(m.value_at(key), phrase(&Msg::duration_expected, key, *text));
  return *d;
}

DaemonSettings read_daemon(Document& doc, const MapReader& top) {
  MapReader m(doc, top.node("daemon"), top.value_at("daemon"), section("daemon"),
              {"max_concurrent", "grace_period", "quarantine_after", "webhooks", "overdue_check", "lock_wait"});
  DaemonSettings d;
  if (auto n = m.integer("max_concurrent")) {
    if (*n < 1 || *n > 64) fail(m.value_at("max_concurrent"), phrase(&Msg::max_concurrent_range));
    d.max_concurrent = static_cast<int>(*n);
  }
  d.grace_period = duration_of(m, "grace_period", d.grace_period);
  if (auto n = m.integer("quarantine_after")) {
    if (*n < 1) fail(m.value_at("quarantine_after"), phrase(&Msg::quarantine_after_min));
    d.quarantine_after = static_cast<int>(*n);
  }
  d.overdue_check = duration_of(m, "overdue_check", d.overdue_check);
  if (d.overdue_check.count() < 60) fail(m.value_at("overdue_check"), phrase(&Msg::overdue_check_min));
  d.lock_wait = duration_of(m, "lock_wait", d.lock_wait);
  for (const auto& [node, where] : m.list("webhooks")) {
    std::string url = detail::as_string(node, where);
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) fail(where, phrase(&Msg::webhook_url, url));
    d.webhooks.push_back(std::move(url));
  }
  return d;
}

}  // namespace

AppConfig load_config(const std::string& path, ConfigParts parts) {
  Document doc(path, path);
  MapReader top(doc, doc.root(), doc.start_location(), text::verbatim("sosei.yaml"),
                {"database", "plugin_dirs", "log", "timezone", "locale", "years", "strategy", "sources", "grading",
                 "daemon", "rules"});
  AppConfig c;
  const fs::path file = fs::absolute(fs::path(path)).lexically_normal();
  const fs::path base = file.parent_path();
  const fs::path display_dir = fs::path(path).parent_path();
  c.config_file = file.string();
  c.base_dir = base.string();

  // A connection URI (postgresql://…) names a server, not a file beside sosei.yaml.
  const std::string database = non_empty_path(top, "database");
  c.database = detail::database_from(base, database);
  for (const auto& [node, where] : top.list("plugin_dirs")) {
    std::string dir = detail::as_string(node, where);
    if (dir.empty()) fail(where, phrase(&Msg::plugin_dir_path));
    c.plugin_dirs.push_back(absolute_from(base, dir));
  }
  if (top.has("log")) {
    MapReader log(doc, top.node("log"), top.value_at("log"), section("log"), {"level", "file"});
    c.log.level = log.choice("level", {"trace", "debug", "info", "warn", "error", "critical", "off"}).value_or("info");
    std::string f = log.string("file").value_or("");
    c.log.file = f.empty() ? "" : absolute_from(base, f);
  }
  c.timezone = top.string("timezone").value_or("Asia/Tokyo");
  if (c.timezone.empty()) fail(top.value_at("timezone"), phrase(&Msg::timezone_empty));
  try {
    find_time_zone(c.timezone);  // schedules are evaluated in it: refuse a typo now
  } catch (const std::invalid_argument&) {
    fail(top.value_at("timezone"), phrase(&Msg::timezone_unknown, c.timezone));
  }

  if (auto locale = top.choice("locale", {"ja", "en"})) c.lang = *text::parse_lang(*locale);
  if (auto years = top.choice("years", {"era", "western"})) c.years = *text::parse_year_style(*years);

  if (!top.has("grading")) top.missing("grading");
  MapReader grading(doc, top.node("grading"), top.value_at("grading"), section("grading"), {"dir", "default"});
  c.grading_dir = absolute_from(base, grading.string("dir").value_or("grading"));
  c.default_scheme = grading.required_string("default");
  if (c.default_scheme.empty()) fail(grading.value_at("default"), phrase(&Msg::default_scheme_empty));

  if (top.has("daemon")) c.daemon = read_daemon(doc, top);

  const std::string strategy = non_empty_path(top, "strategy");
  c.strategy = load_named(top, "strategy", display_from(display_dir, strategy),
                          [](const std::string& p) { return load_strategy(p); });
  if (parts == ConfigParts::StrategyOnly) return c;
  if (top.has("sources")) {
    const std::string sources = non_empty_path(top, "sources");
    c.sources_file = absolute_from(base, sources);
    c.sources = load_named(top, "sources", display_from(display_dir, sources),
                           [&](const std::string& p) { return load_sources(p, c.strategy); });
  }
  if (top.has("rules")) {  // data-quality rules of plugin series (and more of the KPIs'): docs/quality.md
    const std::string rules = non_empty_path(top, "rules");
    c.rules_file = absolute_from(base, rules);
    c.rules = load_named(top, "rules", display_from(display_dir, rules),
                         [&](const std::string& p) { return load_rules(p, c.strategy, c.sources); });
  }
  return c;
}

}  // namespace sosei::config
