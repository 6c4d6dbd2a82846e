// Reference (c), the storage limit: the same rows bench_stops makes sosei store (stop × day, route and
// stop dimensions as canonical JSON), written by a plain loop over one prepared INSERT in one
// transaction into a table with the same unique key as sosei's observations, with the store's journal,
// sync and cache settings. No lookups, no revisions, no run bookkeeping.
//   bench_raw_insert DB_FILE ROWS [STOPS]            (DB_FILE must not exist)
// Reference (c'), the storage limit of a revision: on the file (c) wrote, the same rows with the values
// of bench_stops' `revision: 1`, each looked up by its key, its old and new value written to a
// revisions table (indexed by observation, as sosei's is) and the row updated; one transaction.
//   bench_raw_insert --revise DB_FILE ROWS [STOPS]   (DB_FILE written by the line above)
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "stop_observations.hpp"

namespace {

// The key and the value of an observation, as sosei's observations table has them.
constexpr const char* kSchema =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
    "CREATE TABLE observations (id INTEGER PRIMARY KEY, series TEXT NOT NULL, period_kind TEXT NOT NULL,"
    " period_year INTEGER NOT NULL, period_month INTEGER NOT NULL, period_day INTEGER NOT NULL,"
    " dimensions TEXT NOT NULL, value_kind TEXT NOT NULL, number REAL);"
    "CREATE UNIQUE INDEX observations_key"
    " ON observations(series, period_kind, period_year, period_month, period_day, dimensions);";
constexpr const char* kInsert =
    "INSERT INTO observations(series, period_kind, period_year, period_month, period_day, dimensions, value_kind,"
    " number) VALUES (?1, 'date', ?2, ?3, ?4, ?5, 'number', ?6)";

constexpr const char* kRevisionSchema =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
    "CREATE TABLE revisions (id INTEGER PRIMARY KEY, observation_id INTEGER NOT NULL, old_number REAL,"
    " new_number REAL);"
    "CREATE INDEX revisions_by_observation ON revisions(observation_id, id);";
constexpr const char* kFind =
    "SELECT id, number FROM observations WHERE series = ?1 AND period_kind = 'date' AND period_year = ?2"
    " AND period_month = ?3 AND period_day = ?4 AND dimensions = ?5";
constexpr const char* kRevise = "INSERT INTO revisions(observation_id, old_number, new_number) VALUES (?1, ?2, ?3)";
constexpr const char* kUpdate = "UPDATE observations SET number = ?2 WHERE id = ?1";
constexpr std::string_view kSeries = "bench/stop_boardings";

[[noreturn]] void fail(sqlite3* db, const char* what) {
  std::fprintf(stderr, "bench_raw_insert: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
  std::exit(1);
}

void exec(sqlite3* db, const char* sql, const char* what) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, what);
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql, const char* what) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) fail(db, what);
  return s;
}

// Binds the key of `s` to ?1 (series) … ?5 (dimensions, written into `dimensions`, which must outlive
// the statement's next step) as the insert and the lookup both take it.
void bind_key(sqlite3_stmt* statement, const bench::StopDay& s, char (&dimensions)[96]) {
  char route[16], stop[16];
  bench::route_text(route, s.route);
  bench::stop_text(stop, s.stop);
  const int length = std::snprintf(dimensions, sizeof dimensions, "{\"route\":\"%s\",\"stop\":\"%s\"}", route, stop);
  sqlite3_bind_text(statement, 1, kSeries.data(), static_cast<int>(kSeries.size()), SQLITE_STATIC);
  sqlite3_bind_int(statement, 2, s.year);
  sqlite3_bind_int(statement, 3, s.month);
  sqlite3_bind_int(statement, 4, s.day);
  sqlite3_bind_text(statement, 5, dimensions, length, SQLITE_STATIC);
}

// (c): every row inserted.
void insert_rows(sqlite3* db, uint64_t rows, int stops) {
  sqlite3_stmt* insert = prepare(db, kInsert, "prepare the insert");
  exec(db, "BEGIN IMMEDIATE", "begin");
  bench::StopDays days(stops, 0);
  char dimensions[96];
  for (uint64_t i = 0; i < rows; ++i) {
    const bench::StopDay s = days.at(i);
    bind_key(insert, s, dimensions);
    sqlite3_bind_double(insert, 6, s.boardings);
    if (sqlite3_step(insert) != SQLITE_DONE) fail(db, "insert");
    sqlite3_reset(insert);
  }
  exec(db, "COMMIT", "commit");
  sqlite3_finalize(insert);
}

// (c'): every row looked up, its revision recorded and its value replaced.
void revise_rows(sqlite3* db, uint64_t rows, int stops) {
  sqlite3_stmt* find = prepare(db, kFind, "prepare the lookup");
  sqlite3_stmt* revise = prepare(db, kRevise, "prepare the revision insert");
  sqlite3_stmt* update = prepare(db, kUpdate, "prepare the update");
  exec(db, "BEGIN IMMEDIATE", "begin");
  bench::StopDays days(stops, 1);
  char dimensions[96];
  for (uint64_t i = 0; i < rows; ++i) {
    const bench::StopDay s = days.at(i);
    bind_key(find, s, dimensions);
    if (sqlite3_step(find) != SQLITE_ROW) fail(db, "look up a row (was the file written by the insert run?)");
    const sqlite3_int64 id = sqlite3_column_int64(find, 0);
    const double old_number = sqlite3_column_double(find, 1);
    sqlite3_reset(find);
    if (old_number == s.boardings) fail(db, "a value did not change");
    sqlite3_bind_int64(revise, 1, id);
    sqlite3_bind_double(revise, 2, old_number);
    sqlite3_bind_double(revise, 3, s.boardings);
    if (sqlite3_step(revise) != SQLITE_DONE) fail(db, "insert a revision");
    sqlite3_reset(revise);
    sqlite3_bind_int64(update, 1, id);
    sqlite3_bind_double(update, 2, s.boardings);
    if (sqlite3_step(update) != SQLITE_DONE) fail(db, "update a row");
    sqlite3_reset(update);
  }
  exec(db, "COMMIT", "commit");
  sqlite3_finalize(find);
  sqlite3_finalize(revise);
  sqlite3_finalize(update);
}

}  // namespace

int main(int argc, char** argv) {
  const bool revise = argc > 1 && std::string_view(argv[1]) == "--revise";
  if (revise) --argc, ++argv;
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr,
                 "usage: bench_raw_insert [--revise] DB_FILE ROWS [STOPS]\n"
                 "Inserts ROWS stop-day observations into a new SQLite file (reference (c) of tools/run-bench),\n"
                 "or with --revise revises all of them in the file that run wrote (reference (c')).\n");
    return 2;
  }
  const std::string path = argv[1];
  const uint64_t rows = std::strtoull(argv[2], nullptr, 10);
  const int stops = argc == 4 ? std::atoi(argv[3]) : bench::stops_for(rows);
  if (rows == 0 || stops < 1) {
    std::fprintf(stderr, "bench_raw_insert: ROWS and STOPS must be positive\n");
    return 2;
  }
  if (std::filesystem::exists(path) != revise) {
    std::fprintf(stderr,
                 revise ? "bench_raw_insert: %s does not exist; write it first without --revise\n"
                        : "bench_raw_insert: %s exists; remove it first (the benchmark starts from nothing)\n",
                 path.c_str());
    return 2;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) fail(db, "open");
  exec(db, revise ? kRevisionSchema : kSchema, "create the table");

  const auto started = std::chrono::steady_clock::now();
  if (revise)
    revise_rows(db, rows, stops);
  else
    insert_rows(db, rows, stops);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (sqlite3_close(db) != SQLITE_OK) fail(db, "close");
  std::printf("rows\t%llu\nstops\t%d\nseconds\t%.6f\n", static_cast<unsigned long long>(rows), stops, seconds);
  return 0;
}
