// The plugin check: descriptor, settings, and a dry run through the real host in a worker process.
#include "kit/plugin_check.hpp"

#include <cmath>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "config/settings_file.hpp"
#include "text/kit_messages.hpp"
#include "worker/worker_process.hpp"

namespace sosei::kit {
namespace {

namespace fs = std::filesystem;

// Collects what the plugin emits and checks what the host checks without a strategy: a series the
// plugin declares, a valid period, a known value kind, a finite number. The worker converted each
// observation already, so a malformed struct or a repeated dimension arrives as a rejection.
class CheckSink : public host::ObservationSink {
 public:
  CheckSink(CheckReport& report, const host::PluginMeta& meta) : report_(report), meta_(meta) {}

  int32_t accept(const Observation& o) override {
    ++report_.observation_count;
    CheckedObservation c;
    c.series = o.series;
    c.period = known(o.period.kind) ? o.period.str() : "kind " + std::to_string(static_cast<int>(o.period.kind)) + "?";
    if (known(o.period.kind) && o.period.valid()) c.period_value = o.period;
    c.dimensions.assign(o.dimensions.begin(), o.dimensions.end());
    c.value = o.value.str();
    if (const int kind = static_cast<int>(o.value.kind); kind >= SOSEI_VALUE_NUMBER && kind <= SOSEI_VALUE_DONE &&
                                                         (!o.value.is_number() || std::isfinite(o.value.number)))
      c.shown = o.value;
    c.note = o.note;
    c.location = o.location;
    c.problem = problem_of(o);
    if (!c.problem) c.problem = repeated(o);
    if (c.problem) ++report_.problems;
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
  static bool known(PeriodKind k) { return k >= PeriodKind::FiscalYear && k <= PeriodKind::Date; }
  // A KPI the source's settings name (tourism's `kpi: tourism_visitors`): the plugin feeds the KPI the
  // strategy defines, so it declares no series for it; the import checks it against the strategy.
  bool named_by_a_setting(const std::string& series) const {
    for (const auto& [name, value] : report_.settings)
      if (value == series) return true;
    return false;
  }
  text::Phrase problem_of(const Observation& o) const {
    using text::KitMessages;
    if (o.series.empty()) return text::phrase(&KitMessages::problem_no_series);
    if (!meta_.declares_series(o.series) && !meta_.declares_series("*") && !named_by_a_setting(o.series))
      return text::phrase(&KitMessages::problem_series_undeclared, o.series);
    const Period& p = o.period;
    if (!known(p.kind)) return text::phrase(&KitMessages::problem_period_kind);
    if (p.year < 1900 || p.year > 2200) return text::phrase(&KitMessages::problem_year, p.year);
    const bool has_month = p.kind >= PeriodKind::Month;
    if (has_month != (p.month >= 1 && p.month <= 12)) return text::phrase(&KitMessages::problem_month);
    if (!p.valid()) return text::phrase(&KitMessages::problem_day);
    const int kind = static_cast<int>(o.value.kind);
    if (kind < SOSEI_VALUE_NUMBER || kind > SOSEI_VALUE_DONE)
      return text::phrase(&KitMessages::problem_value_kind, kind);
    if (o.value.is_number() && !std::isfinite(o.value.number)) return text::phrase(&KitMessages::problem_not_finite);
    return {};
  }

  // A key the run emitted already (the same KPI and year in three rows of a table): the import keeps
  // the first and rejects the others. Checked for the first kMaxKeys observations, so a check of a
  // large feed keeps its memory bounded.
  text::Phrase repeated(const Observation& o) {
    static constexpr std::size_t kMaxKeys = 1'000'000;
    if (first_at_.size() >= kMaxKeys) return {};
    std::string key = o.series + '\x1f' + o.period.str();
    for (const auto& [name, value] : o.dimensions) key += '\x1f' + name + '\x1e' + value;
    const auto [first, fresh] = first_at_.emplace(std::move(key), o.location);
    if (fresh) return {};
    return text::phrase(&text::KitMessages::problem_repeated, first->second.empty() ? std::string("-") : first->second);
  }

  CheckReport& report_;
  const host::PluginMeta& meta_;
  std::unordered_map<std::string, std::string> first_at_;  // key → location of its first observation
  std::map<std::string, std::string> state_;
  std::string none_;
};

// A settings map from YAML: either the map itself or a source entry with `settings:`.
config::Source read_settings(const std::string& path) {
  config::Source source;
  source.id = "check";
  if (!path.empty()) source.settings = config::load_settings_file(path);
  return source;
}

// What the settings declaration refused, in English for the JSON and worded for a person.
void refuse_settings(CheckReport& report, const host::SettingsError& e) {
  report.settings_error = e.what();
  report.settings_error_text = [e](const text::Locale& l) { return e.message(l.lang); };
}
void refuse_settings(CheckReport& report, const std::exception& e) {
  report.settings_error = e.what();
  report.settings_error_text = text::verbatim(e.what());
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
  const std::string base = request.settings_file.empty() ? fs::current_path().string()
                                                         : fs::absolute(request.settings_file).parent_path().string();
  try {
    report.settings = host::resolve_settings(*report.plugin, source, base);
  } catch (const host::SettingsError& e) {
    refuse_settings(report, e);
  } catch (const std::exception& e) {
    refuse_settings(report, e);
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
      report.settings_error_text = nullptr;
    } catch (const host::SettingsError& e) {
      refuse_settings(report, e);
      return report;
    } catch (const std::exception& e) {
      refuse_settings(report, e);
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
  job.request.lang = request.lang;
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
