// Opening the SQLite store with options: an injectable clock for tests, the lock wait and the page
// cache. open_sqlite_store(path) in store.hpp uses the defaults.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace sosei::store {

struct SqliteOptions {
  // ISO 8601 UTC with milliseconds ("2026-11-28T11:02:03.123Z"); empty = the system clock.
  std::function<std::string()> now;
  // How long a write waits for another process's import to finish before failing as busy.
  int busy_timeout_ms = 5000;
  // Page cache of the connection in KiB (grows only as used); large imports touch many index pages.
  int cache_size_kib = 64 * 1024;
};

// Opens (creating the file, not its folder) and migrates. ":memory:" gives a private in-memory store.
// A Store and its open import must be used from one thread at a time.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, SqliteOptions options);

}  // namespace sosei::store
