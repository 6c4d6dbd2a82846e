// What the daemon logs about its connection to the store (a PostgreSQL server that went away), in
// the language of `sosei daemon --lang` (Japanese by default), and how `sosei status` describes the
// daemon. A fourth table of the Catalogue's kind (catalogue.hpp), under the same completeness test
// (tests/text/message_tables_test.cpp).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <string>

#include "text/lang.hpp"

namespace sosei::text {

struct DaemonMessages {
  const char* store_unreachable;    // error; seconds, next attempt (the city's time with its offset), attempt number
  const char* attempt_failed;       // attempt number, error; seconds, next attempt (the city's time with its offset)
  const char* reconnected;          // attempts, since (the city's time with its offset)
  const char* not_scheduling;       // (a source is due while the store is away)
  const char* status_label;         // the status table's heading for the daemon
  const char* status_running;       // pid, since (ISO)
  const char* status_reconnecting;  // since, attempt number, next attempt, error
  const char* status_stale;         // pid (its state file is left but the process is gone)
  // The loop's own lines (sosei daemon, sosei hub daemon), in the log and in webhook messages.
  const char* started;                // pid, started_city or "", database, sources, at most
  const char* started_city;           // city code (one city of the hub daemon)
  const char* next_run;               // [label], time (the city's, with its offset)
  const char* stopped;                // (sosei daemon)
  const char* city_stopped;           // city code (one city of the hub daemon)
  const char* starting_import;        // [label]
  const char* run_done;               // [label], status, accepted, new, revised
  const char* run_failed;             // [label], failures in a row, next attempt (the city's time)
  const char* run_failed_event;       // source, error (the webhook's message)
  const char* quarantined;            // source, failures, last error, source (for sosei resume)
  const char* due_but_quarantined;    // [label], source
  const char* quarantine_retry;       // source, error (recording it waits for the database)
  const char* quarantine_unrecorded;  // [label] (the database stayed busy until the end)
  const char* overdue;                // KPI id, name, department, period, due date, latest present
  const char* overdue_none;           // (no value present at all)
  const char* signal_received;        // signal name, running imports, seconds of grace
  const char* grace_over;             // running imports aborted
  const char* reloaded;               // configuration file, sources
  const char* reload_rejected;        // why
  const char* state_unwritable;       // why
  const char* hub_started;            // pid, cities, at most
  const char* hub_stopped;            // (sosei hub daemon)
  const char* hub_city_left_out;      // code, name, why
  const char* hub_city_no_config;     // (why: no config: in the hub file)
  const char* hub_city_error;         // code, error (the others go on)
};

const DaemonMessages& daemon_messages(Lang lang);

template <class... Args>
std::string say(Lang lang, const char* DaemonMessages::*text, const Args&... args) {
  return fmt::format(fmt::runtime(daemon_messages(lang).*text), args...);
}

// Every text in declaration order, for the completeness test.
std::size_t daemon_messages_size();
const char* daemon_messages_text(const DaemonMessages& m, std::size_t index);

}  // namespace sosei::text
