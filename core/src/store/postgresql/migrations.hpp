// The PostgreSQL schema as numbered migrations (the same numbers and names as the SQLite store's, so
// schema_version means the same in both) and the code that applies them under an advisory lock.
#pragma once

#include "common/clock.hpp"
#include "store/postgresql/connection.hpp"

namespace sosei::store::pg {

int latest_schema_version();
int schema_version(Connection& db);  // 0 for an empty database
// Applies what is missing; two processes starting at once migrate once (the second waits, then finds
// everything applied). Throws StoreError for a database of a newer sosei. `up_to` stops after that
// version (tests of an upgrade); 0 applies every migration.
void migrate(Connection& db, const Clock& clock, int up_to = 0);

// Advisory lock keys (pg_advisory_lock(kLockClass, key)): one class for sosei so other applications'
// advisory locks on the same database cannot collide with ours.
constexpr int kLockClass = 0x736f7365;  // "sose"
constexpr int kMigrationKey = 1;
// Per-source import locks use a second class with the hash of the city and source as key: runs of
// one source of one city wait for each other.
constexpr int kSourceClass = 0x736f7366;  // "sosf"
constexpr const char* kSourceKey = "hashtext(current_setting('sosei.city') || ':' || $1)";
// A run's session lock (run_claim.hpp) uses a third class with the run id as key.
constexpr int kRunClass = 0x736f7367;  // "sosg"
// Held shared by every import run of a city and exclusively by what must not change under one (saving
// an evaluation, approving or unlocking a period): imports run in parallel with each other, and one
// city's sign-off never waits for another city's import. Keyed by the hash of the session's city.
constexpr int kWritersClass = 0x736f7368;  // "sosh"
constexpr const char* kCityKey = "hashtext(current_setting('sosei.city'))";
// The daemons' session locks use a class of their own keyed by the city's code (daemon_lock.cpp): one
// daemon per city, many cities' daemons on one database.
constexpr int kDaemonClass = 0x736f7369;  // "sosi"
// The dimension sums of one month of a series of the city (dimension_sums.cpp): two runs of different
// sources writing the same series sum its month one after the other, keyed by a hash of it.
constexpr int kSumsClass = 0x736f736a;  // "sosj"

}  // namespace sosei::store::pg
