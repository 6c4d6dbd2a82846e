// What a SqliteStore and its open import share: the connection, the options, and whether an import
// is open (one at a time per Store object).
#pragma once

#include <functional>
#include <string>

#include "store/sqlite.hpp"
#include "store/sqlite_store.hpp"

namespace sosei::store {

struct Session {
  Session(const std::string& path, SqliteOptions o) : db(path), options(std::move(o)) {}

  sqlite::Connection db;
  SqliteOptions options;
  bool import_open = false;
  // Set while an import is open: writes the observations it keeps back to batch them. Every read of
  // observations calls it first, so that a run reads its own writes.
  std::function<void()> flush_import;

  void flush_open_import() {
    if (flush_import) flush_import();
  }
};

}  // namespace sosei::store
