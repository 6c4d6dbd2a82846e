// Reference (c), the storage limit: the same rows bench_stops makes sosei store (stop × day, route and
// stop dimensions as canonical JSON), written by a plain loop over one prepared INSERT in one
// transaction into a table with the same unique key as sosei's observations, with the store's journal,
// sync and cache settings. No lookups, no revisions, no run bookkeeping.
//   bench_raw_insert DB_FILE ROWS [STOPS]   (DB_FILE must not exist)
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

[[noreturn]] void fail(sqlite3* db, const char* what) {
  std::fprintf(stderr, "bench_raw_insert: %s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
  std::exit(1);
}

void exec(sqlite3* db, const char* sql, const char* what) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, what);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr,
                 "usage: %s DB_FILE ROWS [STOPS]\nInserts ROWS stop-day observations into a new SQLite file: "
                 "reference (c) of tools/run-bench.\n",
                 argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const uint64_t rows = std::strtoull(argv[2], nullptr, 10);
  const int stops = argc == 4 ? std::atoi(argv[3]) : bench::stops_for(rows);
  if (rows == 0 || stops < 1) {
    std::fprintf(stderr, "bench_raw_insert: ROWS and STOPS must be positive\n");
    return 2;
  }
  if (std::filesystem::exists(path)) {
    std::fprintf(stderr, "bench_raw_insert: %s exists; remove it first (the benchmark starts from nothing)\n",
                 path.c_str());
    return 2;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) fail(db, "open");
  exec(db, kSchema, "create the table");

  const auto started = std::chrono::steady_clock::now();
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, kInsert, -1, &insert, nullptr) != SQLITE_OK) fail(db, "prepare the insert");
  exec(db, "BEGIN IMMEDIATE", "begin");
  bench::StopDays days(stops, 0);
  constexpr std::string_view kSeries = "bench/stop_boardings";
  char dimensions[96];
  for (uint64_t i = 0; i < rows; ++i) {
    const bench::StopDay s = days.at(i);
    char route[16], stop[16];
    bench::route_text(route, s.route);
    bench::stop_text(stop, s.stop);
    const int length = std::snprintf(dimensions, sizeof dimensions, "{\"route\":\"%s\",\"stop\":\"%s\"}", route, stop);
    sqlite3_bind_text(insert, 1, kSeries.data(), static_cast<int>(kSeries.size()), SQLITE_STATIC);
    sqlite3_bind_int(insert, 2, s.year);
    sqlite3_bind_int(insert, 3, s.month);
    sqlite3_bind_int(insert, 4, s.day);
    sqlite3_bind_text(insert, 5, dimensions, length, SQLITE_STATIC);
    sqlite3_bind_double(insert, 6, s.boardings);
    if (sqlite3_step(insert) != SQLITE_DONE) fail(db, "insert");
    sqlite3_reset(insert);
  }
  exec(db, "COMMIT", "commit");
  sqlite3_finalize(insert);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (sqlite3_close(db) != SQLITE_OK) fail(db, "close");
  std::printf("rows\t%llu\nstops\t%d\nseconds\t%.6f\n", static_cast<unsigned long long>(rows), stops, seconds);
  return 0;
}
