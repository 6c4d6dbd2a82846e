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
  const char* store_unreachable;    // error; seconds, next attempt (ISO), attempt number
  const char* attempt_failed;       // attempt number, error; seconds, next attempt (ISO)
  const char* reconnected;          // attempts, since (ISO)
  const char* not_scheduling;       // (a source is due while the store is away)
  const char* status_label;         // the status table's heading for the daemon
  const char* status_running;       // pid, since (ISO)
  const char* status_reconnecting;  // since, attempt number, next attempt, error
  const char* status_stale;         // pid (its state file is left but the process is gone)
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
