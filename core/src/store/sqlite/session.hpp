// What a SqliteStore and its open import share: the connection, the clock that stamps every write,
// and whether an import is open (one at a time per Store object).
#pragma once

#include <functional>
#include <string>

#include "common/clock.hpp"
#include "store/sqlite/busy_wait.hpp"
#include "store/sqlite/connection.hpp"

namespace sosei::store {

struct Session {
  Session(const std::string& path, const Clock& c, bool create = true,
          sqlite::Access access = sqlite::Access::ReadWrite)
      : db(path, create, access), clock(c), read_only(access != sqlite::Access::ReadWrite) {}

  sqlite::Connection db;
  const Clock& clock;
  const bool read_only;  // opened by a reader (StoreConfig::read_only): never writes the file
  BusyWait busy_wait;
  bool import_open = false;
  // Set while an import is open: writes the observations it keeps back to batch them. Every read of
  // observations calls it first, so that a run reads its own writes.
  std::function<void()> flush_import;

  // The text every stored timestamp has: ISO 8601 UTC with milliseconds.
  std::string now() const { return iso8601_utc(clock.now_ms()); }

  void flush_open_import() {
    if (flush_import) flush_import();
  }
};

}  // namespace sosei::store
