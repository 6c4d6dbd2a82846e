// Reading the store: runs newest first and by source, values in period order, series, histories.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Queries = StoreTest;
SOSEI_STORE_SUITE(Queries);

TEST_P(Queries, RunsNewestFirstAndFilteredBySource) {
  for (const char* source : {"a", "b", "a", "c"}) store_->begin_import(start(source))->commit();
  auto all = store_->runs();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_GT(all[0].id, all[1].id);
  EXPECT_GT(all[1].id, all[2].id);
  EXPECT_EQ(all[0].source, "c");
  EXPECT_EQ(all[3].source, "a");
  EXPECT_EQ(store_->runs(2).size(), 2u);
  EXPECT_EQ(store_->runs(2)[0].source, "c");
  auto of_a = store_->runs(0, "a");
  ASSERT_EQ(of_a.size(), 2u);
  EXPECT_GT(of_a[0].id, of_a[1].id);
  EXPECT_EQ(store_->runs(1, "a").size(), 1u);
  EXPECT_TRUE(store_->runs(0, "zzz").empty());
  EXPECT_FALSE(store_->run(9999));
  EXPECT_EQ(all[0].started_at.size(), 24u);
}

TEST_P(Queries, ValuesInPeriodOrderThenDimensions) {
  auto run = store_->begin_import(start());
  run->put(key("riders", Period::month_of(2025, 5), {{"route", "b"}}), number(3));
  run->put(key("riders", Period::month_of(2025, 4), {{"route", "b"}}), number(2));
  run->put(key("riders", Period::month_of(2025, 4), {{"route", "a"}}), number(1));
  run->put(key("riders", Period::month_of(2024, 12), {{"route", "a"}}), number(0));
  run->put(key("other", Period::month_of(2025, 4)), number(42));
  run->commit();
  auto v = store_->values({"riders", {}, {}});
  ASSERT_EQ(v.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(v[i].data.value, Value::of(i)) << i;
  auto april = store_->values({"riders", Period::month_of(2025, 4), {}});
  ASSERT_EQ(april.size(), 2u);
  auto one = store_->values({"riders", Period::month_of(2025, 4), Dimensions{{"route", "b"}}});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].data.value, Value::of(2));
  EXPECT_TRUE(store_->values({"riders", Period::month_of(2025, 4), Dimensions{}}).empty());
  EXPECT_TRUE(store_->values({"nothing", {}, {}}).empty());
}

// What a drill-down reads: sums per dimension set and month, done by the store (SQL GROUP BY), so
// that a page over millions of daily values receives one row per set and month.
TEST_P(Queries, DimensionTotalsSumDaysIntoMonthsPerDimensionSet) {
  auto run = store_->begin_import(start());
  for (int day = 1; day <= 30; ++day) {
    run->put(key("boardings", Period::date_of(2025, 4, day), {{"route", "a"}}), number(day));
    run->put(key("boardings", Period::date_of(2025, 4, day), {{"route", "b"}}), number(1));
  }
  run->put(key("boardings", Period::date_of(2025, 5, 1), {{"route", "a"}}), number(7));
  run->put(key("boardings", Period::date_of(2025, 5, 2), {{"route", "a"}}), status(ValueKind::NotCarriedOut));
  run->put(key("boardings", Period::date_of(2025, 5, 3)), number(1000));  // no dimensions: the KPI's own
  run->put(key("visitors", Period::fiscal_year(2025), {{"spot", "castle"}}), number(12));
  run->commit();

  const auto t = store_->dimension_totals("boardings");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].period, Period::month_of(2025, 4));
  EXPECT_EQ(t[0].stored_kind, PeriodKind::Date);
  EXPECT_EQ(*t[0].dimensions, (Dimensions{{"route", "a"}}));
  EXPECT_EQ(t[0].sum, 465);  // 1 + 2 + … + 30
  EXPECT_EQ(t[0].values, 30);
  EXPECT_EQ(*t[1].dimensions, (Dimensions{{"route", "b"}}));
  EXPECT_EQ(t[1].sum, 30);
  EXPECT_EQ(t[2].period, Period::month_of(2025, 5));
  EXPECT_EQ(t[2].sum, 7);  // the status value is not a number and is left out
  EXPECT_EQ(t[2].values, 1);

  const auto yearly = store_->dimension_totals("visitors");
  ASSERT_EQ(yearly.size(), 1u);
  EXPECT_EQ(yearly[0].period, Period::fiscal_year(2025));
  EXPECT_EQ(yearly[0].stored_kind, PeriodKind::FiscalYear);
  EXPECT_TRUE(store_->dimension_totals("nothing").empty());
}

// The sums are kept as the values change, not grouped when read: every way a run changes a value
// (inserted in a batch or one by one, revised, turned into a status, withdrawn after an insert or a
// revision) moves them, a failed or discarded run leaves them as they were, and a read during a run
// sees the run's own changes.
TEST_P(Queries, DimensionTotalsFollowEveryChangeOfTheValues) {
  const Dimensions a{{"route", "a"}}, b{{"route", "b"}}, c{{"route", "c"}}, d{{"route", "d"}};
  auto april = [](int day) { return Period::date_of(2025, 4, day); };
  auto sums = [&] {
    std::map<std::string, std::pair<double, int64_t>> out;
    for (const DimensionTotal& t : store_->dimension_totals("boardings"))
      out[t.dimensions->begin()->second + (t.period.month == 4 ? "" : "/" + std::to_string(t.period.month))] = {
          t.sum, t.values};
    return out;
  };
  using Sums = std::map<std::string, std::pair<double, int64_t>>;
  {
    auto run = store_->begin_import(start());
    for (int day = 1; day <= 30; ++day) {
      run->put(key("boardings", april(day), a), number(day));
      run->put(key("boardings", april(day), b), number(1));
    }
    // 122 rows of a series new to the store: full batches of one statement, then single rows
    for (int day = 1; day <= 31; ++day) run->put(key("boardings", Period::date_of(2025, 5, day), a), number(2));
    run->commit();
  }
  const std::pair<double, int64_t> may{62, 31};
  ASSERT_EQ(sums(), (Sums{{"a", {465, 30}}, {"a/5", may}, {"b", {30, 30}}}));
  // One number per dimension set in a read (a drill-down groups by it): route a's two months share one.
  std::map<std::string, std::set<std::size_t>> numbers;
  for (const DimensionTotal& t : store_->dimension_totals("boardings"))
    numbers[t.dimensions->at("route")].insert(t.set);
  ASSERT_EQ(numbers.size(), 2u);
  EXPECT_EQ(numbers["a"].size(), 1u);
  EXPECT_EQ(numbers["b"].size(), 1u);
  EXPECT_NE(*numbers["a"].begin(), *numbers["b"].begin());

  {
    auto run = store_->begin_import(start());
    run->put(key("boardings", april(1), a), number(101));                       // revised: +100
    run->put(key("boardings", april(2), b), status(ValueKind::NotCarriedOut));  // no longer a number
    run->put(key("boardings", april(3), c), number(5));                         // inserted
    run->put(key("boardings", april(4), a), number(4, "確定値"));               // the note only
    run->put(key("boardings", april(5), a), number(500));                       // revised, then withdrawn
    run->put(key("boardings", april(6), d), number(9));                         // inserted, then withdrawn
    EXPECT_EQ(
        sums(),
        (Sums{{"a", {1060, 30}}, {"a/5", may}, {"b", {29, 29}}, {"c", {5, 1}}, {"d", {9, 1}}}));  // the run's own view
    EXPECT_TRUE(run->withdraw(key("boardings", april(5), a)));
    EXPECT_TRUE(run->withdraw(key("boardings", april(6), d)));
    run->commit();
  }
  const Sums after{{"a", {565, 30}}, {"a/5", may}, {"b", {29, 29}}, {"c", {5, 1}}};
  EXPECT_EQ(sums(), after);

  {
    auto run = store_->begin_import(start());
    run->put(key("boardings", april(1), a), number(0));
    run->put(key("boardings", april(7), c), number(70));
    run->fail("the file was cut off");
  }
  EXPECT_EQ(sums(), after);
  {
    auto run = store_->begin_import(start());
    run->put(key("boardings", april(1), a), number(0));
    run->discard();
  }
  EXPECT_EQ(sums(), after);

  {  // the last value of a sum goes: the sum goes with it
    auto run = store_->begin_import(start());
    run->put(key("boardings", april(3), c), status(ValueKind::NotCarriedOut));
    run->commit();
  }
  EXPECT_EQ(sums(), (Sums{{"a", {565, 30}}, {"a/5", may}, {"b", {29, 29}}}));
}

// What SQLite keeps by adding and taking away (sum_deltas.cpp): a sum whose values all went leaves no
// row, even when the additions of fractions left a remainder; a series may hold any byte.
using SqliteSums = StoreTest;
SOSEI_SQLITE_SUITE(SqliteSums);

TEST_P(SqliteSums, ASumWhoseValuesAllWentLeavesNoRow) {
  const Dimensions c{{"route", "c"}};
  {
    auto run = store_->begin_import(start());
    run->put(key("rates", Period::month_of(2025, 4), {{"route", "a"}}), number(1));
    run->commit();
  }
  auto run = store_->begin_import(start());
  run->put(key("rates", Period::date_of(2025, 4, 1), c), number(0.1));
  run->put(key("rates", Period::date_of(2025, 4, 2), c), number(0.2));
  EXPECT_TRUE(run->withdraw(key("rates", Period::date_of(2025, 4, 1), c)));
  EXPECT_TRUE(run->withdraw(key("rates", Period::date_of(2025, 4, 2), c)));  // 0.1 + 0.2 - 0.1 - 0.2 ≠ 0
  run->commit();
  EXPECT_EQ(query_one("SELECT count(*) FROM dimension_sums WHERE value_count <= 0"), "0");
  EXPECT_EQ(query_one("SELECT count(*) FROM dimension_sums"), "1");
}

TEST_P(SqliteSums, ASeriesWithAnyByteIsSummedUnderItsWholeName) {
  const std::string series("bus\0stops", 9);
  auto run = store_->begin_import(start());
  run->put(key(series, Period::date_of(2025, 4, 1), {{"stop", "1"}}), number(5));
  run->put(key(series, Period::date_of(2025, 4, 2), {{"stop", "1"}}), number(6));
  run->commit();
  const auto totals = store_->dimension_totals(series);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].sum, 11);
  EXPECT_TRUE(store_->dimension_totals("bus").empty());
}

TEST_P(Queries, DataVersionMovesWhenARunEndsAndNotWhenValuesAreRead) {
  const std::string empty = store_->data_version();
  auto run = store_->begin_import(start());
  run->put(key("boardings", Period::month_of(2025, 4), {{"route", "a"}}), number(1));
  run->commit();
  const std::string one = store_->data_version();
  EXPECT_NE(one, empty);
  store_->values({"boardings", {}, {}});
  store_->dimension_totals("boardings");
  EXPECT_EQ(store_->data_version(), one);
  auto again = store_->begin_import(start());
  again->put(key("boardings", Period::month_of(2025, 4), {{"route", "a"}}), number(2));
  again->commit();
  EXPECT_NE(store_->data_version(), one);
}

TEST_P(Queries, SeriesListsEachOnce) {
  EXPECT_TRUE(store_->series().empty());
  auto run = store_->begin_import(start());
  for (int y = 2020; y < 2025; ++y) {
    run->put(key("b-kpi", Period::fiscal_year(y)), number(y));
    run->put(key("a-kpi", Period::fiscal_year(y)), number(y));
    run->put(key("tourism_csv/観光客数", Period::fiscal_year(y)), number(y));
  }
  run->commit();
  EXPECT_EQ(store_->series(), (std::vector<std::string>{"a-kpi", "b-kpi", "tourism_csv/観光客数"}));
}

TEST_P(Queries, HistoryPerDimensionSetInOrder) {
  const Period p = Period::date_of(2025, 4, 1);
  const double values[] = {10, 11, 12, 11};
  std::vector<int64_t> runs;
  for (double n : values) {
    auto run = store_->begin_import(start());
    run->put(key("visitors", p, {{"spot", "castle"}}), number(n));
    run->put(key("visitors", p, {{"spot", "beach"}}), number(5));
    runs.push_back(run->commit().id);
    clock_.advance(std::chrono::seconds{1});  // each run starts later than the one before
  }
  auto h = store_->history("visitors", p);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].key.dimensions.at("spot"), "beach");
  EXPECT_TRUE(h[0].revisions.empty());
  EXPECT_EQ(h[0].first_run_id, runs[0]);
  const History& castle = h[1];
  EXPECT_EQ(castle.first_value, Value::of(10));
  EXPECT_EQ(castle.first_run_id, runs[0]);
  ASSERT_EQ(castle.revisions.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(castle.revisions[i].run_id, runs[i + 1]);
    EXPECT_EQ(castle.revisions[i].old_value, Value::of(values[i]));
    EXPECT_EQ(castle.revisions[i].new_value, Value::of(values[i + 1]));
  }
  EXPECT_LT(castle.first_at, castle.revisions[0].changed_at);
  EXPECT_TRUE(store_->history("visitors", Period::date_of(2025, 4, 2)).empty());
  EXPECT_EQ(store_->values({"visitors", p, Dimensions{{"spot", "castle"}}})[0].revision_count, 3);
}

// What a city's bundle replays (issue 16): every value each run wrote — first imports with their
// first note and location, then revisions — in run order, from a run on; an unchanged value or a
// failed run wrote nothing.
TEST_P(Queries, RunChangesAreWhatEachRunWroteInRunOrder) {
  const Period p = Period::fiscal_year(2024);
  auto with_location = [](ObservationData d, const std::string& at) {
    d.location = at;
    return d;
  };
  auto first = store_->begin_import(start());
  first->put(key("visitors", p, {{"spot", "castle"}}), with_location(number(10, "速報"), "a.csv:2"));
  first->put(key("startups", p), status(ValueKind::NotCarriedOut));
  const int64_t r1 = first->commit().id;
  auto second = store_->begin_import(start("hand"));
  second->put(key("visitors", p, {{"spot", "castle"}}), with_location(number(12, "確報"), "b.csv:3"));
  second->put(key("startups", p), status(ValueKind::NotCarriedOut));  // unchanged: nothing written
  second->put(key("shops", p), number(4));
  const int64_t r2 = second->commit().id;
  auto failed = store_->begin_import(start());
  failed->put(key("shops", p), number(99));
  failed->fail("broken file");

  std::vector<RunChange> all;
  store_->run_changes(0, [&](const RunChange& c) { all.push_back(c); });
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].run_id, r1);
  EXPECT_EQ(all[1].run_id, r1);
  const RunChange& castle_first = all[0].key.series == "visitors" ? all[0] : all[1];
  EXPECT_EQ(castle_first.data.value, Value::of(10));
  EXPECT_EQ(castle_first.data.note, "速報");  // its first note, though revised since
  EXPECT_EQ(castle_first.data.location, "a.csv:2");
  EXPECT_EQ(castle_first.key.dimensions.at("spot"), "castle");
  EXPECT_EQ(castle_first.key.period, p);
  const RunChange& status_first = all[0].key.series == "visitors" ? all[1] : all[0];
  EXPECT_EQ(status_first.data.value, Value::status(ValueKind::NotCarriedOut));
  // Run 2: its first import (shops) before its revision (castle).
  EXPECT_EQ(all[2].run_id, r2);
  EXPECT_EQ(all[2].key.series, "shops");
  EXPECT_EQ(all[3].run_id, r2);
  EXPECT_EQ(all[3].data.value, Value::of(12));
  EXPECT_EQ(all[3].data.note, "確報");
  EXPECT_EQ(all[3].data.location, "b.csv:3");

  std::vector<RunChange> since;
  store_->run_changes(r1, [&](const RunChange& c) { since.push_back(c); });
  ASSERT_EQ(since.size(), 2u);
  EXPECT_EQ(since[0].run_id, r2);
  std::size_t none = 0;
  store_->run_changes(r2, [&](const RunChange&) { ++none; });
  EXPECT_EQ(none, 0u);
}

}  // namespace
}  // namespace sosei::store::test
