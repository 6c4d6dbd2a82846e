// Shared helpers of the store tests: one fixture over both stores (a fresh SQLite file, or a fresh
// PostgreSQL database in the suite's throwaway cluster, per test), a clock the test moves, and raw
// access to the test's database to inspect what the store wrote.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "common/clock.hpp"
#include "store/store.hpp"

namespace sosei::store::test {

enum class Backend { Sqlite, Postgres };
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* out);  // names the parameter in test listings

// Raw SQLite access to a file, for the SQLite-only tests (pragmas, the file's schema).
// Every row of a table as text ("type:value|…" per row, ordered by its key).
std::string dump_table(const std::string& path, const std::string& table);
// One scalar from a SELECT or PRAGMA through a separate connection.
std::string query_one(const std::string& path, const std::string& sql);

ObservationKey key(const std::string& series, Period p, Dimensions d = {});
ObservationData number(double n, std::string note = "");
ObservationData status(ValueKind k, std::string note = "");
RunStart start(const std::string& source = "tourism_csv");

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Another connection to the test's database; the location and clock default to the test's own.
  std::unique_ptr<Store> open(StoreConfig config = {});
  bool sqlite() const { return GetParam() == Backend::Sqlite; }

  // Raw access to the test's database through a connection of its own, in either store's SQL.
  // Every row of a table as text, ordered by its first two columns.
  std::string dump_table(const std::string& table);
  // observations, revisions and source_state: what a failed run must leave unchanged.
  std::string dump_data();
  // One scalar of a query ("" for NULL or no row).
  std::string query_one(const std::string& sql);
  // Runs a statement; the error message, or "" when it succeeded.
  std::string exec_error(const std::string& sql);

  // Every timestamp the store writes; stands at 2026-11-28T11:02:03.000Z until a test moves it.
  ManualClock clock_{std::chrono::sys_days{std::chrono::November / 28 / 2026} + std::chrono::hours{11} +
                     std::chrono::minutes{2} + std::chrono::seconds{3}};
  std::string path_;  // the test's database: a fresh file under the build folder, or a postgresql:// URI
  std::unique_ptr<Store> store_;

 private:
  std::string database_;  // PostgreSQL: the test's database, dropped at the end
};

// The parameters of a suite over both stores, and of a SQLite-only one.
#define SOSEI_STORE_SUITE(suite) \
  INSTANTIATE_TEST_SUITE_P(Stores, suite, ::testing::Values(Backend::Sqlite, Backend::Postgres), backend_name)
#define SOSEI_SQLITE_SUITE(suite) \
  INSTANTIATE_TEST_SUITE_P(Store, suite, ::testing::Values(Backend::Sqlite), backend_name)
#define SOSEI_POSTGRES_SUITE(suite) \
  INSTANTIATE_TEST_SUITE_P(Store, suite, ::testing::Values(Backend::Postgres), backend_name)

}  // namespace sosei::store::test
