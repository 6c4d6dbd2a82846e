// The import use case: one source's import as `sosei import` runs it, and as the daemon and
// `import --all-due` run a scheduled one (its own store connection, errors recorded, never thrown).
#pragma once

#include <atomic>
#include <string>

#include "app/environment.hpp"
#include "import/importer.hpp"

namespace sosei::app {

// Where the plugin runs: as the source's `isolation` says, or forced into a worker or this process.
enum class IsolationChoice { AsConfigured, Worker, InProcess };

// The worker limits of the source's configuration (memory; its schedule's timeout) and where it runs.
void apply_source_limits(const config::Source& source, IsolationChoice choice, import::ImportOptions& options);

// One import into `store`. Throws InputError for a problem found before the run started (unknown
// plugin, invalid settings): nothing was recorded then.
import::ImportOutcome run_import(const Environment& env, store::Store& store, const config::Source& source,
                                 const import::ImportOptions& options);

// A scheduled import on a store connection of its own that waits up to an hour for another
// import's write lock (its own timeout starts once it has it). Never throws: a run that could not
// start comes back failed with the reason. `abort` set by a stopping daemon aborts it.
import::ImportOutcome run_scheduled_import(const Environment& env, const config::Source& source,
                                           const std::string& worker_executable, const std::atomic<bool>* abort);

}  // namespace sosei::app
