// The hub's view of its cities (`sosei hub summary`, issue 16): each city read through its own scope,
// its latest evaluation's grades, values present, open flags, stopped and failing imports; cities
// without an evaluation or a database listed, not left out; a prefecture or a group chosen; and on one
// PostgreSQL database, two cities with the same names each summarised from their own rows only.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>

#include "app/hub_summary.hpp"
#include "common/clock.hpp"
#include "store/store.hpp"
#include "support/postgres_database.hpp"

namespace sosei::app {
namespace {

namespace pgtest = store::test;

store::EvaluationKpiRecord kpi(const std::string& id, std::optional<double> actual, std::size_t grade,
                               const std::string& symbol, bool counted = true) {
  store::EvaluationKpiRecord k;
  k.kpi = id;
  k.counted = counted;
  k.actual = actual;
  k.formed = actual ? "実績" : "値なし";
  k.grade_index = grade;
  k.grade_symbol = symbol;
  k.grade_label = symbol;
  return k;
}

// A city that evaluated `best` KPIs ○, one △ and one × without a value (plus a goal's numeric target
// that the rollups leave out), with one open flag, one stopped and one failing source.
void fill_city(store::Store& s, int best, const std::string& as_of) {
  {
    auto run = s.begin_import({"kpi_csv", "csv", "1.0.0"});
    const store::ObservationKey k{"startups", Period::fiscal_year(2025), {}};
    store::ObservationData d;
    d.value = Value::of(-1);
    run->put(k, d);
    store::FlagRaise range;
    range.rule = "range";
    range.value = -1;
    run->set_flags(k, {range});
    run->commit();
  }
  s.begin_import({"bus_gtfs", "bus_ridership", "1.0.0"})->fail("feed.zip: 読めません");
  s.quarantine({"tourism_api", "", "接続できません", 5});
  store::EvaluationRecord e;
  e.as_of = as_of;
  e.scheme = "kama";
  for (int i = 0; i < best; ++i) e.kpis.push_back(kpi("k" + std::to_string(i), 1.0, 0, "○"));
  e.kpis.push_back(kpi("tri", 0.5, 1, "△"));
  e.kpis.push_back(kpi("none", std::nullopt, 2, "×"));
  e.kpis.push_back(kpi("net_migration", -120.0, 2, "×", false));
  s.save_evaluation(e, {});
}

const CitySummary* find(const HubSummary& summary, const std::string& code) {
  for (const auto& c : summary.cities)
    if (c.code == code) return &c;
  return nullptr;
}

config::Hub hub_of(const std::string& shared) {
  config::Hub hub;
  hub.name = "テストハブ";
  hub.database = shared;
  hub.cities = {{"402273", "嘉麻市", "", {}},
                {"402052", "飯塚市", "", {}},
                {"404217", "桂川町", "", {}},
                {"131016", "千代田区", "", {}}};
  hub.groups = {{"嘉飯圏域", "定住自立圏", {"402052", "402273", "404217"}, {}}};
  return hub;
}

class HubSummaryOnFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = std::filesystem::temp_directory_path() / ("sosei-hub-" + std::to_string(::getpid()) + "-" + test);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    hub_ = hub_of("");
    // Each city its own SQLite file, as a city's own sosei keeps it; 桂川町 has none yet.
    for (auto& c : hub_.cities) c.database = (dir_ / (c.code + ".db")).string();
    fill_city(*open(hub_.cities[0].database), 3, "2026-03-31");
    fill_city(*open(hub_.cities[1].database), 1, "2025-03-31");
    fill_city(*open(hub_.cities[3].database), 2, "2026-03-31");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<store::Store> open(const std::string& path) {
    store::StoreConfig config;
    config.location = path;
    config.clock = &clock_;
    return store::open_store(config);
  }

  HubSummary summary(HubScope scope, HubSort sort = HubSort::Code) {
    return summarize_hub({.hub = &hub_, .scope = scope, .database_override = "", .sort = sort, .lock_wait = {}});
  }

  std::filesystem::path dir_;
  ManualClock clock_{std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 4 / 10}}};
  config::Hub hub_;
};

TEST_F(HubSummaryOnFiles, EachCitysLatestGradesValuesAndWhatNeedsAttention) {
  const HubSummary all = summary({});
  ASSERT_EQ(all.cities.size(), 4u);
  const CitySummary* kama = find(all, "402273");
  ASSERT_NE(kama, nullptr);
  EXPECT_EQ(kama->state, CityState::Evaluated);
  EXPECT_EQ(kama->name, "嘉麻市");
  EXPECT_EQ(kama->prefecture.name, "福岡県");
  EXPECT_EQ(kama->as_of, "2026-03-31");
  EXPECT_EQ(kama->counted, 5);     // the numeric target is not counted
  EXPECT_EQ(kama->with_value, 4);  // × had no value
  EXPECT_EQ(kama->best_grade, 3);
  ASSERT_EQ(kama->grades.size(), 3u);
  EXPECT_EQ(kama->grades[0].symbol, "○");
  EXPECT_EQ(kama->grades[0].count, 3);
  EXPECT_EQ(kama->grades[2].count, 1);
  EXPECT_EQ(kama->open_flags, 1);
  EXPECT_EQ(kama->stopped_sources, std::vector<std::string>{"tourism_api"});
  EXPECT_EQ(kama->failing_sources, std::vector<std::string>{"bus_gtfs"});
  EXPECT_DOUBLE_EQ(*kama->best_share(), 0.6);

  // 桂川町 has no database yet: a row that says so, and named among the cities without an evaluation.
  const CitySummary* keisen = find(all, "404217");
  ASSERT_NE(keisen, nullptr);
  EXPECT_EQ(keisen->state, CityState::NoDatabase);
  EXPECT_FALSE(keisen->best_share());
  EXPECT_EQ(all.without_evaluation, std::vector<std::string>{"桂川町"});
  EXPECT_FALSE(std::filesystem::exists(hub_.cities[2].database));  // a reader never makes one

  // Totals over the evaluated cities: ○ 3 + 1 + 2.
  ASSERT_FALSE(all.totals.empty());
  EXPECT_EQ(all.totals[0].symbol, "○");
  EXPECT_EQ(all.totals[0].count, 6);
}

TEST_F(HubSummaryOnFiles, APrefectureOrAGroupShowsItsCitiesOnly) {
  const HubSummary fukuoka = summary({.kind = HubScope::Kind::Prefecture, .prefecture = "40", .group = "", .city = ""});
  ASSERT_EQ(fukuoka.cities.size(), 3u);
  EXPECT_EQ(find(fukuoka, "131016"), nullptr);

  const HubSummary tokyo = summary({.kind = HubScope::Kind::Prefecture, .prefecture = "13", .group = "", .city = ""});
  ASSERT_EQ(tokyo.cities.size(), 1u);
  EXPECT_EQ(tokyo.cities[0].name, "千代田区");
  EXPECT_EQ(tokyo.totals[0].count, 2);

  hub_.groups[0].members = {"402052", "402273"};
  const HubSummary group = summary({.kind = HubScope::Kind::Group, .prefecture = "", .group = "嘉飯圏域", .city = ""});
  ASSERT_EQ(group.cities.size(), 2u);
  EXPECT_TRUE(group.without_evaluation.empty());
}

TEST_F(HubSummaryOnFiles, SortedByCodeNameBestShareOrWhatIsMissing) {
  auto codes = [](const HubSummary& s) {
    std::vector<std::string> out;
    for (const auto& c : s.cities) out.push_back(c.code);
    return out;
  };
  EXPECT_EQ(codes(summary({}, HubSort::Code)), (std::vector<std::string>{"131016", "402052", "402273", "404217"}));
  // ○ shares: 嘉麻市 3/5, 千代田区 2/4, 飯塚市 1/3; 桂川町 has none and comes last.
  EXPECT_EQ(codes(summary({}, HubSort::BestShare)), (std::vector<std::string>{"402273", "131016", "402052", "404217"}));
  // No evaluation first, then the most KPIs without a value (one each: by code).
  EXPECT_EQ(codes(summary({}, HubSort::Missing)), (std::vector<std::string>{"404217", "131016", "402052", "402273"}));
}

TEST_F(HubSummaryOnFiles, ACityWithDataButNoEvaluationIsNamed) {
  { open(hub_.cities[2].database)->begin_import({"kpi_csv", "csv", "1.0.0"})->commit(); }
  const HubSummary all = summary({});
  const CitySummary* keisen = find(all, "404217");
  EXPECT_EQ(keisen->state, CityState::NoEvaluation);
  EXPECT_EQ(all.without_evaluation, std::vector<std::string>{"桂川町"});
}

TEST_F(HubSummaryOnFiles, AnUnreadableStoreIsARowWithItsReasonNotAFailureOfTheWhole) {
  // Not a database: a text file saved under its name.
  std::ofstream(hub_.cities[3].database, std::ios::trunc) << std::string(8192, 'x');
  const HubSummary all = summary({});
  ASSERT_EQ(all.cities.size(), 4u);
  const CitySummary* chiyoda = find(all, "131016");
  EXPECT_EQ(chiyoda->state, CityState::Unreachable);
  EXPECT_FALSE(chiyoda->problem.empty());
  EXPECT_EQ(find(all, "402273")->state, CityState::Evaluated);
}

// Two cities in one PostgreSQL database, under row-level security: each summary holds only the
// city's own rows, though both use the same source names and KPI ids.
TEST(HubSummaryOnPostgres, EachCityIsSummarisedFromItsOwnRowsOnly) {
  const auto cluster = pgtest::postgres_cluster();
  if (!cluster) {
    if (pgtest::postgres_required()) GTEST_FAIL() << "no PostgreSQL cluster (see postgres_cluster_start)";
    GTEST_SKIP() << "no PostgreSQL cluster: tools/setup installs postgresql";
  }
  const std::string database = "hub_" + std::to_string(::getpid());
  pgtest::drop_database(*cluster, database);
  ASSERT_EQ(pgtest::create_database(*cluster, database), "");
  const std::string uri = pgtest::postgres_uri(*cluster, database);
  ManualClock clock{std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 4 / 10}}};
  auto open = [&](const std::string& city) {
    store::StoreConfig config;
    config.location = uri;
    config.clock = &clock;
    config.city = city;
    return store::open_store(config);
  };
  fill_city(*open("402273"), 3, "2026-03-31");
  fill_city(*open("402052"), 1, "2025-03-31");

  const config::Hub hub = hub_of(uri);
  const HubSummary all = summarize_hub({.hub = &hub,
                                        .scope = {},
                                        .database_override = "",
                                        .sort = HubSort::Code,
                                        .lock_wait = std::chrono::milliseconds(5000)});
  ASSERT_EQ(all.cities.size(), 4u);
  const CitySummary* kama = find(all, "402273");
  const CitySummary* iizuka = find(all, "402052");
  EXPECT_EQ(kama->state, CityState::Evaluated);
  EXPECT_EQ(kama->best_grade, 3);
  EXPECT_EQ(kama->as_of, "2026-03-31");
  EXPECT_EQ(kama->open_flags, 1);  // not 2: 飯塚市's flag is on a series of the same name
  EXPECT_EQ(kama->failing_sources, std::vector<std::string>{"bus_gtfs"});
  EXPECT_EQ(iizuka->best_grade, 1);
  EXPECT_EQ(iizuka->as_of, "2025-03-31");
  // Cities with no rows in the shared database have no evaluation (not someone else's).
  EXPECT_EQ(find(all, "404217")->state, CityState::NoEvaluation);
  EXPECT_EQ(find(all, "131016")->state, CityState::NoEvaluation);
  EXPECT_EQ(all.without_evaluation, (std::vector<std::string>{"千代田区", "桂川町"}));  // by code
  pgtest::drop_database(*cluster, database);
}

}  // namespace
}  // namespace sosei::app
