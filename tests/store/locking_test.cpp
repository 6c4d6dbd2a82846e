// Two Store objects on one file (as two sosei processes would be): the second import waits for the
// first, or fails as busy after its timeout, and never corrupts it.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <thread>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Locking = StoreTest;
SOSEI_SQLITE_SUITE(Locking);  // one writer per file; PostgreSQL locks per source (postgres_test.cpp)

TEST_P(Locking, SecondWriterFailsCleanlyWhenBusy) {
  StoreConfig impatient;
  impatient.lock_wait = std::chrono::milliseconds(100);
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
  EXPECT_TRUE(store_->integrity_problems().empty());
}

TEST_P(Locking, SecondWriterWaitsForTheFirst) {
  // The first run commits only once the second writer reports that it waits for the lock.
  std::promise<void> waiting;
  std::once_flag first_wait;
  StoreConfig patient;  // default 5 s wait
  patient.on_lock_wait = [&] { std::call_once(first_wait, [&] { waiting.set_value(); }); };
  auto other = open(patient);
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", Period::fiscal_year(2024)), number(1));
  std::thread finisher([&, waited = waiting.get_future()] {
    waited.wait();
    run->commit();
  });
  auto second = other->begin_import(start("other"));
  finisher.join();
  second->put(key("kpi-1", Period::fiscal_year(2024)), number(2));
  EXPECT_EQ(second->commit().revised, 1);  // it saw the first run's committed value
  EXPECT_EQ(store_->runs().size(), 2u);
}

}  // namespace
}  // namespace sosei::store::test
