// The plugin check: descriptor, settings, and a dry run through the real host in a worker process.
#include "kit/plugin_check.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "common/period.hpp"
#include "worker/worker_process.hpp"

namespace sosei::kit {
namespace {

namespace fs = std::filesystem;

// Collects what the plugin emits and checks what the host checks without a strategy: a series the
// plugin declares, a valid period, a finite number.
class CheckSink : public host::ObservationSink {
 public:
  CheckSink(CheckReport& report, const host::PluginMeta& meta) : report_(report), meta_(meta) {}

  int32_t accept(const sosei_observation& o) override {
    ++report_.observation_count;
    CheckedObservation c;
    c.series.assign(o.series.data ? o.series.data : "", o.series.size);
    c.period = period_text(o.period);
    for (uint32_t i = 0; o.dimensions && i < o.dimension_count; ++i)
      c.dimensions.emplace_back(std::string(o.dimensions[i].key.data, o.dimensions[i].key.size),
                                std::string(o.dimensions[i].value.data, o.dimensions[i].value.size));
    c.value = value_text(o);
    if (o.note.data) c.note.assign(o.note.data, o.note.size);
    if (o.file.data) c.location.assign(o.file.data, o.file.size);
    if (o.line) c.location += ":" + std::to_string(o.line);
    c.problem = problem_of(o, c);
    if (!c.problem.empty()) ++report_.problems;
    if (report_.observations.size() < CheckReport::kMaxKept) report_.observations.push_back(std::move(c));
    return SOSEI_OK;  // a check lists every problem instead of stopping at the first
  }
  int32_t reject(const std::string& location, const std::string& reason) override {
    report_.rejections.emplace_back(location, reason);
    return SOSEI_OK;
  }
  const std::string& stop_reason() const override { return none_; }
  std::optional<std::string> state(const std::string& key) override {
    auto it = state_.find(key);
    return it == state_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  void set_state(const std::string& key, const std::string& value) override { state_[key] = value; }

 private:
  static std::string period_text(const sosei_period& p) {
    switch (p.kind) {
      case SOSEI_PERIOD_FISCAL_YEAR: return "FY" + std::to_string(p.year);
      case SOSEI_PERIOD_CALENDAR_YEAR: return std::to_string(p.year);
      case SOSEI_PERIOD_MONTH: return std::to_string(p.year) + "-" + (p.month < 10 ? "0" : "") + std::to_string(p.month);
      case SOSEI_PERIOD_DATE:
        return std::to_string(p.year) + "-" + (p.month < 10 ? "0" : "") + std::to_string(p.month) + "-" +
               (p.day < 10 ? "0" : "") + std::to_string(p.day);
      default: return "kind " + std::to_string(p.kind) + "?";
    }
  }
  static std::string value_text(const sosei_observation& o) {
    if (o.value_kind != SOSEI_VALUE_NUMBER) return "status " + std::to_string(o.value_kind);
    std::string s = std::to_string(o.number);
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
      const bool dot = s.back() == '.';
      s.pop_back();
      if (dot) break;
    }
    return s;
  }
  std::string problem_of(const sosei_observation& o, const CheckedObservation& c) const {
    if (c.series.empty()) return "no series";
    if (!meta_.declares_series(c.series) && !meta_.declares_series("*"))
      return "series '" + c.series + "' is not declared by the plugin";
    if (o.period.kind < SOSEI_PERIOD_FISCAL_YEAR || o.period.kind > SOSEI_PERIOD_DATE) return "unknown period kind";
    if (o.period.year < 1900 || o.period.year > 2200) return "year " + std::to_string(o.period.year) + " out of range";
    const bool has_month = o.period.kind >= SOSEI_PERIOD_MONTH;
    if (has_month != (o.period.month >= 1 && o.period.month <= 12)) return "bad month for the period kind";
    if ((o.period.kind == SOSEI_PERIOD_DATE) != (o.period.day >= 1 && o.period.day <= 31)) return "bad day for the period kind";
    if (o.value_kind == SOSEI_VALUE_NUMBER && !std::isfinite(o.number)) return "the number is not finite";
    return "";
  }

  CheckReport& report_;
  const host::PluginMeta& meta_;
  std::map<std::string, std::string> state_;
  std::string none_;
};

// A settings map from YAML: either the map itself or a source entry with `settings:`.
config::Source read_settings(const std::string& path) {
  config::Source source;
  source.id = "check";
  if (path.empty()) return source;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  YAML::Node map = root && root.IsMap() && root["settings"] ? root["settings"] : root;
  if (!map || !map.IsMap())
    throw std::runtime_error(path + ": expected a map of settings (or a source entry with `settings:`)");
  for (const auto& kv : map) {
    if (!kv.second.IsScalar())
      throw std::runtime_error(path + ":" + std::to_string(kv.second.Mark().line + 1) + ": setting '" +
                               kv.first.as<std::string>() + "' must be a single value");
    source.settings[kv.first.as<std::string>()] = {kv.second.as<std::string>(),
                                                  {path, kv.second.Mark().line + 1, kv.second.Mark().column + 1}};
  }
  return source;
}

}  // namespace

CheckReport check_plugin(const CheckRequest& request) {
  CheckReport report;
  try {
    report.plugin = host::load_plugin(request.plugin_file)->meta();
  } catch (const std::exception& e) {
    report.load_error = e.what();
    return report;
  }
  config::Source source = read_settings(request.settings_file);
  source.plugin = report.plugin->name;
  const std::string base = request.settings_file.empty()
                               ? fs::current_path().string()
                               : fs::absolute(request.settings_file).parent_path().string();
  try {
    report.settings = host::resolve_settings(*report.plugin, source, base);
  } catch (const std::exception& e) {
    report.settings_error = e.what();
  }
  if (!request.input_file.empty()) {
    report.settings["file"] = fs::absolute(request.input_file).lexically_normal().string();
    report.settings.erase("url");
  }
  if (!report.settings_error.empty() && request.input_file.empty()) return report;
  if (!report.settings_error.empty()) {
    // --input may supply the one required setting that was missing: check again with it.
    source.settings["file"] = {report.settings["file"], {}};
    try {
      report.settings = host::resolve_settings(*report.plugin, source, base);
      report.settings_error.clear();
    } catch (const std::exception& e) {
      report.settings_error = e.what();
      return report;
    }
  }

  worker::WorkerJob job;
  job.executable = request.worker_executable.empty() ? worker::default_worker_executable() : request.worker_executable;
  job.label = "check/" + report.plugin->name;
  job.request.plugin_file = report.plugin->file;
  job.request.source_id = "check";
  job.request.settings = report.settings;
  job.request.memory_limit_bytes = request.memory_limit_bytes;
  job.limits.memory_limit_bytes = request.memory_limit_bytes;
  job.limits.timeout = std::chrono::seconds(request.timeout_seconds);
  CheckSink sink(report, *report.plugin);
  const worker::WorkerOutcome outcome = worker::run_in_worker(job, sink);
  report.ran = true;
  report.result = outcome.result == host::RunResult::Succeeded   ? "succeeded"
                  : outcome.result == host::RunResult::Unchanged ? "unchanged"
                                                                 : "failed";
  report.run_error = outcome.error;
  return report;
}

}  // namespace sosei::kit
