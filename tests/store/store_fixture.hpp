// Shared helpers of the store tests: a fresh database file per test, a clock the test moves, and raw
// SQLite access to inspect the file (dumps of tables, pragmas).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "common/clock.hpp"
#include "store/store.hpp"

namespace sosei::store::test {

// Every row of a table as text ("type:value|…" per row, ordered by its key).
std::string dump_table(const std::string& path, const std::string& table);
// observations, revisions and source_state: what a failed run must leave unchanged.
std::string dump_data(const std::string& path);
// One scalar from a SELECT or PRAGMA through a separate connection.
std::string query_one(const std::string& path, const std::string& sql);

ObservationKey key(const std::string& series, Period p, Dimensions d = {});
ObservationData number(double n, std::string note = "");
ObservationData status(ValueKind k, std::string note = "");
RunStart start(const std::string& source = "tourism_csv");

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override;
  // Another connection to the test's file; the location and clock default to the test's own.
  std::unique_ptr<Store> open(StoreConfig config = {});

  // Every timestamp the store writes; stands at 2026-11-28T11:02:03.000Z until a test moves it.
  ManualClock clock_{std::chrono::sys_days{std::chrono::November / 28 / 2026} + std::chrono::hours{11} +
                     std::chrono::minutes{2} + std::chrono::seconds{3}};
  std::string path_;  // a fresh file under the build folder
  std::unique_ptr<Store> store_;
};

}  // namespace sosei::store::test
