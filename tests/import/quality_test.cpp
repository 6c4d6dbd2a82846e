// Issue 14 §2: each rule kind with a value that trips it and one that does not (pure), then the rule
// check of a run over a real store: warnings flagged, errors rejected (withdrawn or failing the run),
// completeness, relations, and a corrected revision clearing the flag — on both stores (a SQLite file,
// and a fresh database in the suite's throwaway PostgreSQL cluster).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <tuple>

#include "common/clock.hpp"
#include "import/quality_pass.hpp"
#include "import/quality_rules.hpp"
#include "strategy_fixture.hpp"
#include "support/postgres_database.hpp"
#include "text/quality_text.hpp"

namespace fs = std::filesystem;
using namespace sosei;

namespace {

config::Rule rule(config::RuleKind kind, config::RuleLevel level = config::RuleLevel::Warning) {
  config::Rule r;
  r.kind = kind;
  r.level = level;
  return r;
}

std::vector<std::string> tripped(const config::Rule& r, double value, std::vector<double> earlier) {
  std::vector<std::string> names;
  import::ValueHistory history;
  history.earlier = std::move(earlier);
  for (const auto& f : import::check_value({r}, value, history)) names.push_back(f.rule);
  return names;
}

const std::vector<std::string> kNone;

TEST(QualityRules, Range) {
  auto r = rule(config::RuleKind::Range);
  r.min = 0;
  r.max = 500000;
  EXPECT_EQ(tripped(r, 280440, {}), kNone);
  EXPECT_EQ(tripped(r, 600000, {}), std::vector<std::string>{"range"});
  const auto f = import::check_value({r}, -1, {});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].expected_min, 0);
  EXPECT_EQ(f[0].expected_max, 500000);
}

TEST(QualityRules, MaxChangeAsShareAndAbsolute) {
  auto share = rule(config::RuleKind::MaxChange);
  share.change = 0.5;
  share.change_is_share = true;
  EXPECT_EQ(tripped(share, 140, {100}), kNone);
  EXPECT_EQ(tripped(share, 151, {100}), std::vector<std::string>{"max_change"});
  EXPECT_EQ(tripped(share, 151, {}), kNone);  // no previous period: nothing to compare
  auto absolute = rule(config::RuleKind::MaxChange);
  absolute.change = 1000;
  EXPECT_EQ(tripped(absolute, 9500, {10000}), kNone);
  EXPECT_EQ(tripped(absolute, 8000, {10000}), std::vector<std::string>{"max_change"});
}

TEST(QualityRules, MonotonicRunningTotal) {
  auto r = rule(config::RuleKind::Monotonic);
  EXPECT_EQ(tripped(r, 12, {5, 9}), kNone);
  EXPECT_EQ(tripped(r, 8, {5, 9}), std::vector<std::string>{"monotonic"});
  r.decreasing = true;
  EXPECT_EQ(tripped(r, 8, {12, 9}), kNone);
}

TEST(QualityRules, UnitSlipOfAThousandOrTenThousand) {
  auto r = rule(config::RuleKind::UnitSlip);
  EXPECT_EQ(tripped(r, 26.3, {25.1}), kNone);
  EXPECT_EQ(tripped(r, 263000, {26.1}), std::vector<std::string>{"unit_slip"});   // 万 lost: ×10⁴
  EXPECT_EQ(tripped(r, 280.4, {279000}), std::vector<std::string>{"unit_slip"});  // 千 doubled: ÷10³
  EXPECT_EQ(tripped(r, 2500, {100}), kNone);                                      // 25×: a change, not a slip
}

TEST(QualityRules, OutlierByMedianAbsoluteDeviation) {
  auto r = rule(config::RuleKind::Outlier);
  r.threshold = 3.5;
  r.min_history = 6;
  const std::vector<double> months{1200, 1350, 1280, 1190, 1310, 1260, 1240};
  EXPECT_EQ(tripped(r, 1330, months), kNone);
  EXPECT_EQ(tripped(r, 4100, months), std::vector<std::string>{"outlier"});
  EXPECT_EQ(tripped(r, 4100, {1200, 1350, 1280}), kNone);  // too little history to judge
}

TEST(QualityRules, OutlierIsJudgedAgainstTheNewestWindowOnly) {
  auto r = rule(config::RuleKind::Outlier);
  r.min_history = 6;
  r.window = 6;
  // Years ago the series ran at 100; its recent normal is 1,000 (a new route). 1,020 is normal now.
  std::vector<double> earlier;
  for (int i = 0; i < 30; ++i) earlier.push_back(95 + 5 * (i % 3));
  for (double v : {980, 1010, 1000, 990, 1020, 1000}) earlier.push_back(v);
  EXPECT_EQ(tripped(r, 1020, earlier), kNone);
  EXPECT_EQ(tripped(r, 100, earlier), std::vector<std::string>{"outlier"});
  r.window = 36;  // the whole history: its median is 100, so 1,020 stands out
  EXPECT_EQ(tripped(r, 1020, earlier), std::vector<std::string>{"outlier"});
}

// The sorted window the pass keeps (ValueHistory::add) gives the outlier rule the same median, MAD
// and findings, to the last bit, as sorting a copy of the newest values for each value: generated
// series with ties, steps, odd and even windows, and a history shorter than the window.
TEST(QualityRules, SortedWindowJudgesAsASortedCopy) {
  for (int window : {1, 2, 5, 6, 36}) {
    auto r = rule(config::RuleKind::Outlier);
    r.threshold = 2.0;
    r.min_history = 1;
    r.window = window;
    import::ValueHistory kept;
    kept.window = static_cast<std::size_t>(window);
    std::uint32_t state = 12345;  // a fixed linear congruential sequence: the same values every run
    int judged = 0;
    int outliers = 0;
    for (int i = 0; i < 2000; ++i) {
      state = state * 1664525U + 1013904223U;
      const double v =
          (i % 500 < 250 ? 1000.0 : 40.0) + static_cast<double>(state >> 24) / 16.0 + (state % 97 == 0 ? 5000.0 : 0.0);
      if (!kept.earlier.empty()) {
        import::ValueHistory copy;  // no sorted window: the rule sorts a copy
        copy.earlier = kept.earlier;
        const auto fast = import::check_value({r}, v, kept);
        const auto slow = import::check_value({r}, v, copy);
        ASSERT_EQ(fast.size(), slow.size()) << "window " << window << ", value " << i;
        for (std::size_t k = 0; k < fast.size(); ++k) {
          EXPECT_EQ(fast[k].expected_min, slow[k].expected_min);
          EXPECT_EQ(fast[k].expected_max, slow[k].expected_max);
          EXPECT_EQ(fast[k].detail, slow[k].detail);
        }
        ++judged;
        outliers += static_cast<int>(fast.size());
      }
      kept.add(v);
      ASSERT_EQ(kept.sorted_window.size(), std::min(kept.earlier.size(), kept.window));
    }
    EXPECT_EQ(judged, 1999);
    if (window > 1)
      EXPECT_GT(outliers, 0) << "window " << window;  // the generated spikes are found
    else
      EXPECT_EQ(outliers, 0);  // one value has no spread (MAD 0): nothing is judged
  }
}

TEST(QualityRules, Relation) {
  auto r = rule(config::RuleKind::Relation);
  r.other = "households";
  EXPECT_FALSE(import::check_relation(r, 11800, 12000));
  auto f = import::check_relation(r, 12100, 12000);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->expected_max, 12000);
}

// Every detail a rule writes is one text/quality_text.hpp reads in Japanese: a new wording in the
// rules without its reading there would reach people in English.
TEST(QualityRules, EveryDetailReadsInJapanese) {
  auto change = rule(config::RuleKind::MaxChange);
  change.change = 10;
  auto monotonic = rule(config::RuleKind::Monotonic);
  auto slip = rule(config::RuleKind::UnitSlip);
  auto outlier = rule(config::RuleKind::Outlier);
  outlier.min_history = 6;
  auto relation = rule(config::RuleKind::Relation);
  relation.other = "households";
  const std::vector<double> months{1200, 1350, 1280, 1190, 1310, 1260, 1240};
  std::vector<store::FlagRaise> found;
  for (const auto& [r, value, earlier] : std::vector<std::tuple<config::Rule, double, std::vector<double>>>{
           {change, 263000, {26.1}}, {monotonic, 5, {7}}, {slip, 263000, {26.1}}, {outlier, 4100, months}}) {
    import::ValueHistory history;
    history.earlier = earlier;
    for (auto& f : import::check_value({r}, value, history)) found.push_back(std::move(f));
  }
  found.push_back(*import::check_relation(relation, 12100, 12000));
  ASSERT_EQ(found.size(), 5u);
  for (const auto& f : found) {
    SCOPED_TRACE(f.rule + ": " + f.detail);
    const std::string ja = text::flag_detail_text(f.detail, text::Lang::Ja);
    EXPECT_NE(ja, f.detail);
    EXPECT_EQ(ja.find("previous"), std::string::npos);
    EXPECT_EQ(ja.find("median"), std::string::npos);
    EXPECT_EQ(ja.find("at most"), std::string::npos);
  }
}

// --- the rule check of a run over a real store -------------------------------------------------------

enum class QualityStore { Sqlite, Postgres };

std::string quality_store_name(const ::testing::TestParamInfo<QualityStore>& info) {
  return info.param == QualityStore::Sqlite ? "sqlite" : "postgresql";
}
void PrintTo(QualityStore s, std::ostream* out) { *out << (s == QualityStore::Sqlite ? "sqlite" : "postgresql"); }

class QualityPass : public ::testing::TestWithParam<QualityStore> {
 protected:
  void SetUp() override {
    store::StoreConfig where;
    where.clock = &clock_;
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    if (GetParam() == QualityStore::Postgres) {
      cluster_ = store::test::postgres_cluster();
      if (!cluster_) {
        if (store::test::postgres_required())
          GTEST_FAIL() << "no PostgreSQL cluster (see the postgres_cluster_start test's output)";
        GTEST_SKIP() << "no PostgreSQL cluster (SOSEI_REQUIRE_POSTGRES=1 fails instead)";
      }
      database_ = "q" + std::to_string(::getpid()) + "_";
      for (const char c : test)
        database_ += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
      database_ = database_.substr(0, 63);
      store::test::drop_database(*cluster_, database_);
      ASSERT_EQ(store::test::create_database(*cluster_, database_), "");
      where.location = store::test::postgres_uri(*cluster_, database_);
    } else {
      dir_ = fs::temp_directory_path() / ("sosei-quality-" + test.substr(0, test.find('/')));
      fs::remove_all(dir_);
      fs::create_directories(dir_);
      where.location = (dir_ / "t.db").string();
    }
    store_ = store::open_store(where);
    config_ = test_support::small_config();
  }
  void TearDown() override {
    store_.reset();
    if (!database_.empty() && cluster_) store::test::drop_database(*cluster_, database_);
    if (!dir_.empty()) fs::remove_all(dir_);
  }

 public:
  struct Put {
    std::string series;
    Period period;
    double value;
    std::string location;
    store::Dimensions dims = {};
  };

 protected:
  // One run: the puts, then the rule check; returns the outcome and the committed (or failed) record.
  std::pair<import::QualityOutcome, store::RunRecord> run(const std::vector<Put>& puts,
                                                          config::OnBadRow policy = config::OnBadRow::Skip) {
    clock_.advance(std::chrono::minutes(1));  // each run at its own time: the audit trail's order
    auto t = store_->begin_import({"src", "good", "1.0.0"});
    std::set<std::string> series;
    for (const auto& p : puts) {
      store::ObservationData d;
      d.value = Value::of(p.value);
      d.location = p.location;
      t->put({p.series, p.period, p.dims}, d);
      series.insert(p.series);
    }
    t->flush();
    auto outcome = import::check_quality(config_, series, *store_, *t, policy);
    auto record = outcome.stop_reason.empty() ? t->commit() : t->fail(outcome.stop_reason);
    return {outcome, record};
  }

  // The same run judged as import_source judges it: each value seen by the rule stream as it is put.
  // `judged` receives the series the stream judged itself (the others were read back after the run).
  std::pair<import::QualityOutcome, store::RunRecord> run_streamed(const std::vector<Put>& puts,
                                                                   std::set<std::string>* judged = nullptr,
                                                                   config::OnBadRow policy = config::OnBadRow::Skip) {
    clock_.advance(std::chrono::minutes(1));
    auto t = store_->begin_import({"src", "good", "1.0.0"});
    import::RuleStream stream(config_, *store_, t->run_id());
    std::set<std::string> series;
    for (const auto& p : puts) {
      store::ObservationData d;
      d.value = Value::of(p.value);
      d.location = p.location;
      const store::ObservationKey key{p.series, p.period, p.dims};
      stream.see(key, d);
      t->put(key, d);
      series.insert(p.series);
    }
    t->flush();
    if (judged)
      for (const auto& name : series)
        if (stream.judges(name)) judged->insert(name);
    auto outcome = import::check_quality(config_, series, *store_, *t, policy, &stream);
    auto record = outcome.stop_reason.empty() ? t->commit() : t->fail(outcome.stop_reason);
    return {outcome, record};
  }

  std::vector<store::QualityFlag> open_flags() { return store_->flags({"", true, std::nullopt}); }

  void add_rule(const std::string& series, config::Rule r) { config_.rules.push_back({series, {r}}); }

  ManualClock clock_{std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::December / 1 / 2026}}};
  fs::path dir_;                        // SQLite: the test's folder
  std::optional<std::string> cluster_;  // PostgreSQL: the cluster's socket folder
  std::string database_;                // and the test's database, dropped at the end
  std::unique_ptr<store::Store> store_;
  config::AppConfig config_;
};

INSTANTIATE_TEST_SUITE_P(Stores, QualityPass, ::testing::Values(QualityStore::Sqlite, QualityStore::Postgres),
                         quality_store_name);

TEST_P(QualityPass, WarningIsStoredAndFlaggedThenClearedByACorrectedRevision) {
  add_rule("tourism", rule(config::RuleKind::UnitSlip));
  run({{"tourism", Period::calendar_year(2023), 263000, "t.csv:2"}});
  auto [outcome, record] = run({{"tourism", Period::calendar_year(2024), 28.0, "t.csv:3"}});
  EXPECT_EQ(outcome.warnings, 1);
  EXPECT_EQ(record.accepted, 1);  // a warning stores the value
  auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].raised.rule, "unit_slip");
  EXPECT_EQ(flags[0].raised.level, store::FlagLevel::Warning);
  EXPECT_EQ(flags[0].raised.value, 28.0);
  EXPECT_EQ(flags[0].raised.location, "t.csv:3");
  EXPECT_EQ(flags[0].run_id, record.id);

  auto [again, second] = run({{"tourism", Period::calendar_year(2024), 280000, "t.csv:3"}});
  EXPECT_EQ(again.warnings, 0);
  EXPECT_TRUE(open_flags().empty());
  const auto all = store_->flags({});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].state, store::FlagState::Cleared);
  EXPECT_EQ(all[0].closed_run_id, second.id);
  std::vector<std::string> actions;
  for (const auto& e : store_->audit({"tourism", "", "", std::nullopt, 0})) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"flag.raise", "value.revise", "flag.clear"}));
}

TEST_P(QualityPass, ErrorUnderSkipRejectsTheValueAndKeepsTheOldOne) {
  auto r = rule(config::RuleKind::Range, config::RuleLevel::Error);
  r.max = 1.5;
  add_rule("startups", r);
  run({{"startups", Period::fiscal_year(2025), 1, "s.csv:2"}});
  auto [outcome, record] = run(
      {{"startups", Period::fiscal_year(2025), 2, "s.csv:2"}, {"startups", Period::fiscal_year(2026), 2, "s.csv:3"}});
  EXPECT_EQ(outcome.errors, 2);
  EXPECT_EQ(record.accepted, 0);
  EXPECT_EQ(record.rejected, 2);
  EXPECT_EQ(record.inserted, 0);
  EXPECT_EQ(record.revised, 0);
  const auto values = store_->values({"startups", std::nullopt, std::nullopt});
  ASSERT_EQ(values.size(), 1u);  // the revision was rolled back, the insert removed
  EXPECT_EQ(values[0].data.value, Value::of(1));
  EXPECT_EQ(values[0].revision_count, 0);
  EXPECT_EQ(open_flags().size(), 2u);  // open for follow-up
  // The withdrawn revision never happened, so the audit trail has the flags and no value change.
  EXPECT_TRUE(store_->audit({"startups", "", "value.revise", std::nullopt, 0}).empty());
  EXPECT_EQ(store_->audit({"startups", "", "flag.raise", std::nullopt, 0}).size(), 2u);
}

TEST_P(QualityPass, ErrorUnderFailFailsTheRunAndStoresNothing) {
  auto r = rule(config::RuleKind::Range, config::RuleLevel::Error);
  r.max = 1.5;
  add_rule("startups", r);
  auto [outcome, record] = run({{"startups", Period::fiscal_year(2025), 2, "s.csv:7"}}, config::OnBadRow::Fail);
  EXPECT_NE(outcome.stop_reason.find("s.csv:7"), std::string::npos) << outcome.stop_reason;
  EXPECT_EQ(record.status, store::RunStatus::Failed);
  EXPECT_TRUE(store_->series().empty());
  EXPECT_TRUE(store_->flags({}).empty());
}

TEST_P(QualityPass, MissingMonthOfAClosedYear) {
  auto r = rule(config::RuleKind::Completeness);
  r.months = 12;
  add_rule("src/monthly", r);
  std::vector<Put> puts;
  for (int m = 4; m <= 12; ++m) puts.push_back({"src/monthly", Period::month_of(2024, m), 10, "m.csv"});
  puts.push_back({"src/monthly", Period::month_of(2025, 1), 10, "m.csv"});
  puts.push_back({"src/monthly", Period::month_of(2025, 3), 10, "m.csv"});  // February is missing
  puts.push_back({"src/monthly", Period::month_of(2025, 4), 10, "m.csv"});  // FY2025 has begun
  run(puts);
  auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].key.period, Period::fiscal_year(2024));
  EXPECT_EQ(flags[0].raised.value, 11);
  EXPECT_EQ(text::flag_detail_text(flags[0].raised.detail, text::Lang::Ja), "12か月中 11か月");

  run({{"src/monthly", Period::month_of(2025, 2), 10, "m.csv"}});  // the month comes in
  EXPECT_TRUE(open_flags().empty());
}

TEST_P(QualityPass, CompleteYearAndRunningYearAreNotFlagged) {
  auto r = rule(config::RuleKind::Completeness);
  r.months = 12;
  add_rule("src/monthly", r);
  std::vector<Put> puts;
  for (int m = 1; m <= 16; ++m)
    puts.push_back({"src/monthly", Period::month_of(2024 + (m + 2) / 12, (m + 2) % 12 + 1), 10, "m.csv"});
  run(puts);
  EXPECT_TRUE(open_flags().empty());
}

TEST_P(QualityPass, MaxChangeComparesWithTheNearestEarlierStoredPeriod) {
  auto r = rule(config::RuleKind::MaxChange);
  r.change = 0.5;
  r.change_is_share = true;
  add_rule("housing_grants", r);
  // The baseline R5 and the strategy's first year R7, R6 never measured (Kama's 42件 → 20件).
  run({{"housing_grants", Period::fiscal_year(2023), 42, "v.csv:12"},
       {"housing_grants", Period::fiscal_year(2025), 20, "v.csv:13"}});
  ASSERT_EQ(open_flags().size(), 1u);
  EXPECT_EQ(open_flags()[0].key.period, Period::fiscal_year(2025));
  EXPECT_EQ(open_flags()[0].raised.detail, "previous 42");
  EXPECT_EQ(text::flag_detail_text(open_flags()[0].raised.detail, text::Lang::Ja), "前回 42");
}

TEST_P(QualityPass, EveryDistrictOfTheYearBeforeMustBeThere) {
  auto r = rule(config::RuleKind::Completeness);
  r.dimension = "district";
  add_rule("src/households", r);
  std::vector<Put> puts;
  for (const char* d : {"上山田", "下山田", "稲築"})
    puts.push_back({"src/households", Period::fiscal_year(2024), 100, "h.csv", {{"district", d}}});
  run(puts);
  EXPECT_TRUE(open_flags().empty());
  // FY2025 without 下山田 (a yearly series: its year is complete when written).
  run({{"src/households", Period::fiscal_year(2025), 101, "h.csv:2", {{"district", "上山田"}}},
       {"src/households", Period::fiscal_year(2025), 99, "h.csv:3", {{"district", "稲築"}}}});
  auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].raised.rule, "completeness");
  EXPECT_EQ(flags[0].key.period, Period::fiscal_year(2025));
  EXPECT_EQ(flags[0].key.dimensions, (store::Dimensions{{"district", "下山田"}}));
  EXPECT_EQ(text::flag_detail_text(flags[0].raised.detail, text::Lang::Ja),
            "前年（2024）にあった district 下山田 が 2025 にない");
  // The district comes in: the flag clears.
  run({{"src/households", Period::fiscal_year(2025), 98, "h.csv:4", {{"district", "下山田"}}}});
  EXPECT_TRUE(open_flags().empty());
  EXPECT_EQ(store_->flags({}).at(0).state, store::FlagState::Cleared);
}

TEST_P(QualityPass, EveryRouteOfTheYearBeforeOnceTheDailyYearHasEnded) {
  auto r = rule(config::RuleKind::Completeness);
  r.dimension = "route";
  add_rule("src/boardings", r);
  std::vector<Put> puts;
  for (const char* route : {"1", "2"}) {
    puts.push_back({"src/boardings", Period::date_of(2024, 6, 1), 10, "b", {{"route", route}, {"stop", "A"}}});
    puts.push_back({"src/boardings", Period::date_of(2024, 6, 1), 12, "b", {{"route", route}, {"stop", "B"}}});
  }
  puts.push_back({"src/boardings", Period::date_of(2025, 6, 1), 11, "b", {{"route", "1"}, {"stop", "A"}}});
  run(puts);
  EXPECT_TRUE(open_flags().empty());  // FY2025 is still running: route 2 may yet come
  // The first value of FY2026 closes FY2025, which ended without route 2.
  run({{"src/boardings", Period::date_of(2026, 4, 1), 9, "b", {{"route", "1"}, {"stop", "A"}}}});
  auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].key.dimensions, (store::Dimensions{{"route", "2"}}));
  EXPECT_EQ(flags[0].key.period, Period::fiscal_year(2025));
}

TEST_P(QualityPass, RelationBetweenKpis) {
  auto r = rule(config::RuleKind::Relation);
  r.other = "unbound";
  add_rule("startups", r);
  run({{"unbound", Period::fiscal_year(2025), 1.2, "u"}});
  run({{"startups", Period::fiscal_year(2025), 1, "a"}});
  EXPECT_TRUE(open_flags().empty());
  run({{"startups", Period::fiscal_year(2026), 1, "b"}, {"unbound", Period::fiscal_year(2026), 0.5, "c"}});
  auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].raised.rule, "relation");
}

TEST_P(QualityPass, OutlierPerDimensionSet) {
  auto r = rule(config::RuleKind::Outlier);
  add_rule("src/stop_boardings", r);
  std::vector<Put> puts;
  for (int d = 1; d <= 10; ++d) {
    puts.push_back({"src/stop_boardings", Period::date_of(2025, 4, d), 100.0 + d % 3, "b", {{"stop", "A"}}});
    puts.push_back({"src/stop_boardings", Period::date_of(2025, 4, d), 5000.0 + d * 10, "b", {{"stop", "B"}}});
  }
  run(puts);
  EXPECT_TRUE(open_flags().empty());  // stop B's big numbers are its own normal
  run({{"src/stop_boardings", Period::date_of(2025, 4, 11), 900, "b:99", {{"stop", "A"}}},
       {"src/stop_boardings", Period::date_of(2025, 4, 11), 5100, "b:100", {{"stop", "B"}}}});
  auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].raised.location, "b:99");
}

TEST_P(QualityPass, ResolvedFlagRecordsWhoAndWhy) {
  add_rule("tourism", rule(config::RuleKind::UnitSlip));
  run({{"tourism", Period::calendar_year(2023), 263000, "t.csv:2"}, {"tourism", Period::calendar_year(2024), 28, "t"}});
  // Both values are this run's: the 2024 value is judged against 2023's.
  auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);
  store::AuditEvent resolve;
  resolve.who = {store::Actor::Kind::Token, "token 3", "商工観光課", 3, 0};
  resolve.action = "flag.resolve";
  resolve.kpi = "tourism";
  resolve.reason = "checked with 商工観光課: 28万人";
  EXPECT_TRUE(store_->resolve_flag(flags[0].id, resolve));
  resolve.reason = "again";
  EXPECT_FALSE(store_->resolve_flag(flags[0].id, resolve));
  const auto all = store_->flags({});
  EXPECT_EQ(all[0].state, store::FlagState::Resolved);
  EXPECT_EQ(all[0].closed_by, "token 3 (商工観光課)");
  EXPECT_EQ(all[0].note, "checked with 商工観光課: 28万人");
  // Raised by the run, resolved by the token: both in the audit trail, the refused second close not.
  const auto events = store_->audit({"tourism", "", "", std::nullopt, 0});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, "flag.raise");
  EXPECT_EQ(events[0].who.kind, store::Actor::Kind::Run);
  EXPECT_EQ(events[0].after, "unit_slip warning 28");
  EXPECT_EQ(events[1].action, "flag.resolve");
  EXPECT_EQ(events[1].who.token_id, 3);
  EXPECT_EQ(events[1].reason, "checked with 商工観光課: 28万人");
}

// --- judged as the values stream in ---------------------------------------------------------------

// Every rule kind over generated series: daily values per stop (crossing a fiscal year, with spikes, a
// unit slip and a value out of range), monthly values per route with a month missing, yearly values per
// district with one district gone. The values are put period by period, the sets interleaved, as a
// plugin streams them.
std::vector<config::Rule> every_rule_kind() {
  std::vector<config::Rule> rules;
  config::Rule range = rule(config::RuleKind::Range);
  range.max = 5000;
  rules.push_back(range);
  config::Rule hard = rule(config::RuleKind::Range, config::RuleLevel::Error);
  hard.max = 100000;
  rules.push_back(hard);
  config::Rule change = rule(config::RuleKind::MaxChange);
  change.change = 0.8;
  change.change_is_share = true;
  rules.push_back(change);
  rules.push_back(rule(config::RuleKind::UnitSlip));
  config::Rule outlier = rule(config::RuleKind::Outlier);
  outlier.window = 10;
  outlier.min_history = 4;
  rules.push_back(outlier);
  config::Rule months = rule(config::RuleKind::Completeness);
  months.months = 12;
  rules.push_back(months);
  return rules;
}

std::vector<QualityPass::Put> generated_puts(const std::string& prefix) {
  std::vector<QualityPass::Put> puts;
  uint32_t seed = 12345;
  const auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 16; };
  int n = 0;
  for (int day = 0; day < 120; ++day) {
    const int month = 2 + day / 30, dom = 1 + day % 30;  // 2025-02-01 … 2025-05-30: FY2024 into FY2025
    // Every seventh day the stops come in the other order: the stream's guess of the next stop
    // (series_check.hpp) misses and must fall back to its lookup.
    const std::vector<const char*> stops =
        day % 7 == 3 ? std::vector<const char*>{"D", "C", "B", "A"} : std::vector<const char*>{"A", "B", "C", "D"};
    for (const char* stop : stops) {
      double v = 100 + next() % 50;
      if (++n % 37 == 0) v *= 8;  // a spike: outlier, max_change
      if (n == 200) v = 150000;   // a unit slip (10³ × the stop's usual 100–149), out of range: rejected
      if (n == 301) v = 6000;     // above the warning range
      puts.push_back(
          {prefix + "/daily", Period::date_of(2025, month, dom), v, "d.csv:" + std::to_string(n), {{"stop", stop}}});
    }
  }
  for (int m = 0; m < 27; ++m) {  // 2023-04 … 2025-06
    const int year = 2023 + (3 + m) / 12, month = 1 + (3 + m) % 12;
    for (const char* route : {"R1", "R2", "R3"}) {
      if (std::string(route) == "R2" && year == 2024 && month == 7) continue;  // a month missing
      puts.push_back({prefix + "/monthly",
                      Period::month_of(year, month),
                      1000.0 + next() % 300,
                      "m.csv:" + std::to_string(++n),
                      {{"route", route}}});
    }
  }
  for (int fy = 2022; fy <= 2025; ++fy)
    for (const char* district : {"D1", "D2", "D3", "D4"}) {
      if (std::string(district) == "D3" && fy == 2024) continue;  // a district gone for a year
      puts.push_back({prefix + "/yearly",
                      Period::fiscal_year(fy),
                      400.0 + next() % 40,
                      "y.csv:" + std::to_string(++n),
                      {{"district", district}}});
    }
  return puts;
}

// A flag as text without its series: the same findings under two prefixes compare equal.
std::vector<std::string> flag_texts(const std::vector<store::QualityFlag>& flags, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& f : flags) {
    if (f.key.series.rfind(prefix + "/", 0) != 0) continue;
    std::string t = f.key.series.substr(prefix.size()) + " " + f.key.period.str();
    for (const auto& [name, value] : f.key.dimensions) t += " " + name + "=" + value;
    t += " " + f.raised.rule + " " + store::to_string(f.raised.level) + " " +
         (f.raised.value ? Value::of(*f.raised.value).str() : "-") + " [" +
         (f.raised.expected_min ? Value::of(*f.raised.expected_min).str() : "") + "," +
         (f.raised.expected_max ? Value::of(*f.raised.expected_max).str() : "") + "] " + f.raised.detail + " @" +
         f.raised.location;
    out.push_back(t);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(QualityPass, StreamJudgesEveryRuleKindAsTheCheckAfterTheRun) {
  for (const std::string prefix : {"a", "b"}) {
    for (const char* series : {"/daily", "/monthly", "/yearly"})
      config_.rules.push_back({prefix + series, every_rule_kind()});
    config::Rule districts = rule(config::RuleKind::Completeness);
    districts.dimension = "district";
    config_.rules.back().rules.push_back(districts);
  }
  std::set<std::string> judged;
  const auto [streamed, streamed_run] = run_streamed(generated_puts("a"), &judged);
  const auto [scanned, scanned_run] = run(generated_puts("b"));
  EXPECT_EQ(judged, (std::set<std::string>{"a/daily", "a/monthly", "a/yearly"}));

  const auto a = flag_texts(store_->flags({}), "a");
  EXPECT_EQ(a, flag_texts(store_->flags({}), "b"));
  // Each kind tripped at least once, so the comparison compares something.
  for (const char* kind : {"range", "max_change", "unit_slip", "outlier", "completeness"})
    EXPECT_TRUE(std::any_of(a.begin(), a.end(), [&](const std::string& t) {
      return t.find(kind) != std::string::npos;
    })) << kind;
  EXPECT_EQ(streamed.warnings, scanned.warnings);
  EXPECT_EQ(streamed.errors, 1);
  EXPECT_EQ(scanned.errors, 1);
  // The value out of range is rejected (withdrawn) either way.
  for (const char* series : {"/daily", "/monthly", "/yearly"})
    EXPECT_EQ(store_->values({std::string("a") + series, std::nullopt, std::nullopt}).size(),
              store_->values({std::string("b") + series, std::nullopt, std::nullopt}).size())
        << series;
  EXPECT_EQ(store_->values({"a/daily", std::nullopt, std::nullopt}).size(), 479u);
}

TEST_P(QualityPass, StreamLeavesASeriesThatHeldValuesToTheCheckAfterTheRun) {
  config::Rule outlier = rule(config::RuleKind::Outlier);
  outlier.min_history = 4;
  add_rule("src/stop_boardings", outlier);
  std::vector<Put> history;
  for (int d = 1; d <= 10; ++d)
    history.push_back({"src/stop_boardings", Period::date_of(2025, 4, d), 100.0 + d % 3, "a:" + std::to_string(d)});
  std::set<std::string> judged;
  run_streamed(history, &judged);
  EXPECT_EQ(judged.count("src/stop_boardings"), 1u);  // nothing stored before: judged as it came
  EXPECT_TRUE(open_flags().empty());

  judged.clear();
  run_streamed({{"src/stop_boardings", Period::date_of(2025, 4, 11), 900, "b:1"}}, &judged);
  EXPECT_TRUE(judged.empty());  // the history is stored: read back after the run
  const auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);  // judged against the earlier run's values
  EXPECT_EQ(flags[0].raised.location, "b:1");
}

TEST_P(QualityPass, StreamLeavesValuesOutOfPeriodOrderToTheCheckAfterTheRun) {
  config::Rule outlier = rule(config::RuleKind::Outlier);
  outlier.min_history = 4;
  add_rule("src/stop_boardings", outlier);
  // Newest first: day 10 is an outlier against days 1–9, which the stream has not seen when it comes.
  std::vector<Put> puts;
  for (int d = 10; d >= 1; --d)
    puts.push_back(
        {"src/stop_boardings", Period::date_of(2025, 4, d), d == 10 ? 900.0 : 100.0 + d % 3, "a:" + std::to_string(d)});
  std::set<std::string> judged;
  run_streamed(puts, &judged);
  EXPECT_TRUE(judged.empty());
  const auto flags = open_flags();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].raised.location, "a:10");
}

}  // namespace
