// A PostgreSQL import run whose connection goes away: its run row, committed as "running" with the
// run's lock held by its connection, is recorded as failed — by the next open when the importer was
// killed, by the run itself when it can still say so — and never half of it is stored.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "store/connection_lost.hpp"
#include "store/postgresql/migrations.hpp"
#include "store_fixture.hpp"
#include "support/postgres_database.hpp"

namespace sosei::store::test {
namespace {

using ConnectionLoss = StoreTest;
SOSEI_POSTGRES_SUITE(ConnectionLoss);

const Period kFy2024 = Period::fiscal_year(2024);
constexpr const char* kAbandoned = "接続が切れたため中断されました";

void seed(Store& store) {
  auto run = store.begin_import(start());
  run->put(key("kpi-1", kFy2024), number(1));
  run->put(key("kpi-2", kFy2024), number(1));
  run->commit();
}

// The run's session lock as pg_locks names it (run_claim.cpp: class, low 31 bits of the id).
// pg_locks lists the whole cluster's locks: only this test's database counts (other tests run in
// parallel in theirs, with runs of the same ids).
std::string run_lock(int64_t id) {
  return "locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
         " AND classid = " +
         std::to_string(pg::kRunClass) + " AND objid = " + std::to_string(id & 0x7fffffff) + " AND objsubid = 2";
}

// Waits, in the server, until nobody holds run `id`'s lock (a killed client's session ends a moment
// after its process): taking the lock blocks until then.
void await_lock_free(const std::string& uri, int64_t id) {
  PostgresSession admin(uri);
  const std::string args = std::to_string(pg::kRunClass) + ", " + std::to_string(id & 0x7fffffff);
  admin.query("SELECT pg_advisory_lock(" + args + ")");
  admin.query("SELECT pg_advisory_unlock(" + args + ")");
}

TEST_P(ConnectionLoss, AnImporterKilledMidRunIsFailedByTheNextOpenAndTheRetryStoresOnce) {
  seed(*store_);
  const std::string before = dump_data();
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // the importer: writes half a run, says its id, waits to be killed
    ::close(pipe_fds[0]);
    try {
      StoreConfig config;
      config.location = path_;
      config.clock = &clock_;
      auto store = open_store(config);
      auto run = store->begin_import(start());
      run->put(key("kpi-1", kFy2024), number(2));  // a revision, one statement
      for (int year = 2020; year <= 2023; ++year)
        run->put(key("kpi-9", Period::fiscal_year(year)), number(year));  // a new series: COPY
      run->flush();
      const std::string id = std::to_string(run->run_id()) + "\n";
      (void)!::write(pipe_fds[1], id.data(), id.size());
      ::pause();
    } catch (...) {  // NOLINT(bugprone-empty-catch): the parent sees no id and fails
    }
    ::_exit(1);
  }
  ::close(pipe_fds[1]);
  std::string line;
  char c = 0;
  while (::read(pipe_fds[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(pipe_fds[0]);
  if (line.empty()) {
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    FAIL() << "the importer did not start its run";
  }
  const int64_t id = std::stoll(line);

  // Mid-run: its row says running, none of its writes is visible.
  ASSERT_TRUE(store_->run(id));
  EXPECT_EQ(store_->run(id)->status, RunStatus::Running);
  EXPECT_EQ(dump_data(), before);

  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  await_lock_free(path_, id);
  EXPECT_EQ(store_->run(id)->status, RunStatus::Running);  // nobody has opened the store since

  auto next = open();
  const auto failed = next->run(id);
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, RunStatus::Failed);
  EXPECT_NE(failed->error.find(kAbandoned), std::string::npos) << failed->error;
  EXPECT_FALSE(failed->finished_at.empty());
  EXPECT_EQ(dump_data(), before);

  auto retry = next->begin_import(start());
  retry->put(key("kpi-1", kFy2024), number(2));
  for (int year = 2020; year <= 2023; ++year) retry->put(key("kpi-9", Period::fiscal_year(year)), number(year));
  const RunRecord r = retry->commit();
  EXPECT_EQ(r.revised, 1);
  EXPECT_EQ(r.inserted, 4);
  EXPECT_EQ(next->values({"kpi-9", {}, {}}).size(), 4u);
  ASSERT_EQ(next->history("kpi-1", kFy2024).size(), 1u);
  EXPECT_EQ(next->history("kpi-1", kFy2024)[0].revisions.size(), 1u);
  EXPECT_EQ(query_one("SELECT count(*) FROM import_runs"), "3");
  EXPECT_EQ(query_one("SELECT count(*) FROM import_runs WHERE status = 'running'"), "0");
  EXPECT_TRUE(next->integrity_problems().empty());
}

TEST_P(ConnectionLoss, ARunGivenUpAfterTheServerEndedItsSessionIsRecordedFailed) {
  seed(*store_);
  const std::string before = dump_data();
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(2));
  run->flush();
  const int64_t id = run->run_id();
  PostgresSession admin(path_);
  const std::string pid = admin.query("SELECT pid FROM pg_locks WHERE granted AND " + run_lock(id));
  ASSERT_NE(pid, "");  // the run's own connection holds its lock
  ASSERT_EQ(admin.query("SELECT pg_terminate_backend(" + pid + ")"), "t");
  await_lock_free(path_, id);
  // The next write fails: the put (when it asks the server) or the flush that sends it.
  EXPECT_THROW(
      {
        run->put(key("kpi-2", kFy2024), number(2));
        run->flush();
      },
      ConnectionLost);
  run.reset();  // given up without fail(), as when the exception ends the importer

  const auto failed = store_->run(id);  // on the store's new connection
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, RunStatus::Failed);
  EXPECT_NE(failed->error.find(kAbandoned), std::string::npos) << failed->error;
  EXPECT_EQ(dump_data(), before);
  auto retry = store_->begin_import(start());
  retry->put(key("kpi-1", kFy2024), number(2));
  retry->put(key("kpi-2", kFy2024), number(2));
  EXPECT_EQ(retry->commit().revised, 2);
  EXPECT_EQ(query_one("SELECT count(*) FROM import_runs WHERE status = 'failed'"), "1");
}

TEST_P(ConnectionLoss, AnOpenRunIsLeftRunningByAnotherOpen) {
  auto run = store_->begin_import(start());
  run->put(key("kpi-1", kFy2024), number(1));
  auto other = open();  // finds the run "running" with its lock held
  ASSERT_TRUE(other->run(run->run_id()));
  EXPECT_EQ(other->run(run->run_id())->status, RunStatus::Running);
  EXPECT_EQ(run->commit().status, RunStatus::Succeeded);
  EXPECT_EQ(other->run(run->run_id())->status, RunStatus::Succeeded);
  EXPECT_EQ(query_one("SELECT count(*) FROM pg_locks WHERE " + run_lock(run->run_id())), "0");
}

TEST_P(ConnectionLoss, ARunRefusedAsBusyLeavesNoRow) {
  auto holder = store_->begin_import(start());
  StoreConfig config;
  config.lock_wait = std::chrono::milliseconds(50);
  auto other = open(config);
  EXPECT_THROW(other->begin_import(start()), StoreError);
  EXPECT_EQ(query_one("SELECT count(*) FROM import_runs"), "1");  // the holder's, running
  holder->commit();
  EXPECT_EQ(query_one("SELECT count(*) FROM import_runs"), "1");
  EXPECT_EQ(other->runs().size(), 1u);
}

}  // namespace
}  // namespace sosei::store::test
