// One import run, in-process.
#include "import/importer.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "host/run_context.hpp"
#include "host/settings.hpp"
#include "import/quality_pass.hpp"
#include "import/store_sink.hpp"
#include "text/bounded_text.hpp"
#include "text/import_messages.hpp"
#include "text/sdk_text.hpp"

namespace sosei::import {
namespace {

std::string installed_names(const host::PluginRegistry& plugins) {
  std::string names;
  for (const auto& p : plugins.plugins()) names += (names.empty() ? "" : ", ") + p->meta().name;
  return names.empty() ? "none" : names;
}

struct RunEnd {
  host::RunResult result = host::RunResult::Failed;
  bool aborted = false;
  std::string error;
  std::string fingerprint;
};

// Records a failed run (its transaction rolled back). When the store cannot record even that (the
// disk that failed the run is still full, or read-only), the outcome still says why, and that it is
// not recorded; the database stays as it was.
store::RunRecord record_failure(store::ImportTransaction& transaction, const std::string& error,
                                store::RunStatus status, text::Lang lang) {
  store::RunRecord record;
  try {
    record = transaction.fail(error, status);
  } catch (const store::StoreError& e) {
    spdlog::error("[{}] the failed run could not be recorded: {}", transaction.run_id(), e.what());
    record.status = status;
    const std::string why = text::bounded_text(e.what(), lang);
    record.error = error + (why == error ? text::import_messages(lang).failure_not_recorded_same
                                         : text::say(lang, &text::ImportMessages::failure_not_recorded, why));
    return record;
  }
  record.error = error;
  return record;
}

RunEnd run_in_process(std::shared_ptr<host::LoadedPlugin> plugin, host::RunSettings settings, StoreSink& sink) {
  const std::atomic<bool>* abort = settings.abort;
  host::RunContext run(std::move(plugin), std::move(settings), sink);
  RunEnd end;
  end.result = run.run();
  end.error = run.error();
  end.fingerprint = run.fingerprint();
  end.aborted = end.result == host::RunResult::Failed && abort && abort->load();
  return end;
}

RunEnd run_isolated(const host::LoadedPlugin& plugin, host::RunSettings settings, StoreSink& sink,
                    const ImportOptions& options, text::Lang lang) {
  worker::WorkerJob job;
  job.label = settings.source_id + "/" + plugin.meta().name;
  job.request.plugin_file = plugin.meta().file;
  job.request.source_id = settings.source_id;
  job.request.settings = std::move(settings.settings);
  job.request.fetch = settings.fetch;
  job.request.memory_limit_bytes = options.limits.memory_limit_bytes;
  job.request.lang = lang;
  job.limits = options.limits;
  job.on_progress = options.on_progress;
  job.abort = options.abort;
  RunEnd end;
  try {
    job.executable =
        options.worker_executable.empty() ? worker::default_worker_executable() : options.worker_executable;
    const worker::WorkerOutcome o = worker::run_in_worker(job, sink);
    end.result = o.result;
    end.aborted = o.aborted;
    end.error = o.error;
    end.fingerprint = o.fingerprint;
  } catch (const std::exception& e) {  // the worker could not be started
    end.error = job.label + ": " + e.what();
  }
  return end;
}

// What the plugin declares about its series, kept with the run so the report needs no plugin to caption
// them. Written on every run: the store keeps a row (and its updated_at) while nothing changed.
void record_series_infos(store::ImportTransaction& transaction, const std::string& source_id,
                         const host::PluginMeta& meta) {
  for (const auto& s : meta.series) {
    if (s.name == "*") continue;  // the KPIs the source feeds, stored under their own ids: nothing to caption
    const DisplayName* name = meta.display_names.find_series(s.name);
    transaction.put_series_info({source_id + "/" + s.name, s.unit, s.help, name ? name->ja : "", name ? name->en : "",
                                 meta.name, meta.version, ""});
  }
}

}  // namespace

ImportOutcome import_source(const config::AppConfig& config, const config::Source& source,
                            const host::PluginRegistry& plugins, store::Store& store, const ImportOptions& options) {
  const auto* plugin = plugins.find(source.plugin);
  if (!plugin)
    throw ImportSetupError(text::say(config.lang, &text::ImportMessages::plugin_not_installed, source.where.str(),
                                     source.id, source.plugin, installed_names(plugins)));
  host::RunSettings run_settings;
  run_settings.source_id = source.id;
  try {
    run_settings.settings = host::resolve_settings((*plugin)->meta(), source, config.base_dir);
    host::add_kpi_units(run_settings.settings, source, config.strategy);
  } catch (const host::SettingsError& e) {
    throw ImportSetupError(e.message(config.lang));
  }
  if (!options.file_override.empty()) {
    if (!(*plugin)->meta().find_setting("file"))
      throw ImportSetupError("plugin '" + source.plugin + "' has no 'file' setting, so --file cannot be used");
    run_settings.settings["file"] = std::filesystem::absolute(options.file_override).lexically_normal().string();
    run_settings.settings.erase("url");
  }
  run_settings.on_progress = options.on_progress;
  run_settings.fetch.lang = config.lang;

  run_settings.abort = options.abort;

  auto transaction = store.begin_import({source.id, (*plugin)->meta().name, (*plugin)->meta().version});
  record_series_infos(*transaction, source.id, (*plugin)->meta());
  RuleStream rules(config, store, transaction->run_id());
  StoreSink sink(ObservationValidator(config.strategy, source, (*plugin)->meta(), {config.lang, config.years}),
                 *transaction, source.on_bad_row, options.locked_message, &rules);
  const RunEnd end = options.isolate ? run_isolated(**plugin, std::move(run_settings), sink, options, config.lang)
                                     : run_in_process(*plugin, std::move(run_settings), sink);
  host::RunResult result = end.result;
  transaction->set_fingerprint(end.fingerprint);
  RunEnd checked = end;
  if (result != host::RunResult::Failed && sink.finish() != SOSEI_OK) {  // a duplicate found in the last rows
    result = host::RunResult::Failed;
    checked.error = sink.stop_reason();
  }
  if (result != host::RunResult::Failed) {
    const QualityOutcome quality = check_quality(config, sink.series(), store, *transaction, source.on_bad_row, &rules);
    if (!quality.stop_reason.empty()) {
      result = host::RunResult::Failed;
      checked.error = quality.stop_reason;
    } else if (quality.warnings + quality.errors > 0) {
      spdlog::warn("{}", text::say(config.lang, &text::ImportMessages::log_rule_findings, source.id, quality.warnings,
                                   quality.errors));
    }
  }

  ImportOutcome outcome;
  outcome.dry_run = options.dry_run;
  if (result == host::RunResult::Failed) {
    // The one place a run's error is formed: worded and bounded here, it reads the same in the log,
    // the run record, `sosei runs`, /api/runs and webhooks (a plugin may quote a 10 MiB line in it).
    // A plugin's error is often the SDK's, in English: the city's staff read it in their language.
    checked.error = text::bounded_text(text::sdk_text(checked.error, config.lang), config.lang);
    spdlog::error("{}", text::say(config.lang,
                                  checked.aborted ? &text::ImportMessages::log_run_aborted
                                                  : &text::ImportMessages::log_run_failed,
                                  source.id, checked.error));
    const auto status = checked.aborted ? store::RunStatus::Aborted : store::RunStatus::Failed;
    outcome.record =
        options.dry_run ? transaction->discard() : record_failure(*transaction, checked.error, status, config.lang);
    outcome.record.source = source.id;
    outcome.record.status = status;
    if (options.dry_run) outcome.record.error = checked.error;
    return outcome;
  }
  const auto status = result == host::RunResult::Unchanged ? store::RunStatus::Unchanged : store::RunStatus::Succeeded;
  try {
    outcome.record = options.dry_run ? transaction->discard() : transaction->commit(status);
  } catch (const store::StoreError& e) {  // the commit itself failed (a full disk): rolled back, nothing kept
    const std::string error = text::bounded_text(e.what(), config.lang);
    spdlog::error("{}", text::say(config.lang, &text::ImportMessages::log_run_failed, source.id, error));
    outcome.record = record_failure(*transaction, error, store::RunStatus::Failed, config.lang);
    outcome.record.source = source.id;
    outcome.record.status = store::RunStatus::Failed;
    return outcome;
  }
  outcome.record.status = status;
  // Said once the run stored its rows: a failed run kept nothing, approved or not.
  if (sink.locked_notes_kept() > 0 && !options.dry_run)
    spdlog::warn("{}", text::say(config.lang, &text::ImportMessages::log_locked_notes_kept, source.id,
                                 sink.locked_notes_kept()));
  return outcome;
}

}  // namespace sosei::import
