// Two Store objects on one file (as two sosei processes would be): the second import waits for the
// first, or fails as busy after its timeout, and never corrupts it.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Locking = StoreTest;

TEST_F(Locking, SecondWriterFailsCleanlyWhenBusy) {
  SqliteOptions impatient;
  impatient.busy_timeout_ms = 100;
  auto other = open(impatient);
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", Period::fiscal_year(2024)), number(1));
  try {
    other->begin_import(start("other"));
    FAIL() << "two imports ran at once";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("another sosei process"), std::string::npos) << e.what();
  }
  // Readers are not blocked by the writer (WAL) and see only committed data.
  EXPECT_TRUE(other->values({"kpi-1", {}, {}}).empty());
  run->commit();
  EXPECT_EQ(other->values({"kpi-1", {}, {}}).size(), 1u);
  auto second = other->begin_import(start("other"));  // free again
  second->put(key("kpi-1", Period::fiscal_year(2024)), number(2));
  EXPECT_EQ(second->commit().revised, 1);
  EXPECT_EQ(query_one(path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(Locking, SecondWriterWaitsForTheFirst) {
  auto other = open();  // default 5 s timeout
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", Period::fiscal_year(2024)), number(1));
  std::thread finisher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    run->commit();
  });
  auto t0 = std::chrono::steady_clock::now();
  auto second = other->begin_import(start("other"));
  auto waited = std::chrono::steady_clock::now() - t0;
  finisher.join();
  EXPECT_GE(waited, std::chrono::milliseconds(100));
  second->put(key("kpi-1", Period::fiscal_year(2024)), number(2));
  EXPECT_EQ(second->commit().revised, 1);  // it saw the first run's committed value
  EXPECT_EQ(store_->runs().size(), 2u);
}

}  // namespace
}  // namespace sosei::store::test
