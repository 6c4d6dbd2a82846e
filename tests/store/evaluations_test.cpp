// Stored evaluations: saving and reading back, and stale marking — a committed revision of a used
// observation marks the evaluation stale; identical re-imports, failed runs and other observations
// do not.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Evaluations = StoreTest;
SOSEI_STORE_SUITE(Evaluations);

const Period kFy2024 = Period::fiscal_year(2024);
const Period kFy2025 = Period::fiscal_year(2025);
const Period kFy2026 = Period::fiscal_year(2026);

// kpi-1 FY2024 = 120, FY2025 = 135, with a route breakdown; kpi-2 FY2024 = 7. Returns the run id.
int64_t seed(Store& store) {
  auto run = store.begin_import(start());
  run->put(key("kpi-1", kFy2024), number(120));
  run->put(key("kpi-1", kFy2025), number(135));
  run->put(key("kpi-1", kFy2024, {{"route", "east"}}), number(60));
  run->put(key("kpi-2", kFy2024), number(7));
  return run->commit().id;
}

EvaluationKpiRecord kpi_row(const std::string& id, std::size_t grade_index, const std::string& symbol) {
  EvaluationKpiRecord k;
  k.kpi = id;
  k.grade_index = grade_index;
  k.grade_symbol = symbol;
  k.grade_label = symbol == "○" ? "順調" : "要努力";
  return k;
}

// Three KPIs: kpi-1 fully scored, kpi-2 without numbers, a basic goal's target not counted.
EvaluationRecord sample() {
  EvaluationRecord r;
  r.as_of = "2026-03-31";
  r.scheme = "kama";
  EvaluationKpiRecord a = kpi_row("kpi-1", 0, "○");
  a.actual = 255;
  a.formed = "sum of FY2024 (120) + FY2025 (135) = 255";
  a.ratio = 0.85;
  a.pace_ratio = 1.25;
  EvaluationKpiRecord b = kpi_row("kpi-2", 2, "×");
  b.formed = "FY2024: not carried out";
  b.progress = -0.5;
  b.off_track = true;
  EvaluationKpiRecord c = kpi_row("net_migration", 2, "×");
  c.counted = false;
  r.kpis = {a, b, c};
  return r;
}

// kpi-1's two yearly totals, as an evaluation made after `run_id` read them.
std::vector<ObservationRef> kpi1_used(int64_t run_id) {
  return {{key("kpi-1", kFy2024), run_id}, {key("kpi-1", kFy2025), run_id}};
}

void revise(Store& store, const ObservationKey& k, double n) {
  auto run = store.begin_import(start());
  run->put(k, number(n));
  run->commit();
}

TEST_P(Evaluations, SaveAndReadBack) {
  const int64_t run_id = seed(*store_);
  const int64_t id = store_->save_evaluation(sample(), kpi1_used(run_id));
  EXPECT_GT(id, 0);
  EXPECT_EQ(query_one("SELECT count(*) FROM evaluation_inputs WHERE evaluation_id = " + std::to_string(id)), "2");

  auto e = store_->evaluation(id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->id, id);
  EXPECT_EQ(e->as_of, "2026-03-31");
  EXPECT_EQ(e->scheme, "kama");
  EXPECT_FALSE(e->created_at.empty());
  EXPECT_FALSE(e->stale);
  EXPECT_EQ(e->stale_since, "");
  EXPECT_EQ(e->stale_run_id, 0);
  ASSERT_EQ(e->kpis.size(), 3u);
  const EvaluationKpiRecord& a = e->kpis[0];
  EXPECT_EQ(a.kpi, "kpi-1");
  EXPECT_TRUE(a.counted);
  EXPECT_EQ(a.actual, 255);
  EXPECT_EQ(a.formed, "sum of FY2024 (120) + FY2025 (135) = 255");
  EXPECT_EQ(a.ratio, 0.85);
  EXPECT_FALSE(a.progress);
  EXPECT_EQ(a.grade_symbol, "○");
  EXPECT_EQ(a.grade_label, "順調");
  EXPECT_EQ(a.pace_ratio, 1.25);
  EXPECT_FALSE(a.off_track);
  const EvaluationKpiRecord& b = e->kpis[1];
  EXPECT_EQ(b.kpi, "kpi-2");
  EXPECT_FALSE(b.actual);
  EXPECT_FALSE(b.ratio);
  EXPECT_EQ(b.progress, -0.5);
  EXPECT_FALSE(b.pace_ratio);
  EXPECT_TRUE(b.off_track);
  EXPECT_EQ(b.grade_index, 2u);
  EXPECT_FALSE(e->kpis[2].counted);
  // Counted KPIs only, in the scheme's order.
  ASSERT_EQ(e->grades.size(), 2u);
  EXPECT_EQ(e->grades[0].symbol, "○");
  EXPECT_EQ(e->grades[0].count, 1);
  EXPECT_EQ(e->grades[1].symbol, "×");
  EXPECT_EQ(e->grades[1].count, 1);

  EvaluationRecord later = sample();
  later.as_of = "2027-03-31";
  const int64_t id2 = store_->save_evaluation(later, {});
  auto list = store_->evaluations();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, id2);  // newest first
  EXPECT_EQ(list[0].as_of, "2027-03-31");
  EXPECT_EQ(list[1].id, id);
  EXPECT_TRUE(list[1].kpis.empty());
  EXPECT_EQ(list[1].grades.size(), 2u);
  EXPECT_EQ(store_->evaluations(1).size(), 1u);
  EXPECT_FALSE(store_->evaluation(id2 + 1));

  // Another connection sees it: it was committed.
  auto other = open();
  EXPECT_EQ(other->evaluations().size(), 2u);
}

TEST_P(Evaluations, RevisionOfAUsedObservationMarksItStale) {
  const int64_t id = store_->save_evaluation(sample(), kpi1_used(seed(*store_)));
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2025), number(140));
  const RunRecord r = run->commit();
  ASSERT_EQ(r.revised, 1);

  auto e = store_->evaluation(id);
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->stale);
  EXPECT_EQ(e->stale_run_id, r.id);
  EXPECT_EQ(e->stale_since, r.started_at);
  EXPECT_TRUE(store_->evaluations()[0].stale);

  // A later revision keeps the first one as the reason.
  revise(*store_, key("kpi-1", kFy2024), 121);
  EXPECT_EQ(store_->evaluation(id)->stale_run_id, r.id);
  // An evaluation saved after the revision is current.
  auto values = store_->values({"kpi-1", std::nullopt, Dimensions{}});
  const int64_t fresh = store_->save_evaluation(sample(), {{values[0].key, values[0].run_id}});
  EXPECT_FALSE(store_->evaluation(fresh)->stale);
}

TEST_P(Evaluations, IdenticalReimportDoesNotMarkStale) {
  const int64_t id = store_->save_evaluation(sample(), kpi1_used(seed(*store_)));
  const RunRecord r = [&] {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), number(120));
    run->put(key("kpi-1", kFy2025), number(135));
    return run->commit();
  }();
  ASSERT_EQ(r.revised, 0);
  ASSERT_EQ(r.accepted, 2);
  EXPECT_FALSE(store_->evaluation(id)->stale);
}

TEST_P(Evaluations, FailedRunDoesNotMarkStale) {
  const int64_t id = store_->save_evaluation(sample(), kpi1_used(seed(*store_)));
  const std::string before = dump_table("evaluations");
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), number(999));
    // The mark is written in the run's own transaction…
    EXPECT_TRUE(store_->evaluation(id)->stale);
    run->fail("plugin csv_table returned SOSEI_ERR_INPUT: bad header");
  }
  // …so it goes with the run.
  EXPECT_FALSE(store_->evaluation(id)->stale);
  EXPECT_EQ(dump_table("evaluations"), before);
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2025), number(999));
    run->fail("interrupted", RunStatus::Aborted);
  }
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2025), number(999));
    run->discard();
  }
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2025), number(999));
  }  // destroyed open: rolled back
  EXPECT_FALSE(store_->evaluation(id)->stale);
  EXPECT_EQ(dump_table("evaluations"), before);
}

TEST_P(Evaluations, ObservationNotUsedDoesNotMarkStale) {
  const int64_t id = store_->save_evaluation(sample(), kpi1_used(seed(*store_)));
  auto run = store_->begin_import(start());
  run->put(key("kpi-2", kFy2024), number(8));                        // another series
  run->put(key("kpi-1", kFy2024, {{"route", "east"}}), number(61));  // a breakdown of a used one
  run->put(key("kpi-1", kFy2026), number(150));                      // a new value, not a revision
  const RunRecord r = run->commit();
  ASSERT_EQ(r.revised, 2);
  ASSERT_EQ(r.inserted, 1);
  EXPECT_FALSE(store_->evaluation(id)->stale);
}

TEST_P(Evaluations, RevisedSinceReadIsSavedStale) {
  const int64_t first = seed(*store_);
  revise(*store_, key("kpi-1", kFy2025), 136);
  const RunRecord revision = store_->runs(1)[0];
  // The evaluation read the values of the first run; the second revised one before it was saved.
  const int64_t id = store_->save_evaluation(sample(), kpi1_used(first));
  auto e = store_->evaluation(id);
  EXPECT_TRUE(e->stale);
  EXPECT_EQ(e->stale_run_id, revision.id);
  EXPECT_EQ(e->stale_since, revision.started_at);
}

TEST_P(Evaluations, UnknownObservationIsRefusedAndNothingSaved) {
  seed(*store_);
  try {
    store_->save_evaluation(sample(), {{key("kpi-9", kFy2024), 0}});
    FAIL() << "saved an evaluation that used an observation that does not exist";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("kpi-9 FY2024"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(store_->evaluations().empty());
  EXPECT_EQ(query_one("SELECT count(*) FROM evaluation_kpis"), "0");
}

TEST_P(Evaluations, NotSavedWhileAnImportIsOpen) {
  seed(*store_);
  auto run = store_->begin_import(start());
  EXPECT_THROW(store_->save_evaluation(sample(), {}), StoreError);
  run->discard();
  EXPECT_GT(store_->save_evaluation(sample(), {}), 0);
}

}  // namespace
}  // namespace sosei::store::test
