// What a SqliteStore and its open import share: the connection, the options, and whether an import
// is open (one at a time per Store object).
#pragma once

#include <string>

#include "store/sqlite.hpp"
#include "store/sqlite_store.hpp"

namespace sosei::store {

struct Session {
  Session(const std::string& path, SqliteOptions o) : db(path), options(std::move(o)) {}

  sqlite::Connection db;
  SqliteOptions options;
  bool import_open = false;
};

}  // namespace sosei::store
