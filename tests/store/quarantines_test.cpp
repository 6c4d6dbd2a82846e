// Source quarantines: set, replace, list, lift; kept across reopening the file.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Quarantines = StoreTest;
SOSEI_STORE_SUITE(Quarantines);

TEST_P(Quarantines, SetListAndResume) {
  EXPECT_TRUE(store_->quarantines().empty());
  store_->quarantine({"bus_ridership", "", "plugin crashed with SIGSEGV", 5});
  auto list = store_->quarantines();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].source, "bus_ridership");
  EXPECT_EQ(list[0].reason, "plugin crashed with SIGSEGV");
  EXPECT_EQ(list[0].failures, 5);
  EXPECT_FALSE(list[0].since.empty());

  EXPECT_TRUE(store_->resume("bus_ridership"));
  EXPECT_TRUE(store_->quarantines().empty());
  EXPECT_FALSE(store_->resume("bus_ridership"));  // nothing to lift
}

TEST_P(Quarantines, ASecondQuarantineReplacesTheFirst) {
  store_->quarantine({"tourism", "2026-01-01T00:00:00.000Z", "HTTP 500", 3});
  store_->quarantine({"tourism", "2026-02-01T00:00:00.000Z", "timed out", 4});
  auto list = store_->quarantines();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].since, "2026-02-01T00:00:00.000Z");
  EXPECT_EQ(list[0].reason, "timed out");
  EXPECT_EQ(list[0].failures, 4);
}

TEST_P(Quarantines, SurviveReopening) {
  store_->quarantine({"school_scores", "", "exited with code 3", 5});
  store_.reset();
  store_ = open();
  ASSERT_EQ(store_->quarantines().size(), 1u);
  EXPECT_EQ(store_->quarantines()[0].source, "school_scores");
}

}  // namespace
}  // namespace sosei::store::test
