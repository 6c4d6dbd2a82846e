// The busy handler: backs off like SQLite's own (sqlite3_busy_timeout) and reports the first wait.
#include "store/sqlite/busy_wait.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <thread>

namespace sosei::store {
namespace {

// SQLite's own delays: short first, so a lock that is about to be released costs little.
constexpr std::array<int, 12> kDelaysMs = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};

int on_busy(void* data, int count) {
  auto& wait = *static_cast<BusyWait*>(data);
  const auto now = std::chrono::steady_clock::now();
  if (count == 0) {  // a new lock to wait for
    wait.started = now;
    if (wait.on_wait) wait.on_wait();
  }
  const auto remaining = wait.limit - std::chrono::duration_cast<std::chrono::milliseconds>(now - wait.started);
  if (remaining <= std::chrono::milliseconds{0}) return 0;
  const auto delay = std::chrono::milliseconds{kDelaysMs[std::min<std::size_t>(count, kDelaysMs.size() - 1)]};
  std::this_thread::sleep_for(std::min(delay, remaining));
  return 1;
}

}  // namespace

void wait_when_busy(sqlite::Connection& db, BusyWait& wait) { sqlite3_busy_handler(db.handle(), on_busy, &wait); }

}  // namespace sosei::store
