// Runs one import of one source end to end: resolve the plugin and its settings, open a store
// transaction, run the plugin in-process, then commit, record the failure, or discard (dry run).
#pragma once

#include <functional>
#include <string>

#include "config/model.hpp"
#include "host/plugin_registry.hpp"
#include "store/store.hpp"

namespace sosei::import {

struct ImportOptions {
  std::string file_override;  // --file: replaces the source's `file` setting (and clears `url`)
  bool dry_run = false;
  std::function<void(uint64_t done, uint64_t total)> on_progress;
};

// A problem found before the run started (unknown plugin, bad settings): nothing was recorded.
class ImportSetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImportOutcome {
  store::RunRecord record;
  bool dry_run = false;
  bool ok() const { return record.status == store::RunStatus::Succeeded || record.status == store::RunStatus::Unchanged; }
};

ImportOutcome import_source(const config::AppConfig& config, const config::Source& source,
                            const host::PluginRegistry& plugins, store::Store& store, const ImportOptions& options);

}  // namespace sosei::import
