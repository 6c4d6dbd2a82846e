// What only the PostgreSQL store does: migrations raced by two processes apply once, the revisions and
// the audit trail refuse changes at the server, imports of different sources write at once while two
// of one source wait for each other, bulk (COPY) writes find repeated keys across batches, and the
// URI never carries a password.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <latch>
#include <mutex>
#include <thread>

#include "store/postgresql/connection.hpp"
#include "store/postgresql/migrations.hpp"
#include "store_fixture.hpp"
#include "support/postgres_database.hpp"

namespace sosei::store::test {
namespace {

using Postgres = StoreTest;
SOSEI_POSTGRES_SUITE(Postgres);

const Period kFy2024 = Period::fiscal_year(2024);

std::string lock_args(int key) { return std::to_string(pg::kLockClass) + ", " + std::to_string(key); }

// Asks the server until `sql` gives `expected` (a state another thread reaches while it blocks in
// the server), or fails after a minute: a condition read from the server, not a sleep.
void await(PostgresSession& session, const std::string& sql, const std::string& expected) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (session.query(sql) != expected) ASSERT_LT(std::chrono::steady_clock::now(), deadline) << sql;
}

std::string advisory_waiters(int key) {
  // This test's database only: pg_locks lists the cluster's, and other tests run in parallel.
  return "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
         " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = " +
         std::to_string(pg::kLockClass) + " AND objid = " + std::to_string(key);
}

// Runs waiting for the dimension sums of a month another run is summing (dimension_sums.cpp).
std::string sums_waiters() {
  return "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
         " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = " +
         std::to_string(pg::kSumsClass);
}

TEST_P(Postgres, MigrationsRacedByTwoProcessesApplyOnce) {
  // Both openers reach the migration lock while a third session holds it; it lets go only once the
  // server lists both as waiting, so they really race for it.
  store_.reset();
  const std::string fresh = "t" + std::to_string(::getpid()) + "_race";
  drop_database(*postgres_cluster(), fresh);
  ASSERT_EQ(create_database(*postgres_cluster(), fresh), "");
  const std::string uri = postgres_uri(*postgres_cluster(), fresh);
  {
    PostgresSession holder(uri);
    holder.query("SELECT pg_advisory_lock(" + lock_args(pg::kMigrationKey) + ")");
    std::vector<std::string> errors(2);
    auto opener = [&](std::size_t i) {
      try {
        StoreConfig config;
        config.location = uri;
        config.clock = &clock_;
        EXPECT_EQ(open_store(config)->schema_version(), pg::latest_schema_version());
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    };
    std::thread a(opener, 0), b(opener, 1);
    await(holder, advisory_waiters(pg::kMigrationKey), "2");
    holder.query("SELECT pg_advisory_unlock(" + lock_args(pg::kMigrationKey) + ")");
    a.join();
    b.join();
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    EXPECT_EQ(holder.query("SELECT count(*) FROM schema_migrations"), std::to_string(pg::latest_schema_version()));
    EXPECT_EQ(holder.query("SELECT count(DISTINCT applied_at) FROM schema_migrations"), "1");
  }
  drop_database(*postgres_cluster(), fresh);
}

TEST_P(Postgres, RevisionsAndAuditTrailRefuseChangesAtTheServer) {
  for (const double v : {1.0, 2.0}) {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), number(v));
    run->commit();
  }
  AuditEvent approve;
  approve.who = {Actor::Kind::Cli, "kikaku", "", 0, 0};
  approve.action = "approval.approve";
  approve.after = "2";
  store_->append_audit(approve);
  ASSERT_EQ(query_one("SELECT count(*) FROM revisions"), "1");
  ASSERT_EQ(query_one("SELECT count(*) FROM audit_events"), "1");  // the revision is not copied (migration 9)
  ASSERT_EQ(query_one("SELECT count(*) FROM audit_trail"), "2");
  for (const char* sql : {"UPDATE revisions SET new_number = 3", "DELETE FROM revisions", "TRUNCATE revisions CASCADE",
                          "UPDATE audit_events SET after = '3'", "DELETE FROM audit_events", "TRUNCATE audit_events"})
    EXPECT_NE(exec_error(sql).find("append-only"), std::string::npos) << sql;
  EXPECT_EQ(query_one("SELECT count(*) FROM revisions"), "1");
  EXPECT_EQ(query_one("SELECT after FROM audit_events"), "2");
}

// Migration 10 checks the references of observations and revisions per statement instead of by
// foreign keys: the server still refuses a row naming what does not exist, and removing what a row
// names.
TEST_P(Postgres, ReferencesOfObservationsAndRevisionsAreCheckedAtTheServer) {
  for (const double v : {1.0, 2.0}) {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), number(v));
    run->commit();
  }
  const std::string before = dump_table("observations") + dump_table("revisions") + dump_table("import_runs");
  const std::string columns =
      "INSERT INTO observations(series, period_kind, period_year, dimensions, value_kind, number, source, first_run_id,"
      " first_value_kind, first_number, created_at, run_id, updated_at) VALUES ('s', 'fiscal_year', 2024, '{}',"
      " 'number', 1, ";
  for (const std::string& sql :
       {columns + "'nowhere', 1, 'number', 1, now(), 1, now())",       // no such source
        columns + "'tourism_csv', 99, 'number', 1, now(), 1, now())",  // no such first run
        columns + "'tourism_csv', 1, 'number', 1, now(), 99, now())",  // no such run
        std::string("UPDATE observations SET run_id = 99"),
        std::string("INSERT INTO revisions(observation_id, run_id, changed_at, old_value_kind, new_value_kind)"
                    " VALUES (99, 1, now(), 'number', 'number')"),
        std::string("INSERT INTO revisions(observation_id, run_id, changed_at, old_value_kind, new_value_kind)"
                    " SELECT id, 99, now(), 'number', 'number' FROM observations"),
        std::string("DELETE FROM import_runs WHERE id = 1"),  // the first run of the observation
        std::string("DELETE FROM import_runs WHERE id = 2"),  // the run of the revision
        std::string("UPDATE import_runs SET id = 7 WHERE id = 2"), std::string("DELETE FROM sources"),
        std::string("DELETE FROM observations")}) {  // a revision names it
    const std::string error = exec_error(sql);
    EXPECT_TRUE(error.find("not all of them exist") != std::string::npos ||
                error.find("not both exist") != std::string::npos || error.find("is still named") != std::string::npos)
        << sql << ": " << error;
  }
  EXPECT_EQ(dump_table("observations") + dump_table("revisions") + dump_table("import_runs"), before);
  // What names nothing can go, and a row naming what exists is taken.
  EXPECT_EQ(exec_error(columns + "'tourism_csv', 1, 'number', 1, now(), 2, now())"), "");
  EXPECT_EQ(exec_error("UPDATE import_runs SET status = status"), "");
}

// A database of schema 8, whose trigger copied each revision into audit_events: migration 9 drops the
// trigger, reads the copied revision once (its copy) and every later one from revisions itself.
TEST_P(Postgres, MigrationNineReadsTheRevisionsCopiedBeforeItOnce) {
  store_.reset();
  const std::string fresh = "t" + std::to_string(::getpid()) + "_schema8";
  drop_database(*postgres_cluster(), fresh);
  ASSERT_EQ(create_database(*postgres_cluster(), fresh), "");
  const std::string uri = postgres_uri(*postgres_cluster(), fresh);
  {
    pg::Connection db(uri);
    pg::migrate(db, clock_, 8);
    PostgresSession raw(uri);
    raw.query(R"sql(
INSERT INTO sources(id, first_seen_at) VALUES ('kama_csv', '2026-05-01T00:00:00Z');
INSERT INTO import_runs(id, source, plugin, plugin_version, started_at, status)
  VALUES (1, 'kama_csv', 'csv', '1.0.0', '2026-05-01T00:00:00Z', 'succeeded'),
         (2, 'kama_csv', 'csv', '1.0.0', '2026-05-02T00:00:00Z', 'succeeded');
SELECT setval('import_runs_id_seq', 2);
INSERT INTO observations(id, series, period_kind, period_year, value_kind, number, note, location, source,
  first_run_id, first_value_kind, first_number, created_at, run_id, updated_at)
  VALUES (1, 'startups', 'fiscal_year', 2025, 'number', 6, '確定値', 'v.csv:3', 'kama_csv', 1, 'number', 5,
          '2026-05-01T00:00:00Z', 2, '2026-05-02T00:00:00Z');
SELECT setval('observations_id_seq', 1);
INSERT INTO revisions(observation_id, run_id, changed_at, old_value_kind, old_number, new_value_kind, new_number,
  old_note, new_note, old_location, new_location)
  VALUES (1, 2, '2026-05-02T00:00:00Z', 'number', 5, 'number', 6, '速報値', '確定値', 'v.csv:3', 'v.csv:3');
)sql");
    ASSERT_EQ(raw.query("SELECT count(*) FROM audit_events"), "1");  // migration 8's trigger copied it
  }
  StoreConfig config;
  config.location = uri;
  config.clock = &clock_;
  {
    auto store = open_store(config);
    EXPECT_EQ(store->schema_version(), pg::latest_schema_version());
    auto run = store->begin_import(start("kama_csv"));
    run->put(key("startups", Period::fiscal_year(2025)), number(7));
    run->commit();
    const auto events = store->audit({"startups", "", "value.revise", std::nullopt, 0});
    ASSERT_EQ(events.size(), 2u);
    EXPECT_GT(events[0].id, 0);  // the copy in audit_events, not read again from revisions
    EXPECT_EQ(events[0].revision_id, 0);
    EXPECT_EQ(events[0].at, "2026-05-02T00:00:00.000Z");
    EXPECT_EQ(events[0].before, "5");
    EXPECT_EQ(events[0].after, "6");
    EXPECT_EQ(events[1].id, 0);  // read from the revision itself
    EXPECT_GT(events[1].revision_id, 0);
    EXPECT_EQ(events[1].who.name, "kama_csv");
    EXPECT_EQ(events[1].before, "6");
    EXPECT_EQ(events[1].after, "7");
    const auto h = store->history("startups", Period::fiscal_year(2025));
    ASSERT_EQ(h.size(), 1u);
    ASSERT_EQ(h[0].revisions.size(), 2u);
    EXPECT_EQ(h[0].first_note, "速報値");
    EXPECT_EQ(h[0].revisions[1].new_value, Value::of(7));
  }
  EXPECT_EQ(postgres_query(uri, "SELECT count(*) FROM audit_events"), "1");  // no trigger copies any more
  drop_database(*postgres_cluster(), fresh);
}

// A shared database of schema 12 holding two cities' values: migration 13 sums each city's values
// (the owner migrating is held by the forced policies otherwise, and would see one city only).
TEST_P(Postgres, MigrationThirteenSumsEveryCitysStoredValues) {
  store_.reset();
  const std::string fresh = "t" + std::to_string(::getpid()) + "_schema12";
  drop_database(*postgres_cluster(), fresh);
  ASSERT_EQ(create_database(*postgres_cluster(), fresh), "");
  const std::string uri = postgres_uri(*postgres_cluster(), fresh);
  {
    pg::Connection db(uri);
    pg::migrate(db, clock_, 12);
  }
  {
    PostgresSession raw(uri);  // the superuser: it writes both cities' rows
    raw.query(R"sql(
INSERT INTO sources(city, id, first_seen_at) VALUES ('402273', 'bus', now()), ('402052', 'bus', now());
INSERT INTO import_runs(city, id, source, plugin, plugin_version, started_at, status)
  VALUES ('402273', 1, 'bus', 'gtfs', '1.0.0', now(), 'succeeded'), ('402052', 2, 'bus', 'gtfs', '1.0.0', now(), 'succeeded');
SELECT setval('import_runs_id_seq', 2);
INSERT INTO observations(city, series, period_kind, period_year, period_month, period_day, dimensions, value_kind,
  number, source, first_run_id, first_value_kind, first_number, created_at, run_id, updated_at)
SELECT c.city, 'boardings', 'date', 2025, 4, d, '{"route":"a"}', 'number', c.n * d, 'bus', c.run, 'number', c.n * d,
       now(), c.run, now()
FROM (VALUES ('402273', 1, 1), ('402052', 2, 10)) c(city, run, n), generate_series(1, 30) d;
)sql");
  }
  for (const auto& [city, sum] : {std::pair<std::string, double>{"402273", 465}, {"402052", 4650}}) {
    StoreConfig config;
    config.location = uri;
    config.clock = &clock_;
    config.city = city;
    auto store = open_store(config);
    EXPECT_EQ(store->schema_version(), pg::latest_schema_version());
    const auto totals = store->dimension_totals("boardings");
    ASSERT_EQ(totals.size(), 1u) << city;
    EXPECT_EQ(totals[0].period, Period::month_of(2025, 4));
    EXPECT_EQ(totals[0].sum, sum) << city;
    EXPECT_EQ(totals[0].values, 30);
  }
  // The owner is held by the policies again once the migration is done.
  EXPECT_EQ(postgres_query(uri,
                           "SELECT bool_and(relforcerowsecurity) FROM pg_class WHERE relname IN "
                           "('observations', 'dimension_sums')"),
            "t");
  drop_database(*postgres_cluster(), fresh);
}

// Two sources may feed one series: the second run to sum a month waits for the first run's end, then
// sums the month with the first run's values; neither fails on the other's sums.
TEST_P(Postgres, TwoSourcesSummingOneMonthTakeTurnsAndBothCommit) {
  const Dimensions route{{"route", "a"}};
  auto first = store_->begin_import(start("counter_a"));
  first->put(key("boardings", Period::date_of(2025, 4, 1), route), number(1));
  ASSERT_EQ(store_->dimension_totals("boardings").size(), 1u);  // a read during the run: April is summed, and held
  auto other = open();
  std::string second_error;
  std::thread second([&] {
    try {
      auto run = other->begin_import(start("counter_b"));
      run->put(key("boardings", Period::date_of(2025, 4, 2), route), number(2));
      run->commit();
    } catch (const std::exception& e) {
      second_error = e.what();
    }
  });
  PostgresSession watcher(path_);
  await(watcher, sums_waiters(), "1");  // the second run waits for April
  first->commit();
  second.join();
  EXPECT_EQ(second_error, "");
  const auto totals = store_->dimension_totals("boardings");
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].sum, 3);
  EXPECT_EQ(totals[0].values, 2);
}

TEST_P(Postgres, ImportsOfDifferentSourcesWriteAtOnceAndBothCommit) {
  // The first run stays open (its writes uncommitted) while the second starts, writes and commits:
  // if it had to wait for the first, it would give up after lock_wait instead.
  StoreConfig impatient;
  impatient.lock_wait = std::chrono::milliseconds(2000);
  impatient.on_lock_wait = [] { ADD_FAILURE() << "an import of another source waited"; };
  auto other = open(impatient);
  auto first = store_->begin_import(start("tourism_csv"));
  first->put(key("tourism_csv/visitors", kFy2024), number(1));
  auto second = other->begin_import(start("bus_gtfs"));
  second->put(key("bus_gtfs/riders", kFy2024), number(2));
  EXPECT_EQ(second->commit().status, RunStatus::Succeeded);
  EXPECT_EQ(first->commit().status, RunStatus::Succeeded);
  EXPECT_EQ(store_->values({"tourism_csv/visitors", {}, {}}).size(), 1u);
  EXPECT_EQ(store_->values({"bus_gtfs/riders", {}, {}}).size(), 1u);
  EXPECT_EQ(store_->runs().size(), 2u);
}

TEST_P(Postgres, TwoRunsOfOneSourceWaitForEachOther) {
  // The first run commits only once the second reports that it waits for the source's lock.
  std::promise<void> waiting;
  std::once_flag first_wait;
  StoreConfig patient;
  patient.lock_wait = std::chrono::minutes(1);
  patient.on_lock_wait = [&] { std::call_once(first_wait, [&] { waiting.set_value(); }); };
  auto other = open(patient);
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(1));
  std::thread finisher([&, waited = waiting.get_future()] {
    waited.wait();
    run->commit();
  });
  auto second = other->begin_import(start());
  finisher.join();
  second->put(key("kpi-1", kFy2024), number(2));
  EXPECT_EQ(second->commit().revised, 1);  // it saw the first run's committed value
  EXPECT_EQ(store_->runs().size(), 2u);
}

TEST_P(Postgres, ASecondRunOfOneSourceGivesUpAsBusy) {
  StoreConfig impatient;
  impatient.lock_wait = std::chrono::milliseconds(100);
  auto other = open(impatient);
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(1));
  try {
    other->begin_import(start());
    FAIL() << "two runs of one source ran at once";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("busy"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(other->values({"kpi-1", {}, {}}).empty());  // readers never wait, and see committed data
  run->commit();
  auto again = other->begin_import(start());
  again->put(key("kpi-1", kFy2024), number(2));
  EXPECT_EQ(again->commit().revised, 1);
}

TEST_P(Postgres, SavingAnEvaluationWaitsForARunningImportAndSeesItsRevision) {
  {
    auto run = store_->begin_import(start());
    run->put(key("kpi-1", kFy2024), number(1));
    run->commit();
  }
  const int64_t first_run = store_->runs()[0].id;
  EvaluationRecord evaluation;
  evaluation.as_of = "2025-03-31";
  evaluation.scheme = "kama";
  const std::vector<ObservationRef> used = {{key("kpi-1", kFy2024), first_run}};

  auto import = store_->begin_import(start());
  import->put(key("kpi-1", kFy2024), number(2));  // a revision, not committed yet
  std::promise<void> go;
  std::once_flag once;
  bool waited = false;
  StoreConfig patient;
  patient.lock_wait = std::chrono::minutes(1);
  patient.on_lock_wait = [&] {
    waited = true;
    std::call_once(once, [&] { go.set_value(); });
  };
  auto other = open(patient);
  std::thread finisher([&, signal = go.get_future()] {
    signal.wait();
    import->commit();
  });
  const int64_t id = other->save_evaluation(evaluation, used);
  std::call_once(once, [&] { go.set_value(); });  // it did not wait: let the import finish anyway
  finisher.join();
  EXPECT_TRUE(waited);
  const auto saved = other->evaluation(id);
  ASSERT_TRUE(saved);
  EXPECT_TRUE(saved->stale);  // saved after the revision it had not seen
  EXPECT_EQ(saved->stale_run_id, store_->runs()[0].id);
}

TEST_P(Postgres, ApprovingWaitsForARunningImport) {
  auto import = store_->begin_import(start());
  EXPECT_TRUE(import->locked_periods().empty());
  import->put(key("kpi-1", kFy2024), number(1));
  std::promise<void> go;
  std::once_flag once;
  bool waited = false;
  StoreConfig patient;
  patient.lock_wait = std::chrono::minutes(1);
  patient.on_lock_wait = [&] {
    waited = true;
    std::call_once(once, [&] { go.set_value(); });
  };
  auto other = open(patient);
  std::thread finisher([&, signal = go.get_future()] {
    signal.wait();
    import->commit();
  });
  AuditEvent event;
  event.who = {Actor::Kind::Cli, "kikaku", "", 0, 0};
  event.action = "approval.approve";
  event.kpi = "kpi-1";
  event.period = kFy2024;
  const bool changed = other->change_approval("kpi-1", kFy2024, ApprovalState::Entered, ApprovalState::Approved, event);
  std::call_once(once, [&] { go.set_value(); });
  finisher.join();
  EXPECT_TRUE(changed);
  EXPECT_TRUE(waited);  // the import's view of the locks (none) held until it committed
  EXPECT_EQ(store_->approval("kpi-1", kFy2024).state, ApprovalState::Approved);
}

TEST_P(Postgres, ARunWhoseConnectionDropsIsRecordedAsFailedAndTheNextStoresOnce) {
  {
    auto seed = store_->begin_import(start());
    seed->put(key("kpi-1", kFy2024), number(1));
    seed->put(key("kpi-2", kFy2024), number(1));
    seed->commit();
  }
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(2));
  run->flush();  // written in the run's transaction
  // The server ends the run's session (as a restart or an administrator would); the next write fails.
  PostgresSession admin(path_);
  const std::string pid = admin.query(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'sosei'"
      " AND state = 'idle in transaction'");
  ASSERT_NE(pid, "");
  ASSERT_EQ(admin.query("SELECT pg_terminate_backend(" + pid + ")"), "t");
  await(admin, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid, "0");
  try {
    run->put(key("kpi-2", kFy2024), number(2));
    run->flush();  // a value may wait in the run's buffer until then
    FAIL() << "wrote on a dropped connection";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("接続が切れました"), std::string::npos) << e.what();
    const RunRecord failed = run->fail(e.what());  // on a new connection
    EXPECT_EQ(failed.status, RunStatus::Failed);
    ASSERT_TRUE(store_->run(failed.id));
    EXPECT_EQ(store_->run(failed.id)->status, RunStatus::Failed);
  }
  EXPECT_EQ(store_->values({"kpi-1", {}, {}})[0].data.value, Value::of(1));  // nothing of it stored
  auto retry = store_->begin_import(start());
  retry->put(key("kpi-1", kFy2024), number(2));
  retry->put(key("kpi-2", kFy2024), number(2));
  EXPECT_EQ(retry->commit().revised, 2);
  ASSERT_EQ(store_->history("kpi-1", kFy2024).size(), 1u);
  EXPECT_EQ(store_->history("kpi-1", kFy2024)[0].revisions.size(), 1u);
  EXPECT_EQ(query_one("SELECT count(*) FROM import_runs"), "3");
}

TEST_P(Postgres, BulkWritesFindKeysRepeatedInAnEarlierBatch) {
  // More rows than one COPY batch of a new series, with keys of the first batch repeated in the last.
  const int rows = 20000;
  std::vector<std::string> duplicates;
  auto run = store_->begin_import(start());
  run->on_duplicate([&](const DuplicateKey& d) { duplicates.push_back(d.first_location + ">" + d.location); });
  for (int day = 0; day < rows; ++day)
    run->put(key("tourism_csv/visits", Period::fiscal_year(2024), {{"spot", std::to_string(day)}}),
             {Value::of(day), 0, "", "v.csv:" + std::to_string(day + 2)});
  run->put(key("tourism_csv/visits", Period::fiscal_year(2024), {{"spot", "7"}}), {Value::of(-1), 0, "", "v.csv:x"});
  run->put(key("tourism_csv/visits", Period::fiscal_year(2024), {{"spot", "19999"}}),
           {Value::of(-1), 0, "", "v.csv:y"});
  RunRecord r = run->commit();
  EXPECT_EQ(r.inserted, rows);
  EXPECT_EQ(r.accepted, rows);
  EXPECT_EQ(duplicates, (std::vector<std::string>{"v.csv:9>v.csv:x", "v.csv:20001>v.csv:y"}));
  EXPECT_EQ(query_one("SELECT count(*) FROM observations WHERE number < 0"), "0");
  EXPECT_EQ(query_one("SELECT sum(number)::bigint FROM observations"), std::to_string(int64_t{rows} * (rows - 1) / 2));
}

// A batch of new keys is inserted while the importer reads the next rows (its result collected
// later). A key of that batch repeated in the next one, and the run's other statements (source state,
// series metadata) sent while it is still being inserted, must come out as if it had been waited for.
TEST_P(Postgres, ABatchInsertedWhileTheRunGoesOnIsCountedAndItsRepeatsFound) {
  const int rows = 8192 + 100;  // one COPY batch (observation_writer.hpp's kRows) and a part of the next
  std::vector<std::string> duplicates;
  auto run = store_->begin_import(start());
  run->on_duplicate([&](const DuplicateKey& d) { duplicates.push_back(d.first_location + ">" + d.location); });
  const auto spot = [](const std::string& s) {
    return key("tourism_csv/visits", Period::fiscal_year(2024), {{"spot", s}});
  };
  for (int i = 0; i < rows; ++i) {
    run->put(spot(std::to_string(i)), {Value::of(i), 0, "", "v.csv:" + std::to_string(i + 2)});
    if (i == 8192) {  // the first batch has just been sent
      run->set_state("cursor", "8192");
      EXPECT_EQ(run->state("cursor"), "8192");
      run->put(spot("7"), {Value::of(-1), 0, "", "v.csv:x"});  // alone in its batch, repeated from the first
    }
  }
  const RunRecord r = run->commit();
  EXPECT_EQ(r.inserted, rows);
  EXPECT_EQ(r.accepted, rows);
  EXPECT_EQ(duplicates, (std::vector<std::string>{"v.csv:9>v.csv:x"}));
  EXPECT_EQ(query_one("SELECT count(*) FROM observations WHERE number < 0"), "0");
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), std::to_string(rows));
}

TEST_P(Postgres, ExactNumbersAndTextsSurviveTheBulkPath) {
  const double awkward[] = {0.1 + 0.2, 1e-300, -123456789.123456789, 6.02214076e23};
  auto run = store_->begin_import(start());
  int i = 0;
  for (const double v : awkward)
    run->put(key("s/x", Period::fiscal_year(2020 + i++)), {Value::of(v), 0, "tab\there\nnew line \\ back", "f.csv:1"});
  for (; i < 40; ++i) run->put(key("s/x", Period::fiscal_year(2020 + i)), number(i));  // enough rows for a COPY
  run->commit();
  const auto v = store_->values({"s/x", {}, {}});
  ASSERT_EQ(v.size(), 40u);
  for (std::size_t k = 0; k < std::size(awkward); ++k) {
    EXPECT_EQ(v[k].data.value.number, awkward[k]);
    EXPECT_EQ(v[k].data.note, "tab\there\nnew line \\ back");
  }
}

TEST_P(Postgres, APasswordInTheUriIsRefused) {
  StoreConfig config;
  config.location = "postgresql://sosei:secret@localhost/sosei";
  try {
    open_store(config);
    FAIL() << "opened a URI with a password";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("~/.pgpass"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
}

TEST_P(Postgres, AServerThatCannotBeReachedSaysWhatToCheck) {
  StoreConfig config;
  config.location = "postgresql:///sosei?host=" + *postgres_cluster() + "/nowhere&user=postgres";
  try {
    open_store(config);
    FAIL() << "opened a store on no server";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("接続できません"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("サーバーが動いているか"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sosei::store::test
