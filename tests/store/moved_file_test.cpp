// A SQLite database whose path stops naming the open file while it is in use — moved, deleted, or on
// a disk or folder that went away: SQLite would go on writing to the open file, which nobody reads
// again. Every write transaction checks at its start and before its commit (sqlite/connection.hpp).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/store.hpp"
#include "store_fixture.hpp"

namespace sosei::store {
namespace {

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("sosei-moved-" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

ObservationData number(double n) {
  ObservationData d;
  d.value = Value::of(n);
  d.location = "v.csv:2";
  return d;
}

// The database's folder goes away under a run (moved, as an unmounted disk would): its -wal file goes
// with it, as it must for the moved database to hold what was committed.
TEST(MovedDatabase, ARunWhoseFolderWentAwayFailsAndTheFileKeepsWhatItHad) {
  const auto dir = scratch("run");
  std::filesystem::create_directories(dir / "live");
  const auto path = dir / "live" / "sosei.db";
  const auto away = dir / "away" / "sosei.db";
  auto store = open_store({.location = path.string()});
  {
    auto first = store->begin_import({"csv", "csv", "1"});
    first->put(test::key("visits", Period::fiscal_year(2024)), number(1));
    first->commit();
  }
  auto run = store->begin_import({"csv", "csv", "1"});
  run->put(test::key("visits", Period::fiscal_year(2025)), number(2));
  std::filesystem::rename(dir / "live", dir / "away");
  try {
    run->commit();
    FAIL() << "committed into a file that is no longer at " << path;
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("移動・削除された"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    // The same refusal for a reader who asked for English (--lang en); what() stays Japanese.
    EXPECT_NE(e.message(text::Lang::En).find("was moved or deleted after it was opened"), std::string::npos)
        << e.message(text::Lang::En);
    EXPECT_EQ(e.message(text::Lang::Ja), e.what());
  }
  // Recording the failure is a write too: refused the same way, so nothing reaches the moved file.
  EXPECT_THROW(run->fail("moved", RunStatus::Failed), StoreError);
  run.reset();
  EXPECT_THROW(store->add_token("hash", "産業振興課", "test", TokenRole::Department), StoreError);
  store.reset();
  EXPECT_FALSE(std::filesystem::exists(path));

  auto moved = open_store({.location = away.string(), .create_if_missing = false});
  EXPECT_EQ(moved->values({"visits", {}, {}}).size(), 1u);
  EXPECT_EQ(moved->runs(0, "csv").size(), 1u);
  // Put back, the next run stores once.
  moved.reset();
  std::filesystem::rename(dir / "away", dir / "live");
  auto back = open_store({.location = path.string()});
  auto next = back->begin_import({"csv", "csv", "1"});
  next->put(test::key("visits", Period::fiscal_year(2025)), number(2));
  EXPECT_EQ(next->commit().inserted, 1);
  EXPECT_EQ(back->values({"visits", {}, {}}).size(), 2u);
  std::filesystem::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace sosei::store
