// Numbered schema migrations: the ordered scripts that build the database, and applying the pending
// ones. The version is PRAGMA user_version, and each applied script has a row in schema_migrations.
#pragma once

#include <span>
#include <string>

#include "common/clock.hpp"
#include "store/sqlite/connection.hpp"

namespace sosei::store {

struct Migration {
  int version;       // 1, 2, 3… in order; never renumber or edit a released one, append a new one
  const char* name;  // what it does, kept in schema_migrations
  const char* sql;   // constant DDL only
};

std::span<const Migration> migrations();
int latest_schema_version();

int schema_version(sqlite::Connection& db);

// Applies each pending migration in its own transaction. Throws StoreError when the database is newer
// than this code.
void migrate(sqlite::Connection& db, const Clock& clock);

// Throws StoreError when the database was written by a newer sosei (a schema this one does not know).
void check_schema_known(sqlite::Connection& db);

}  // namespace sosei::store
