// Runs one import of one source end to end: resolve the plugin and its settings, open a store
// transaction, run the plugin in-process, then commit, record the failure, or discard (dry run).
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "config/model.hpp"
#include "host/plugin_registry.hpp"
#include "store/store.hpp"
#include "worker/worker_process.hpp"

namespace sosei::import {

struct ImportOptions {
  std::string file_override;  // --file: replaces the source's `file` setting (and clears `url`)
  bool dry_run = false;
  std::function<void(uint64_t done, uint64_t total)> on_progress;
  // Run the plugin in a `sosei worker` process (crash, hang and memory containment) instead of in
  // this process. The parent validates and stores either way, so both store the same.
  bool isolate = false;
  std::string worker_executable;  // empty: worker::default_worker_executable()
  worker::WorkerLimits limits;    // worker only: timeout, memory
  // Set by a shutting-down daemon: the run stops and is recorded as aborted.
  const std::atomic<bool>* abort = nullptr;
  // The rejection reason of a row that would change an approved (locked) period, in the reader's
  // language (app/ words it from the catalogue); null: a plain English sentence.
  std::function<std::string(const store::Approval&)> locked_message;
};

// A problem found before the run started (unknown plugin, bad settings): nothing was recorded.
class ImportSetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImportOutcome {
  store::RunRecord record;
  bool dry_run = false;
  bool ok() const {
    return record.status == store::RunStatus::Succeeded || record.status == store::RunStatus::Unchanged;
  }
};

ImportOutcome import_source(const config::AppConfig& config, const config::Source& source,
                            const host::PluginRegistry& plugins, store::Store& store, const ImportOptions& options);

}  // namespace sosei::import
