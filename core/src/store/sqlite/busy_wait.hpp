// How a connection waits for another writer: SQLite's busy handler, replaced by one that also tells
// StoreConfig::on_lock_wait that a write started waiting (a test synchronises on it instead of
// sleeping until the other writer "surely" waits).
#pragma once

#include <chrono>
#include <functional>

#include "store/sqlite/connection.hpp"

namespace sosei::store {

struct BusyWait {
  std::chrono::milliseconds limit{0};  // give up (SQLITE_BUSY) after waiting this long for one lock
  std::function<void()> on_wait;       // called once per lock the connection has to wait for
  std::chrono::steady_clock::time_point started;
};

// Installs the handler; `wait` must outlive the connection's use (the Session owns both).
void wait_when_busy(sqlite::Connection& db, BusyWait& wait);

}  // namespace sosei::store
