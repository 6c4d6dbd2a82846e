// Whole import runs into a real store file: success, re-import, failure halfway, dry run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "import/importer.hpp"
#include "strategy_fixture.hpp"

namespace fs = std::filesystem;
using namespace sosei;

namespace {

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sosei-importer-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = store::open_store({(dir_ / "t.db").string()});
    config_ = test_support::small_config();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  import::ImportOutcome import_with(const std::string& variant, const std::string& count,
                                    import::ImportOptions options = {}) {
    registry_ = host::PluginRegistry::scan({fs::path(TEST_PLUGIN_DIR) / variant});
  config_.sources[0].settings["count"] = {count, {}};
  return import::import_source(config_, config_.sources[0], registry_, *store_, options);
}

std::string
dump() {
  std::string out;
  for (const auto& series : store_->series())
    for (const auto& o : store_->values({series, std::nullopt, std::nullopt}))
      out +=
          series + " " + o.key.period.str() + " " + o.data.value.str() + " r" + std::to_string(o.revision_count) + "\n";
  out += "state " + store_->state("src", "plugin.runs").value_or("-") + "\n";
  return out;
}

fs::path dir_;
std::unique_ptr<store::Store> store_;
config::AppConfig config_;
host::PluginRegistry registry_;
};  // namespace

}  // namespace

TEST_F(ImporterTest, ImportStoresValuesAndRecordsTheRun) {
  auto o = import_with("good", "2");
  ASSERT_TRUE(o.ok()) << o.record.error;
  EXPECT_EQ(o.record.accepted, 2);
  EXPECT_EQ(o.record.inserted, 2);
  EXPECT_EQ(o.record.plugin, "good");
  EXPECT_EQ(dump(), "startups FY2025 1 r0\nstartups FY2026 2 r0\nstate 1\n");
  ASSERT_EQ(store_->runs().size(), 1u);
  EXPECT_EQ(store_->runs()[0].status, store::RunStatus::Succeeded);
}

TEST_F(ImporterTest, IdenticalReimportRecordsASecondRunAndNoRevision) {
  ASSERT_TRUE(import_with("good", "2").ok());
  auto second = import_with("good", "2");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.record.inserted, 0);
  EXPECT_EQ(second.record.revised, 0);
  EXPECT_EQ(store_->runs().size(), 2u);
  EXPECT_EQ(dump(), "startups FY2025 1 r0\nstartups FY2026 2 r0\nstate 2\n");
}

TEST_F(ImporterTest, RejectedValueHalfwayFailsTheRunAndChangesNothing) {
  ASSERT_TRUE(import_with("good", "1").ok());
  const std::string before = dump();
  // The third value (3) is above the KPI's maximum of 2: the run fails after two good puts.
  auto o = import_with("good", "3");
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(o.record.status, store::RunStatus::Failed);
  EXPECT_NE(o.record.error.find("generated:3"), std::string::npos) << o.record.error;
  // In the city's language (Japanese by default), with what to do next.
  EXPECT_NE(o.record.error.find("上限 2 を上回っています"), std::string::npos) << o.record.error;
  EXPECT_NE(o.record.error.find("on_bad_row: skip"), std::string::npos) << o.record.error;
  EXPECT_EQ(dump(), before);
  auto runs = store_->runs();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].status, store::RunStatus::Failed);
  auto full = store_->run(runs[0].id);
  ASSERT_TRUE(full);
  ASSERT_EQ(full->rejections.size(), 1u);
  EXPECT_EQ(full->rejections[0].location, "generated:3");
}

TEST_F(ImporterTest, SkipPolicyStoresTheGoodValuesAndCountsTheBad) {
  config_.sources[0].on_bad_row = config::OnBadRow::Skip;
  auto o = import_with("good", "4");
  ASSERT_TRUE(o.ok()) << o.record.error;
  EXPECT_EQ(o.record.accepted, 2);
  EXPECT_EQ(o.record.rejected, 2);
}

TEST_F(ImporterTest, ThrowingPluginIsRecordedAsFailedWithItsMessage) {
  ASSERT_TRUE(import_with("good", "1").ok());
  const std::string before = dump();
  auto o = import_with("throws", "1");
  EXPECT_FALSE(o.ok());
  EXPECT_NE(o.record.error.find("department server sent nonsense"), std::string::npos) << o.record.error;
  EXPECT_EQ(dump(), before);
  EXPECT_EQ(store_->runs()[0].error, o.record.error);
}

// A plugin quoting a 10 MiB line in its error: the run's stored error is its first 200 characters
// and its length, not 10 MiB in the run record, `sosei runs`, /api/runs and the webhooks.
TEST_F(ImporterTest, AHugeQuotedLineIsStoredAsItsFirst200CharactersAndItsLength) {
  const std::string huge = (dir_ / "huge.csv").string();
  std::ofstream(huge, std::ios::binary) << std::string(10u << 20, 'x') << "\n";
  config_.sources[0].settings["file"] = {huge, {}};
  const auto o = import_with("throws", "1");
  EXPECT_FALSE(o.ok());
  const std::string stored = store_->runs()[0].error;
  EXPECT_EQ(o.record.error, stored);
  EXPECT_LT(stored.size(), 1024u);
  EXPECT_NE(stored.find("department server sent nonsense: xxx"), std::string::npos) << stored;
  const auto at = stored.find("…（全 ");
  ASSERT_NE(at, std::string::npos) << stored;
  const long long length = std::stoll(stored.substr(at + std::string("…（全 ").size()));
  EXPECT_GT(length, 10ll << 20);  // the whole error's length: the line and the words around it
  EXPECT_LT(length, (10ll << 20) + 200);
  EXPECT_NE(stored.find(" バイト）"), std::string::npos);
}

// The same in English when the city's locale is English.
TEST_F(ImporterTest, AHugeQuotedLineIsCutInTheCitysLanguage) {
  config_.lang = text::Lang::En;
  const std::string huge = (dir_ / "huge.csv").string();
  std::ofstream(huge, std::ios::binary) << std::string(2u << 20, 'y');
  config_.sources[0].settings["file"] = {huge, {}};
  const auto o = import_with("throws", "1");
  EXPECT_LT(o.record.error.size(), 1024u);
  EXPECT_NE(o.record.error.find(" bytes in all)"), std::string::npos) << o.record.error;
}

TEST_F(ImporterTest, GarbageObservationIsRejectedWithTheReason) {
  auto o = import_with("emits_garbage", "1");
  EXPECT_FALSE(o.ok());
  EXPECT_NE(o.record.error.find("期間が正しくありません"), std::string::npos) << o.record.error;
  EXPECT_TRUE(store_->series().empty());
}

TEST_F(ImporterTest, DryRunValidatesButStoresAndRecordsNothing) {
  import::ImportOptions dry;
  dry.dry_run = true;
  auto o = import_with("good", "2", dry);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o.record.accepted, 2);
  EXPECT_TRUE(store_->runs().empty());
  EXPECT_TRUE(store_->series().empty());
}

TEST_F(ImporterTest, UnknownPluginAndBadSettingsAreSetupErrors) {
  config_.sources[0].plugin = "nope";
  EXPECT_THROW(import_with("good", "1"), import::ImportSetupError);
  config_.sources[0].plugin = "good";
  config_.sources[0].settings["colour"] = {"red", {}};
  try {
    import_with("good", "1");
    FAIL() << "unknown setting accepted";
  } catch (const import::ImportSetupError& e) {
    EXPECT_NE(std::string(e.what()).find("設定「colour」はありません"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(store_->runs().empty());
}

// Issue 14 §1: one value per key per run, whether the key is new, stored unchanged or revised.
TEST_F(ImporterTest, RepeatedKeyFailsTheRunAndStoresNothing) {
  config_.sources[0].settings["repeat"] = {"1", {}};
  auto o = import_with("good", "2");
  EXPECT_FALSE(o.ok());
  EXPECT_NE(o.record.error.find("generated:3"), std::string::npos) << o.record.error;
  EXPECT_NE(o.record.error.find("generated:1"), std::string::npos) << o.record.error;
  EXPECT_TRUE(store_->series().empty());
}

TEST_F(ImporterTest, RepeatedKeyOfAStoredUnchangedValueIsFound) {
  ASSERT_TRUE(import_with("good", "2").ok());
  const std::string before = dump();
  config_.sources[0].settings["repeat"] = {"2", {}};
  auto o = import_with("good", "2");
  EXPECT_FALSE(o.ok());
  EXPECT_NE(o.record.error.find("1つ目は generated:2"), std::string::npos) << o.record.error;
  EXPECT_EQ(dump(), before);
}

TEST_F(ImporterTest, RepeatedKeyUnderSkipKeepsTheFirstValue) {
  config_.sources[0].on_bad_row = config::OnBadRow::Skip;
  config_.sources[0].settings["repeat"] = {"1", {}};
  auto o = import_with("good", "2");
  ASSERT_TRUE(o.ok()) << o.record.error;
  EXPECT_EQ(o.record.accepted, 2);
  EXPECT_EQ(o.record.rejected, 1);
  EXPECT_EQ(dump(), "startups FY2025 1 r0\nstartups FY2026 2 r0\nstate 1\n");
}
