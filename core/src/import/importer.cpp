// One import run, in-process.
#include "import/importer.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "host/run_context.hpp"
#include "host/settings.hpp"
#include "import/store_sink.hpp"

namespace sosei::import {
namespace {

std::string installed_names(const host::PluginRegistry& plugins) {
  std::string names;
  for (const auto& p : plugins.plugins()) names += (names.empty() ? "" : ", ") + p->meta().name;
  return names.empty() ? "none" : names;
}

}  // namespace

ImportOutcome import_source(const config::AppConfig& config, const config::Source& source,
                            const host::PluginRegistry& plugins, store::Store& store, const ImportOptions& options) {
  const auto* plugin = plugins.find(source.plugin);
  if (!plugin)
    throw ImportSetupError(source.where.str() + ": source '" + source.id + "' uses plugin '" + source.plugin +
                           "', which is not installed (installed: " + installed_names(plugins) + ")");
  host::RunSettings run_settings;
  run_settings.source_id = source.id;
  try {
    run_settings.settings = host::resolve_settings((*plugin)->meta(), source, config.base_dir);
  } catch (const host::SettingsError& e) {
    throw ImportSetupError(e.what());
  }
  if (!options.file_override.empty()) {
    if (!(*plugin)->meta().find_setting("file"))
      throw ImportSetupError("plugin '" + source.plugin + "' has no 'file' setting, so --file cannot be used");
    run_settings.settings["file"] = std::filesystem::absolute(options.file_override).lexically_normal().string();
    run_settings.settings.erase("url");
  }
  run_settings.on_progress = options.on_progress;

  auto transaction = store.begin_import({source.id, (*plugin)->meta().name, (*plugin)->meta().version});
  StoreSink sink(ObservationValidator(config.strategy, source, (*plugin)->meta()), *transaction, source.on_bad_row);
  host::RunContext run(*plugin, std::move(run_settings), sink);
  const host::RunResult result = run.run();
  transaction->set_fingerprint(run.fingerprint());

  ImportOutcome outcome;
  outcome.dry_run = options.dry_run;
  if (result == host::RunResult::Failed) {
    spdlog::error("[{}] import failed: {}", source.id, run.error());
    outcome.record = options.dry_run ? transaction->discard() : transaction->fail(run.error());
    outcome.record.status = store::RunStatus::Failed;
    outcome.record.error = run.error();
    return outcome;
  }
  const auto status = result == host::RunResult::Unchanged ? store::RunStatus::Unchanged : store::RunStatus::Succeeded;
  outcome.record = options.dry_run ? transaction->discard() : transaction->commit(status);
  outcome.record.status = status;
  return outcome;
}

}  // namespace sosei::import
