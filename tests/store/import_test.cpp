// Import runs that commit: inserting, identical re-imports, revisions of numbers, statuses, notes and
// flags, and dimensions as part of the key.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "store_fixture.hpp"
#include "support/postgres_database.hpp"

namespace sosei::store::test {
namespace {

using Import = StoreTest;
SOSEI_STORE_SUITE(Import);

const Period kFy2024 = Period::fiscal_year(2024);
const Period kFy2025 = Period::fiscal_year(2025);

TEST_P(Import, FirstImportInserts) {
  auto run = store_->begin_import(start());
  EXPECT_GT(run->run_id(), 0);
  run->put(key("kpi-1", kFy2024), number(120));
  run->put(key("kpi-1", kFy2025), number(135.5, "速報値"));
  run->set_fingerprint("xxh3:abc");
  RunRecord r = run->commit();
  EXPECT_EQ(r.status, RunStatus::Succeeded);
  EXPECT_EQ(r.inserted, 2);
  EXPECT_EQ(r.accepted, 2);
  EXPECT_EQ(r.revised, 0);
  EXPECT_FALSE(r.finished_at.empty());

  auto values = store_->values({"kpi-1", std::nullopt, std::nullopt});
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].key.period, kFy2024);
  EXPECT_EQ(values[0].data.value, Value::of(120));
  EXPECT_EQ(values[1].data.note, "速報値");
  EXPECT_EQ(values[1].source, "tourism_csv");
  EXPECT_EQ(values[1].run_id, r.id);
  EXPECT_EQ(values[1].updated_at, r.started_at);
  EXPECT_EQ(values[1].revision_count, 0);

  auto stored = store_->run(r.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, RunStatus::Succeeded);
  EXPECT_EQ(stored->plugin, "csv_table");
  EXPECT_EQ(stored->plugin_version, "1.2.0");
  EXPECT_EQ(stored->fingerprint, "xxh3:abc");
  EXPECT_EQ(stored->inserted, 2);
  EXPECT_EQ(query_one("SELECT count(*) FROM sources WHERE id = 'tourism_csv'"), "1");
  EXPECT_EQ(query_one("SELECT status FROM import_runs"), "succeeded");
}

TEST_P(Import, IdenticalReimportRecordsARunAndNoRevision) {
  for (int i = 0; i < 2; ++i) {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024, {{"route", "east"}}), number(120, "n"));
    run->put(key("kpi-2", kFy2024), status(ValueKind::InProgress));
    RunRecord r = run->commit(i == 0 ? RunStatus::Succeeded : RunStatus::Unchanged);
    EXPECT_EQ(r.accepted, 2);
    EXPECT_EQ(r.inserted, i == 0 ? 2 : 0);
    EXPECT_EQ(r.revised, 0);
  }
  EXPECT_EQ(store_->runs().size(), 2u);
  EXPECT_EQ(store_->runs()[0].status, RunStatus::Unchanged);
  EXPECT_EQ(query_one("SELECT count(*) FROM revisions"), "0");
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), "2");
  // Unchanged rows keep the run that last changed them.
  EXPECT_EQ(store_->values({"kpi-1", {}, {}})[0].run_id, store_->runs()[1].id);
}

TEST_P(Import, ChangedValueRecordsExactlyOneRevision) {
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), number(120, "速報値"));
    run->put(key("kpi-1", kFy2025), number(7));
    run->commit();
  }
  auto run = store_->begin_import(start("tourism_api"));
  run->put(key("kpi-1", kFy2024), number(121.5, "確定値"));
  run->put(key("kpi-1", kFy2025), number(7));
  RunRecord r = run->commit();
  EXPECT_EQ(r.revised, 1);
  EXPECT_EQ(r.inserted, 0);
  EXPECT_EQ(r.accepted, 2);

  EXPECT_EQ(query_one("SELECT count(*) FROM revisions"), "1");
  auto h = store_->history("kpi-1", kFy2024);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].first_value, Value::of(120));
  ASSERT_EQ(h[0].revisions.size(), 1u);
  const Revision& rev = h[0].revisions[0];
  EXPECT_EQ(rev.run_id, r.id);
  EXPECT_EQ(rev.old_value, Value::of(120));
  EXPECT_EQ(rev.new_value, Value::of(121.5));
  EXPECT_EQ(rev.old_note, "速報値");
  EXPECT_EQ(rev.new_note, "確定値");
  EXPECT_EQ(rev.changed_at, r.started_at);

  auto v = store_->values({"kpi-1", kFy2024, std::nullopt});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].data.value, Value::of(121.5));
  EXPECT_EQ(v[0].source, "tourism_api");
  EXPECT_EQ(v[0].revision_count, 1);
  EXPECT_EQ(query_one("SELECT first_number FROM observations WHERE period_year = 2024"), sqlite() ? "120.0" : "120");
}

// A series the store has never seen is inserted without looking each key up first; a key emitted
// twice in that run is still found (issue 14 §1): the first value stays, the second is rejected.
TEST_P(Import, KeyEmittedTwiceInTheRunThatCreatesItsSeries) {
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(120));
  run->put(key("kpi-1", kFy2025), number(7));
  run->put(key("kpi-1", kFy2024), number(121, "確定値"));  // again, changed
  run->put(key("kpi-1", kFy2025), number(7));              // again, identical
  RunRecord r = run->commit();
  EXPECT_EQ(r.accepted, 2);
  EXPECT_EQ(r.rejected, 2);
  EXPECT_EQ(r.inserted, 2);
  EXPECT_EQ(r.revised, 0);
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), "2");
  auto h = store_->history("kpi-1", kFy2024);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].first_value, Value::of(120));
  EXPECT_TRUE(h[0].revisions.empty());
}

// One run feeding a series already stored and one that is new: each takes its own path.
TEST_P(Import, StoredAndNewSeriesInOneRun) {
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), number(120));
    run->commit();
  }
  auto run = store_->begin_import(start());
  run->put(key("kpi-2", kFy2024), number(1));
  run->put(key("kpi-1", kFy2024), number(125));
  run->put(key("kpi-2", kFy2025), number(2));
  run->put(key("kpi-1", kFy2025), number(130));
  RunRecord r = run->commit();
  EXPECT_EQ(r.accepted, 4);
  EXPECT_EQ(r.inserted, 3);
  EXPECT_EQ(r.revised, 1);
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), "4");
  EXPECT_EQ(store_->values({"kpi-1", kFy2024, std::nullopt})[0].data.value, Value::of(125));
}

// Observations of a new series are written in batches of 64: a key repeated from an earlier batch
// (the batch is then written row by row) or within the waiting batch is found as a duplicate, and
// the first value of each key stays.
TEST_P(Import, NewSeriesWrittenInBatchesWithRepeatedKeys) {
  auto day = [](int i) { return Period::date_of(2024, 1 + i / 28 % 12, 1 + i % 28); };
  auto run = store_->begin_import(start());
  for (int i = 0; i < 191; ++i) run->put(key("riders", day(i), {{"stop", "s" + std::to_string(i / 336)}}), number(i));
  run->put(key("riders", day(0), {{"stop", "s0"}}), number(1000));  // fills a batch holding a stored key
  run->put(key("riders", day(191), {{"stop", "s0"}}), number(191));
  run->put(key("riders", day(191), {{"stop", "s0"}}), number(-1));  // again while still waiting
  RunRecord r = run->commit();
  EXPECT_EQ(r.accepted, 192);
  EXPECT_EQ(r.rejected, 2);
  EXPECT_EQ(r.inserted, 192);
  EXPECT_EQ(r.revised, 0);
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), "192");
  EXPECT_EQ(query_one("SELECT count(*) FROM revisions"), "0");
  EXPECT_EQ(query_one("SELECT sum(number) FROM observations"),
            std::to_string(190 * 191 / 2 + 191) + (sqlite() ? ".0" : ""));
}

// Revisions are written 64 at a time. A key put again after its revision was written or while it
// still waits is a duplicate (rejected, the first revision stays); a run ending with a partial batch,
// and notes, flags, statuses and locations inside a full batch all end exactly as when every revision
// was written at once, in the order emitted.
TEST_P(Import, RevisionsWrittenInBatchesKeepTheirOrder) {
  auto day = [](int i) { return Period::date_of(2024, 1 + i / 28 % 12, 1 + i % 28); };
  {
    auto run = store_->begin_import(start());
    for (int i = 0; i < 200; ++i) run->put(key("riders", day(i)), number(i, "速報値"));
    run->commit();
  }
  auto run = store_->begin_import(start("bus_gtfs_ride"));
  run->put(key("riders", day(0)), number(1000));  // the first batch is written at the 64th revision
  for (int i = 1; i < 150; ++i) {
    ObservationData d = i % 10 == 3 ? status(ValueKind::Done, "確定値") : number(i + 0.5, "確定値");
    d.flags = i % 7 == 0 ? 1u : 0u;
    d.location = "riders.csv:" + std::to_string(i + 1);
    run->put(key("riders", day(i)), d);
  }
  run->put(key("riders", day(0)), number(2000));             // revised again after its batch was written
  run->put(key("riders", day(150)), number(150, "速報値"));  // identical: no revision
  run->put(key("riders", day(140)), number(-1));             // revised again while its revision still waits
  RunRecord r = run->commit();
  EXPECT_EQ(r.accepted, 151);
  EXPECT_EQ(r.rejected, 2);
  EXPECT_EQ(r.inserted, 0);
  EXPECT_EQ(r.revised, 150);
  EXPECT_EQ(query_one("SELECT count(*) FROM revisions"), "150");
  EXPECT_EQ(query_one("SELECT count(*) FROM revisions WHERE run_id = " + std::to_string(r.id)), "150");

  auto h = store_->history("riders", day(0));
  ASSERT_EQ(h.size(), 1u);
  ASSERT_EQ(h[0].revisions.size(), 1u);
  EXPECT_EQ(h[0].revisions[0].old_value, Value::of(0));
  EXPECT_EQ(h[0].revisions[0].new_value, Value::of(1000));
  EXPECT_EQ(h[0].revisions[0].old_note, "速報値");
  EXPECT_EQ(h[0].revisions[0].new_note, "");
  h = store_->history("riders", day(140));
  ASSERT_EQ(h[0].revisions.size(), 1u);
  EXPECT_EQ(h[0].revisions[0].new_value, Value::of(140.5));

  auto v = store_->values({"riders", day(13), std::nullopt});  // 13 % 10 == 3: a status
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].data.value, Value::status(ValueKind::Done));
  EXPECT_EQ(v[0].data.note, "確定値");
  EXPECT_EQ(v[0].data.location, "riders.csv:14");
  EXPECT_EQ(v[0].source, "bus_gtfs_ride");
  EXPECT_EQ(v[0].run_id, r.id);
  v = store_->values({"riders", day(14), std::nullopt});
  EXPECT_EQ(v[0].data.flags, 1u);
  EXPECT_EQ(v[0].data.value, Value::of(14.5));
  EXPECT_EQ(v[0].revision_count, 1);
  EXPECT_EQ(store_->values({"riders", day(150), std::nullopt})[0].run_id, store_->runs()[1].id);
  // Revision ids follow the order the changes were emitted in.
  if (sqlite()) {
    EXPECT_EQ(query_one("SELECT group_concat(new_number) FROM (SELECT new_number FROM revisions"
                        " WHERE new_number IN (1000, 2000, -1, 2.5) ORDER BY id)"),
              "1000.0,2.5");
    EXPECT_EQ(query_one("PRAGMA integrity_check"), "ok");
  } else {
    EXPECT_EQ(query_one("SELECT string_agg(new_number::text, ',' ORDER BY id) FROM revisions"
                        " WHERE new_number IN (1000, 2000, -1, 2.5)"),
              "1000,2.5");
  }
  EXPECT_TRUE(store_->integrity_problems().empty());
}

// A read through the store during a run sees revisions still waiting in their batch.
TEST_P(Import, ReadsDuringTheRunSeeItsWaitingRevisions) {
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), number(120));
    run->commit();
  }
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(125));
  EXPECT_EQ(store_->values({"kpi-1", kFy2024, std::nullopt})[0].data.value, Value::of(125));
  EXPECT_EQ(store_->history("kpi-1", kFy2024)[0].revisions.size(), 1u);
  EXPECT_EQ(run->commit().revised, 1);
}

// Reads through the store during a run see the run's observations, also those still waiting to be
// written with their batch.
TEST_P(Import, ReadsDuringTheRunSeeItsWaitingObservations) {
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(120));
  run->put(key("kpi-1", kFy2025), number(7));
  const auto values = store_->values({"kpi-1", std::nullopt, std::nullopt});
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[1].data.value, Value::of(7));
  EXPECT_EQ(run->progress().inserted, 2);
  EXPECT_EQ(run->commit().inserted, 2);
}

TEST_P(Import, StatusValuesAreRevisedToo) {
  const ValueKind steps[] = {ValueKind::NotStarted, ValueKind::InProgress, ValueKind::Done};
  for (ValueKind k : steps) {
    auto run = store_->begin_import(start());
    run->put(key("project-7", kFy2025), status(k));
    run->commit();
  }
  auto h = store_->history("project-7", kFy2025);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].first_value, Value::status(ValueKind::NotStarted));
  ASSERT_EQ(h[0].revisions.size(), 2u);
  EXPECT_EQ(h[0].revisions[0].old_value, Value::status(ValueKind::NotStarted));
  EXPECT_EQ(h[0].revisions[0].new_value, Value::status(ValueKind::InProgress));
  EXPECT_EQ(h[0].revisions[1].new_value, Value::status(ValueKind::Done));
  EXPECT_EQ(query_one(sqlite() ? "SELECT value_kind || ':' || coalesce(number, 'null') FROM observations"
                               : "SELECT value_kind || ':' || coalesce(number::text, 'null') FROM observations"),
            "done:null");
}

TEST_P(Import, NumberToStatusAndBack) {
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(0));
  run->commit();
  run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), status(ValueKind::Missing));
  EXPECT_EQ(run->commit().revised, 1);
  EXPECT_EQ(store_->values({"kpi-1", {}, {}})[0].data.value, Value::status(ValueKind::Missing));
}

TEST_P(Import, NoteOrFlagChangeIsARevision) {
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(5, "a"));
  run->commit();
  run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(5, "b"));
  EXPECT_EQ(run->commit().revised, 1);
  run = store_->begin_import(start());
  ObservationData flagged = number(5, "b");
  flagged.flags = 1;
  run->put(key("kpi-1", kFy2024), flagged);
  EXPECT_EQ(run->commit().revised, 1);
  EXPECT_EQ(store_->values({"kpi-1", {}, {}})[0].data.flags, 1u);
  EXPECT_EQ(store_->history("kpi-1", kFy2024)[0].revisions.size(), 2u);
}

TEST_P(Import, LocationChangeAloneIsNotARevision) {
  auto run = store_->begin_import(start());
  ObservationData d = number(5);
  d.location = "a.csv:2";
  run->put(key("kpi-1", kFy2024), d);
  run->commit();
  run = store_->begin_import(start());
  d.location = "a.csv:3";
  run->put(key("kpi-1", kFy2024), d);
  EXPECT_EQ(run->commit().revised, 0);
}

TEST_P(Import, DimensionsAreCanonicalPartsOfTheKey) {
  Dimensions a, b;
  a["路線"] = "東西線";
  a["stop"] = "駅前 \"north\"\nexit";
  b["stop"] = "駅前 \"north\"\nexit";
  b["路線"] = "東西線";
  auto run = store_->begin_import(start());
  run->put(key("riders", Period::month_of(2025, 4), a), number(10));
  run->put(key("riders", Period::month_of(2025, 4), b), number(10));
  run->put(key("riders", Period::month_of(2025, 4), {}), number(99));
  RunRecord r = run->commit();
  EXPECT_EQ(r.inserted, 2);
  EXPECT_EQ(r.accepted, 2);
  EXPECT_EQ(r.rejected, 1);  // a and b are one key
  EXPECT_EQ(query_one("SELECT dimensions FROM observations WHERE number = 10"),
            R"({"stop":"駅前 \"north\"\nexit","路線":"東西線"})");
  EXPECT_EQ(query_one("SELECT dimensions FROM observations WHERE number = 99"), "{}");
  EXPECT_EQ(query_one(sqlite() ? "SELECT json_extract(dimensions, '$.路線') FROM observations WHERE number = 10"
                               : "SELECT dimensions::json ->> '路線' FROM observations WHERE number = 10"),
            "東西線");
  auto only = store_->values({"riders", std::nullopt, b});
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].key.dimensions, a);
  auto none = store_->values({"riders", std::nullopt, Dimensions{}});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].data.value, Value::of(99));
}

TEST_P(Import, RefusesANumberThatIsNotFinite) {
  auto run = store_->begin_import(start());
  EXPECT_THROW(run->put(key("kpi-1", kFy2024), number(std::numeric_limits<double>::quiet_NaN())), StoreError);
  EXPECT_THROW(run->put(key("kpi-1", kFy2024), number(std::numeric_limits<double>::infinity())), StoreError);
}

TEST_P(Import, OneImportAtATimePerStore) {
  auto run = store_->begin_import(start());
  EXPECT_THROW(store_->begin_import(start("other")), StoreError);
  run->commit();
  auto next = store_->begin_import(start("other"));
  EXPECT_GT(next->run_id(), run->run_id());
}

TEST_P(Import, NothingAfterCommit) {
  auto run = store_->begin_import(start());
  run->commit();
  EXPECT_THROW(run->put(key("kpi-1", kFy2024), number(1)), StoreError);
  EXPECT_THROW(run->commit(), StoreError);
  EXPECT_THROW(run->fail("late"), StoreError);
  EXPECT_THROW(run->set_state("k", "v"), StoreError);
}

TEST_P(Import, StateVisibleInTheRunAndSavedOnlyByCommit) {
  auto reader = open();  // a second connection sees only committed data
  auto run = store_->begin_import(start());
  EXPECT_FALSE(run->state("etag"));
  run->set_state("etag", "\"v1\"");
  EXPECT_EQ(run->state("etag"), "\"v1\"");
  EXPECT_FALSE(reader->state("tourism_csv", "etag"));
  run->commit();
  EXPECT_EQ(reader->state("tourism_csv", "etag"), "\"v1\"");
  EXPECT_EQ(store_->state("tourism_csv", "etag"), "\"v1\"");
  EXPECT_FALSE(store_->state("other_source", "etag"));

  run = store_->begin_import(start());
  run->set_state("etag", "\"v2\"");
  run->fail("network down");
  EXPECT_EQ(reader->state("tourism_csv", "etag"), "\"v1\"");
}

// A history says who made each change (the run's source and where the value came from: a file line,
// a hand entry's token) and records a change of the note alone (速報値 → 確定値).
TEST_P(Import, HistorySaysWhoChangedAValueAndANoteAlone) {
  auto with = [](ObservationData d, const std::string& location) {
    d.location = location;
    return d;
  };
  int64_t first_run = 0, note_run = 0, value_run = 0;
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), with(number(120, "速報値"), "kpi.csv:3"));
    first_run = run->commit().id;
  }
  {
    auto run = store_->begin_import({"hand:産業振興課", "hand-entry", "0.1.0"});
    run->put(key("kpi-1", kFy2024), with(number(120, "確定値"), "token 3"));  // the note alone changes
    const RunRecord r = run->commit();
    EXPECT_EQ(r.revised, 1);
    note_run = r.id;
  }
  {
    auto run = store_->begin_import({"hand:産業振興課", "hand-entry", "0.1.0"});
    run->put(key("kpi-1", kFy2024), with(number(125, "確定値"), "token 4"));
    value_run = run->commit().id;
  }
  const auto h = store_->history("kpi-1", kFy2024);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].first_run_id, first_run);
  EXPECT_EQ(h[0].first_source, "tourism_csv");
  EXPECT_EQ(h[0].first_location, "kpi.csv:3");
  EXPECT_EQ(h[0].first_note, "速報値");
  ASSERT_EQ(h[0].revisions.size(), 2u);
  const Revision& note = h[0].revisions[0];
  EXPECT_EQ(note.run_id, note_run);
  EXPECT_EQ(note.source, "hand:産業振興課");
  EXPECT_EQ(note.location, "token 3");
  EXPECT_EQ(note.old_location, "kpi.csv:3");
  EXPECT_EQ(note.old_value, note.new_value);
  EXPECT_EQ(note.old_note, "速報値");
  EXPECT_EQ(note.new_note, "確定値");
  const Revision& value = h[0].revisions[1];
  EXPECT_EQ(value.run_id, value_run);
  EXPECT_EQ(value.location, "token 4");
  EXPECT_EQ(value.old_location, "token 3");
  EXPECT_EQ(value.new_value, Value::of(125));
}

// The same through the batched write (a run revising more values than one batch holds).
TEST_P(Import, BatchedRevisionsKeepWhereEachValueCameFrom) {
  constexpr int kValues = 70;
  auto put_all = [&](const std::string& source, double offset) {
    auto run = store_->begin_import(start(source));
    for (int i = 0; i < kValues; ++i) {
      ObservationData d = number(i + offset);
      d.location = source + ".csv:" + std::to_string(i + 2);
      run->put(key("kpi-1", kFy2024, {{"n", std::to_string(i)}}), d);
    }
    return run->commit();
  };
  put_all("first", 0);
  EXPECT_EQ(put_all("second", 1000).revised, kValues);
  for (int i : {0, 63, 64, 69}) {
    const auto h = store_->history("kpi-1", kFy2024);
    const auto it = std::find_if(h.begin(), h.end(),
                                 [&](const History& x) { return x.key.dimensions.at("n") == std::to_string(i); });
    ASSERT_NE(it, h.end()) << i;
    EXPECT_EQ(it->first_source, "first");
    EXPECT_EQ(it->first_location, "first.csv:" + std::to_string(i + 2));
    ASSERT_EQ(it->revisions.size(), 1u) << i;
    EXPECT_EQ(it->revisions[0].source, "second");
    EXPECT_EQ(it->revisions[0].location, "second.csv:" + std::to_string(i + 2));
    EXPECT_EQ(it->revisions[0].old_location, "first.csv:" + std::to_string(i + 2));
  }
}

// A reader never creates a store: a mistyped path is NoDatabase, and no file appears.
TEST_P(Import, AStoreThatMustExistIsNotCreated) {
  // PostgreSQL: the server's empty database (made by its administrator) has no sosei schema yet.
  std::string missing = path_ + ".typo.db";
  if (!sqlite()) {
    const std::string name = "t" + std::to_string(::getpid()) + "_empty";
    drop_database(*postgres_cluster(), name);
    ASSERT_EQ(create_database(*postgres_cluster(), name), "");
    missing = postgres_uri(*postgres_cluster(), name);
  }
  StoreConfig config;
  config.location = missing;
  config.clock = &clock_;
  config.create_if_missing = false;
  try {
    open_store(config);
    FAIL() << "opened a store that does not exist";
  } catch (const NoDatabase& e) {
    EXPECT_EQ(e.location(), missing);
  }
  if (sqlite()) {
    EXPECT_FALSE(std::filesystem::exists(missing));
  }
  EXPECT_FALSE(store_exists(missing));
  if (!sqlite()) {
    EXPECT_EQ(postgres_query(missing, "SELECT to_regclass('schema_migrations')"), "");  // nothing created
    drop_database(*postgres_cluster(), "t" + std::to_string(::getpid()) + "_empty");
  }
  config.location = path_;  // the fixture's store exists
  EXPECT_TRUE(store_exists(path_));
  EXPECT_NO_THROW(open_store(config));
}

}  // namespace
}  // namespace sosei::store::test

// Issue 14 §1: a key put twice in one run reaches the duplicate handler with both locations and is not
// stored again, whichever way the first was written (batched insert of a new series, a lookup, a
// revision, an unchanged value).
namespace sosei::store::test {
namespace {

ObservationData at(double n, const std::string& location) {
  ObservationData d = number(n);
  d.location = location;
  return d;
}

std::vector<std::string> put_twice(Store& store, const std::vector<int>& repeats, int rows, double value) {
  std::vector<std::string> found;
  auto run = store.begin_import(start());
  run->on_duplicate([&](const DuplicateKey& d) { found.push_back(d.first_location + ">" + d.location); });
  for (int i = 0; i < rows; ++i)
    run->put(key("stops", Period::date_of(2025, 4, 1 + i % 28), {{"stop", std::to_string(i / 28)}}),
             at(value, "f:" + std::to_string(i + 1)));
  for (int r : repeats)
    run->put(key("stops", Period::date_of(2025, 4, 1 + r % 28), {{"stop", std::to_string(r / 28)}}),
             at(value + 1, "f:" + std::to_string(rows + 1)));
  run->flush();
  run->commit();
  return found;
}

TEST_P(Import, RepeatedKeyOfANewSeriesInTheSameAndAnEarlierBatch) {
  // 200 rows: three full batches of 64 and a partial one; row 199 waits in the batch, row 3 is written.
  EXPECT_EQ(put_twice(*store_, {199, 2}, 200, 5), (std::vector<std::string>{"f:200>f:201", "f:3>f:201"}));
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), "200");
  EXPECT_EQ(query_one("SELECT count(*) FROM observations WHERE number <> 5"), "0");
}

TEST_P(Import, RepeatedKeyOfStoredValuesUnchangedOrRevised) {
  put_twice(*store_, {}, 100, 5);
  EXPECT_EQ(put_twice(*store_, {7}, 100, 5), std::vector<std::string>{"f:8>f:101"});   // unchanged first
  EXPECT_EQ(put_twice(*store_, {9}, 100, 6), std::vector<std::string>{"f:10>f:101"});  // revised first
  EXPECT_EQ(query_one("SELECT count(*) FROM revisions"), "100");
}

// A run of many values over a stored series, written in batches (the PostgreSQL store's COPY path):
// every outcome a value can have, in one batch, across an explicit flush and in a small flush after
// it, must come out as the row-by-row path gives it on either store.
TEST_P(Import, ManyValuesRevisedLeftAddedAndRepeatedAcrossBatches) {
  const auto stop = [](int i) { return key("stops", Period::date_of(2025, 4, 1), {{"stop", std::to_string(i)}}); };
  int64_t first_run = 0;
  {
    auto run = store_->begin_import(start());
    for (int i = 0; i < 40; ++i)
      if (i < 20 || i >= 30) run->put(stop(i), at(100 + i, "a:" + std::to_string(i)));  // 20–29 come later
    first_run = run->commit().id;
  }
  EvaluationRecord evaluation;
  evaluation.as_of = "2026-03-31";
  evaluation.scheme = "kama";
  const int64_t used_changed = store_->save_evaluation(evaluation, {{stop(5), first_run}});
  const int64_t used_unchanged = store_->save_evaluation(evaluation, {{stop(6), first_run}});

  std::vector<std::string> duplicates;
  auto run = store_->begin_import(start());
  run->on_duplicate([&](const DuplicateKey& d) { duplicates.push_back(d.first_location + ">" + d.location); });
  // Batch 1: stops 0–19 revised (+1000) except the even ones below 10, left as they were (read at
  // another location); stop 20–29 new; stop 3 (revised) and 4 (unchanged) and 25 (new) again.
  for (int i = 0; i < 30; ++i) {
    const bool unchanged = i < 10 && i % 2 == 0;
    run->put(stop(i), at(i < 20 && !unchanged ? 1100 + i : 100 + i, "b:" + std::to_string(i)));
  }
  run->put(stop(3), at(-1, "b:x3"));
  run->put(stop(4), at(-1, "b:x4"));
  run->put(stop(25), at(-1, "b:x25"));
  run->flush();
  EXPECT_TRUE(store_->evaluation(used_changed)->stale);  // the run reads its own stale mark
  // Batch 2 (still many rows): repeats of the first batch's keys, and stops 30–39 as they were.
  run->put(stop(8), at(-1, "c:x8"));
  run->put(stop(9), at(-1, "c:x9"));
  run->put(stop(22), at(-1, "c:x22"));
  run->put(stop(0), at(-1, "c:x0"));
  run->put(stop(1), at(-1, "c:x1"));
  run->put(stop(26), at(-1, "c:x26"));
  for (int i = 30; i < 40; ++i) run->put(stop(i), at(100 + i, "c:" + std::to_string(i)));
  run->put(stop(30), at(-1, "c:x30"));
  run->flush();
  // A small flush (row by row): repeats of the bulk batches' unchanged, revised and new keys.
  run->put(stop(2), at(-1, "d:x2"));
  run->put(stop(11), at(-1, "d:x11"));
  run->put(stop(21), at(-1, "d:x21"));
  const RunRecord r = run->commit();

  EXPECT_EQ(duplicates, (std::vector<std::string>{"b:3>b:x3", "b:4>b:x4", "b:25>b:x25", "b:8>c:x8", "b:9>c:x9",
                                                  "b:22>c:x22", "b:0>c:x0", "b:1>c:x1", "b:26>c:x26", "c:30>c:x30",
                                                  "b:2>d:x2", "b:11>d:x11", "b:21>d:x21"}));
  EXPECT_EQ(r.inserted, 10);
  EXPECT_EQ(r.revised, 15);   // 0–19 but 0, 2, 4, 6, 8
  EXPECT_EQ(r.accepted, 40);  // 30 stored keys and 10 new, each once
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), "40");
  EXPECT_EQ(query_one("SELECT count(*) FROM observations WHERE number < 0"), "0");
  EXPECT_EQ(query_one("SELECT count(*) FROM revisions"), "15");
  const auto history = store_->history("stops", Period::date_of(2025, 4, 1));
  ASSERT_EQ(history.size(), 40u);
  for (const auto& h : history) {
    const int i = std::stoi(h.key.dimensions.at("stop"));
    const bool revised = i < 20 && !(i < 10 && i % 2 == 0);
    ASSERT_EQ(h.revisions.size(), revised ? 1u : 0u) << i;
    if (!revised) continue;
    EXPECT_EQ(h.revisions[0].old_value.number, 100 + i);
    EXPECT_EQ(h.revisions[0].new_value.number, 1100 + i);
    EXPECT_EQ(h.revisions[0].old_location, "a:" + std::to_string(i));
    EXPECT_EQ(h.revisions[0].location, "b:" + std::to_string(i));
    EXPECT_EQ(h.revisions[0].run_id, r.id);
  }
  // An unchanged value keeps where it was first read.
  EXPECT_EQ(store_->values({"stops", std::nullopt, Dimensions{{"stop", "4"}}})[0].data.location, "a:4");
  EXPECT_TRUE(store_->evaluation(used_changed)->stale);
  EXPECT_EQ(store_->evaluation(used_changed)->stale_run_id, r.id);
  EXPECT_FALSE(store_->evaluation(used_unchanged)->stale);
}

TEST_P(Import, RepeatedKeyWithoutHandlerIsARejection) {
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), at(1, "a.csv:12"));
  run->put(key("kpi-1", kFy2024), at(2, "a.csv:47"));
  RunRecord r = run->commit();
  EXPECT_EQ(r.accepted, 1);
  ASSERT_EQ(r.rejections.size(), 1u);
  EXPECT_EQ(r.rejections[0].location, "a.csv:47");
  EXPECT_NE(r.rejections[0].reason.find("a.csv:12"), std::string::npos);
}

}  // namespace
}  // namespace sosei::store::test
