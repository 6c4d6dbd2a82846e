// sosei.yaml → AppConfig: database, plugins, logging, time zone, grading, and the strategy and
// sources files it names. Relative paths resolve against sosei.yaml's folder.
#include <filesystem>
#include <stdexcept>

#include "config/load.hpp"
#include "config/yaml_reader.hpp"
#include "schedule/time_zone.hpp"

namespace sosei::config {
namespace {

namespace fs = std::filesystem;
using detail::Document;
using detail::fail;
using detail::MapReader;

std::string absolute_from(const fs::path& base, const std::string& p) {
  fs::path path(p);
  return (path.is_absolute() ? path : base / path).lexically_normal().string();
}

// The same file as absolute_from(), spelled for messages relative to how the caller named sosei.yaml.
std::string display_from(const fs::path& display_dir, const std::string& p) {
  fs::path path(p);
  if (path.is_absolute() || display_dir.empty()) return path.lexically_normal().string();
  return (display_dir / path).lexically_normal().string();
}

std::string non_empty_path(const MapReader& m, const std::string& key) {
  std::string p = m.required_string(key);
  if (p.empty()) fail(m.value_at(key), "'" + key + "' needs a path");
  return p;
}

// Loads a file named in sosei.yaml; a file that cannot be read is reported at the line naming it.
template <typename F>
auto load_named(const MapReader& m, const std::string& key, const std::string& display, F load) {
  try {
    return load(display);
  } catch (const ConfigError& e) {
    if (e.where().line == 0) fail(m.value_at(key), e.message());
    throw;
  }
}

}  // namespace

AppConfig load_config(const std::string& path) {
  Document doc(path, path);
  MapReader top(doc, doc.root(), doc.start_location(), "sosei.yaml",
                {"database", "plugin_dirs", "log", "timezone", "strategy", "sources", "grading"});
  AppConfig c;
  const fs::path file = fs::absolute(fs::path(path)).lexically_normal();
  const fs::path base = file.parent_path();
  const fs::path display_dir = fs::path(path).parent_path();
  c.config_file = file.string();
  c.base_dir = base.string();

  c.database = absolute_from(base, non_empty_path(top, "database"));
  for (const auto& [node, where] : top.list("plugin_dirs")) {
    std::string dir = detail::as_string(node, where);
    if (dir.empty()) fail(where, "a plugin folder needs a path");
    c.plugin_dirs.push_back(absolute_from(base, dir));
  }
  if (top.has("log")) {
    MapReader log(doc, top.node("log"), top.value_at("log"), "'log'", {"level", "file"});
    c.log.level = log.choice("level", {"trace", "debug", "info", "warn", "error", "critical", "off"}).value_or("info");
    std::string f = log.string("file").value_or("");
    c.log.file = f.empty() ? "" : absolute_from(base, f);
  }
  c.timezone = top.string("timezone").value_or("Asia/Tokyo");
  if (c.timezone.empty()) fail(top.value_at("timezone"), "'timezone' needs a zone name such as Asia/Tokyo");
  try {
    schedule::find_time_zone(c.timezone);  // schedules are evaluated in it: refuse a typo now
  } catch (const std::invalid_argument& e) {
    fail(top.value_at("timezone"), e.what());
  }

  if (!top.has("grading")) top.missing("grading");
  MapReader grading(doc, top.node("grading"), top.value_at("grading"), "'grading'", {"dir", "default"});
  c.grading_dir = absolute_from(base, grading.string("dir").value_or("grading"));
  c.default_scheme = grading.required_string("default");
  if (c.default_scheme.empty()) fail(grading.value_at("default"), "'default' needs a grading scheme name");

  const std::string strategy = non_empty_path(top, "strategy");
  c.strategy = load_named(top, "strategy", display_from(display_dir, strategy),
                          [](const std::string& p) { return load_strategy(p); });
  if (top.has("sources")) {
    const std::string sources = non_empty_path(top, "sources");
    c.sources = load_named(top, "sources", display_from(display_dir, sources),
                           [&](const std::string& p) { return load_sources(p, c.strategy); });
  }
  return c;
}

}  // namespace sosei::config
