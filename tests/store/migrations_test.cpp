// Schema migrations: from an empty file, reopening, a newer database, and how the file is opened.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "common/clock.hpp"
#include "store/sqlite/migrations.hpp"
#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Migrations = StoreTest;
SOSEI_SQLITE_SUITE(Migrations);  // the SQLite file's schema (postgres_test.cpp has the server's)

TEST_P(Migrations, FromEmptyAppliesEveryMigration) {
  EXPECT_EQ(store_->schema_version(), latest_schema_version());  // numbers may leave gaps (migrate())
  EXPECT_EQ(query_one("PRAGMA user_version"), std::to_string(latest_schema_version()));
  EXPECT_EQ(query_one("SELECT count(*) FROM schema_migrations"), std::to_string(migrations().size()));
  EXPECT_EQ(query_one("SELECT max(version) FROM schema_migrations"), std::to_string(latest_schema_version()));
  EXPECT_EQ(query_one("SELECT applied_at FROM schema_migrations WHERE version = 1"), "2026-11-28T11:02:03.000Z");
}

// Increasing from one; a number may be left free for another branch's migration (7 while sign-off
// has 8): migrate() applies each one not recorded in schema_migrations, whenever it appears.
TEST_P(Migrations, NumberedInIncreasingOrderFromOne) {
  int previous = 0;
  for (const Migration& m : migrations()) {
    EXPECT_GT(m.version, previous);
    previous = m.version;
  }
  EXPECT_EQ(migrations().front().version, 1);
}

TEST_P(Migrations, ReopeningAppliesNothing) {
  std::string before = dump_table("schema_migrations");
  store_.reset();
  clock_.set(std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::January / 1 / 2030}});
  store_ = open();
  EXPECT_EQ(store_->schema_version(), latest_schema_version());
  EXPECT_EQ(dump_table("schema_migrations"), before);
}

TEST_P(Migrations, RefusesADatabaseFromANewerSosei) {
  store_.reset();
  query_one("PRAGMA user_version = 99");
  ASSERT_EQ(query_one("PRAGMA user_version"), "99");
  try {
    open();
    FAIL() << "a newer database was opened";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("upgrade sosei"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("99"), std::string::npos) << e.what();
  }
}

TEST_P(Migrations, WalModeAndTablesReadableFromTheCli) {
  EXPECT_EQ(query_one("PRAGMA journal_mode"), "wal");
  for (const char* table :
       {"sources", "import_runs", "run_rejections", "observations", "revisions", "source_state", "schema_migrations"}) {
    EXPECT_EQ(query_one(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'"), "1") << table;
  }
}

// A file of schema 9 holding values: migration 10 sums them, so its pages show them at once.
TEST_P(Migrations, DimensionSumsAreMadeFromTheValuesAlreadyStored) {
  auto run = store_->begin_import(start());
  for (int day = 1; day <= 3; ++day)
    run->put(key("boardings", Period::date_of(2025, 4, day), {{"route", "a"}}), number(day));
  run->commit();
  store_.reset();
  query_one("DROP TABLE dimension_sums");
  query_one("DELETE FROM schema_migrations WHERE version = 10");
  query_one("PRAGMA user_version = 9");
  store_ = open();
  const auto totals = store_->dimension_totals("boardings");
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].sum, 6);
  EXPECT_EQ(totals[0].values, 3);
}

// The store owns its location: the CLI and the daemon no longer create the folder themselves.
TEST(OpenStore, CreatesTheFolderOnFirstOpen) {
  const auto folder = std::filesystem::path(SOSEI_TEST_BINARY_DIR) / "tests" / "store" / "tmp" / "new-folder";
  std::filesystem::remove_all(folder);
  auto s = open_store({(folder / "deeper" / "x.db").string()});
  EXPECT_EQ(s->schema_version(), latest_schema_version());
  EXPECT_TRUE(std::filesystem::exists(folder / "deeper" / "x.db"));
}

TEST(OpenStore, FolderThatCannotBeMadeFailsWithThePath) {
  // A plain file where the folder should be: neither the folder nor the database can be created.
  const auto dir = std::filesystem::path(SOSEI_TEST_BINARY_DIR) / "tests" / "store" / "tmp";
  std::filesystem::create_directories(dir);
  const auto blocker = dir / "not-a-folder";
  std::ofstream(blocker) << "x";
  const std::string path = (blocker / "x.db").string();
  try {
    open_store({path});
    FAIL() << "opened a file in a folder that cannot exist";
  } catch (const StoreError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("cannot open database " + path), std::string::npos) << m;
    EXPECT_NE(m.find("check the folder exists"), std::string::npos) << m;
  }
}

TEST(OpenStore, InMemoryWorks) {
  auto s = open_store({":memory:"});
  EXPECT_EQ(s->schema_version(), latest_schema_version());
  EXPECT_TRUE(s->series().empty());
}

TEST(OpenStore, DefaultClockIsIso8601UtcWithMilliseconds) {
  EXPECT_TRUE(
      std::regex_match(iso8601_utc(system_clock().now_ms()), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
      << iso8601_utc(system_clock().now_ms());
}

}  // namespace
}  // namespace sosei::store::test
