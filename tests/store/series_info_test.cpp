// Series metadata: recorded with an import run, kept while unchanged, replaced when the plugin's
// declaration or version changes, rolled back with a failed run.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using SeriesInfos = StoreTest;
SOSEI_STORE_SUITE(SeriesInfos);

SeriesInfo visitors(const std::string& version, const std::string& unit = "人") {
  return {"tourism_csv/monthly_visitors", unit, "visitors per month and spot", "", "", "csv_table", version, ""};
}

TEST_P(SeriesInfos, RecordedWithTheRun) {
  EXPECT_TRUE(store_->series_infos().empty());
  auto run = store_->begin_import(start());
  run->put_series_info(visitors("1.2.0"));
  run->commit();
  const auto infos = store_->series_infos();
  ASSERT_EQ(infos.size(), 1u);
  EXPECT_EQ(infos[0].series, "tourism_csv/monthly_visitors");
  EXPECT_EQ(infos[0].unit, "人");
  EXPECT_EQ(infos[0].help, "visitors per month and spot");
  EXPECT_EQ(infos[0].plugin, "csv_table");
  EXPECT_EQ(infos[0].plugin_version, "1.2.0");
  EXPECT_EQ(infos[0].updated_at, "2026-11-28T11:02:03.000Z");  // the run's start
}

TEST_P(SeriesInfos, UnchangedKeepsItsTimeAndANewVersionReplacesIt) {
  store_->begin_import(start())->put_series_info(visitors("1.2.0"));  // never committed: rolled back
  EXPECT_TRUE(store_->series_infos().empty());
  {
    auto run = store_->begin_import(start());
    run->put_series_info(visitors("1.2.0"));
    run->commit();
  }
  clock_.advance(std::chrono::hours{1});
  {
    auto run = store_->begin_import(start());
    run->put_series_info(visitors("1.2.0"));
    run->commit();
  }
  EXPECT_EQ(store_->series_infos().at(0).updated_at, "2026-11-28T11:02:03.000Z");
  clock_.advance(std::chrono::hours{1});
  {
    auto run = store_->begin_import(start());
    run->put_series_info(visitors("1.3.0", "人/月"));
    run->commit();
  }
  const auto infos = store_->series_infos();
  ASSERT_EQ(infos.size(), 1u);
  EXPECT_EQ(infos[0].plugin_version, "1.3.0");
  EXPECT_EQ(infos[0].unit, "人/月");
  EXPECT_EQ(infos[0].updated_at, "2026-11-28T13:02:03.000Z");
}

TEST_P(SeriesInfos, AFailedRunLeavesThemAsTheyWere) {
  {
    auto run = store_->begin_import(start());
    run->put_series_info(visitors("1.2.0"));
    run->commit();
  }
  auto run = store_->begin_import(start());
  run->put_series_info(visitors("2.0.0"));
  run->fail("the file was unreadable");
  EXPECT_EQ(store_->series_infos().at(0).plugin_version, "1.2.0");
}

}  // namespace
}  // namespace sosei::store::test
