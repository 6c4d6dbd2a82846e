// Imports through the importer with the environment's plugins and store.
#include "app/import_run.hpp"

#include <spdlog/spdlog.h>

#include "app/signoff.hpp"
#include "app/user_input.hpp"
#include "text/bounded_text.hpp"
#include "text/catalogue.hpp"
#include "text/numbers.hpp"
#include "text/phrase.hpp"

namespace sosei::app {

using namespace std::chrono_literals;

void apply_source_limits(const config::Source& source, IsolationChoice choice, import::ImportOptions& options) {
  options.isolate = choice == IsolationChoice::Worker ||
                    (choice == IsolationChoice::AsConfigured && source.isolation == config::Isolation::Worker);
  options.limits.memory_limit_bytes = source.memory_limit;
  options.limits.timeout = source.schedule
                               ? std::chrono::duration_cast<std::chrono::milliseconds>(source.schedule->timeout)
                               : std::chrono::milliseconds(0);
}

namespace {

// A row for a locked period is refused in the city's language (the configured locale).
void word_lock_refusals(const Environment& env, import::ImportOptions& options) {
  if (options.locked_message) return;
  const text::Locale locale{env.config().lang, env.config().years, env.config().timezone};
  options.locked_message = [locale](const store::Approval& lock) { return locked_message(lock, locale); };
}

}  // namespace

// Spelled sosei::import:: at the start of a line: clang-format reads "import::" there as a C++20 module
// import and mangles the function.
sosei::import::ImportOutcome run_import(const Environment& env, store::Store& store, const config::Source& source,
                                        const import::ImportOptions& options) {
  import::ImportOptions worded = options;
  word_lock_refusals(env, worded);
  try {
    return import::import_source(env.config(), source, env.plugins(), store, worded);
  } catch (const import::ImportSetupError& e) {
    throw InputError(e.what());
  }
}

sosei::import::ImportOutcome run_scheduled_import(const Environment& env, const config::Source& source,
                                                  const std::string& worker_executable,
                                                  const std::atomic<bool>* abort) {
  import::ImportOutcome outcome;
  outcome.record.source = source.id;
  outcome.record.plugin = source.plugin;
  outcome.record.status = store::RunStatus::Failed;
  try {
    // SQLite has one writer at a time: an import of another source may hold the write lock for as
    // long as it runs. Wait for it, up to the daemon's lock_wait (the run's own timeout starts once it
    // has the lock).
    // The daemon created the database when it started, if it had to: a database missing now was moved,
    // deleted or unmounted, and must not be started again empty (an in-memory one has no path to lose).
    auto store = env.open_store(env.config().daemon.lock_wait,
                                env.database() == ":memory:" ? StoreOpen::CreateIfMissing : StoreOpen::MustExist);
    import::ImportOptions options;
    apply_source_limits(source, IsolationChoice::AsConfigured, options);
    // A scheduled source without a schedule (the daemon never starts one) still gets a bound.
    if (!source.schedule) options.limits.timeout = 1h;
    options.worker_executable = worker_executable;
    options.abort = abort;
    word_lock_refusals(env, options);
    outcome = import::import_source(env.config(), source, env.plugins(), *store, options);
  } catch (const store::StoreBusy& e) {  // an import by hand held the database past daemon.lock_wait
    spdlog::debug("[{}] {}", source.id, e.what());
    const text::Lang lang = env.config().lang;
    outcome.record.error =
        text::say(lang, &text::Catalogue::store_busy, text::duration_text(env.config().daemon.lock_wait.count(), lang));
    spdlog::error("[{}] import could not start: {}", source.id, outcome.record.error);
  } catch (const store::NoDatabase& e) {
    outcome.record.error = text::say(env.config().lang, &text::Catalogue::store_missing, e.location());
    spdlog::error("[{}] import could not start: {}", source.id, outcome.record.error);
  } catch (const std::exception& e) {  // plugin missing, settings invalid, store unusable
    outcome.record.error = text::bounded_text(e.what(), env.config().lang);
    spdlog::error("[{}] import could not start: {}", source.id, outcome.record.error);
  }
  return outcome;
}

}  // namespace sosei::app
