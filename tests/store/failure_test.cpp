// Runs that do not commit: fail() and abort leave the data exactly as it was and record the run;
// discard() and destroying an open run record nothing; rejections are capped but counted.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "store_fixture.hpp"

namespace sosei::store::test {
namespace {

using Failure = StoreTest;
SOSEI_STORE_SUITE(Failure);

const Period kFy2024 = Period::fiscal_year(2024);

// Commits a first run so there is something a failing run could damage.
void seed(Store& store) {
  auto run = store.begin_import(start());
  run->put(key("kpi-1", kFy2024), number(120, "速報値"));
  run->put(key("kpi-2", kFy2024, {{"route", "east"}}), status(ValueKind::InProgress));
  run->set_state("etag", "\"v1\"");
  run->commit();
}

// Starts a run that writes a bit of everything.
std::unique_ptr<ImportTransaction> half_done_run(Store& store, const std::string& source = "tourism_csv") {
  auto run = store.begin_import(start(source));
  run->put(key("kpi-1", kFy2024), number(999));                                   // a revision
  run->put(key("kpi-3", kFy2024), number(1));                                     // a new row
  run->put(key("kpi-2", kFy2024, {{"route", "east"}}), status(ValueKind::Done));  // a revision
  run->set_state("etag", "\"v2\"");
  run->set_state("cursor", "42");
  run->reject({"a.csv:7", "not a number: 'abc'"});
  run->reject({"a.csv:9", "unknown KPI 'kpi-x'"});
  return run;
}

// Lines of `sqlite3 file .dump` for the data tables, or "" when the CLI is not installed.
std::string cli_dump(const std::string& path) {
  std::string command = "sqlite3 '" + path + "' .dump 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return {};
  std::string out, line;
  char buf[4096];
  while (fgets(buf, sizeof buf, pipe.get())) {
    line = buf;
    for (const char* table : {"observations", "revisions", "source_state"})
      if (line.rfind(std::string("INSERT INTO ") + table + " ", 0) == 0) out += line;
  }
  return out;
}

TEST_P(Failure, FailedRunLeavesDataIdenticalAndIsRecorded) {
  seed(*store_);
  const std::string before = dump_data();
  const std::string before_cli = sqlite() ? cli_dump(path_) : "";
  ASSERT_NE(before.find("120"), std::string::npos);
  if (sqlite() && std::system("sqlite3 -version >/dev/null 2>&1") == 0) {
    ASSERT_NE(before_cli.find("INSERT INTO observations"), std::string::npos);
  }

  auto run = half_done_run(*store_);
  const int64_t id = run->run_id();
  // The half-done writes exist on the run's own connection and are invisible to every other one.
  EXPECT_EQ(store_->values({"kpi-1", {}, {}})[0].data.value, Value::of(999));
  EXPECT_EQ(dump_data(), before);
  RunRecord r = run->fail("plugin csv_table returned SOSEI_ERR_INPUT: bad header");

  EXPECT_EQ(dump_data(), before);
  if (sqlite()) {
    EXPECT_EQ(cli_dump(path_), before_cli);
  }
  EXPECT_EQ(r.id, id);
  EXPECT_EQ(r.status, RunStatus::Failed);
  EXPECT_EQ(r.inserted, 1);
  EXPECT_EQ(r.revised, 2);
  EXPECT_EQ(r.rejected, 2);

  auto stored = store_->run(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, RunStatus::Failed);
  EXPECT_EQ(stored->error, "plugin csv_table returned SOSEI_ERR_INPUT: bad header");
  EXPECT_EQ(stored->accepted, 3);
  EXPECT_EQ(stored->revised, 2);
  EXPECT_FALSE(stored->finished_at.empty());
  ASSERT_EQ(stored->rejections.size(), 2u);
  EXPECT_EQ(stored->rejections[0].location, "a.csv:7");
  EXPECT_EQ(stored->rejections[1].reason, "unknown KPI 'kpi-x'");
  EXPECT_EQ(store_->state("tourism_csv", "etag"), "\"v1\"");
  EXPECT_FALSE(store_->state("tourism_csv", "cursor"));
  EXPECT_EQ(store_->values({"kpi-1", {}, {}})[0].data.value, Value::of(120));
}

TEST_P(Failure, FailedRunOfANewSourceRegistersTheSource) {
  auto run = half_done_run(*store_, "new_source");
  RunRecord r = run->fail("boom", RunStatus::Aborted);
  EXPECT_EQ(store_->run(r.id)->status, RunStatus::Aborted);
  EXPECT_EQ(query_one("SELECT count(*) FROM sources WHERE id = 'new_source'"), "1");
  EXPECT_EQ(query_one("SELECT count(*) FROM observations"), "0");
}

TEST_P(Failure, DiscardRecordsNothing) {
  seed(*store_);
  const std::string before = dump_data() + dump_table("import_runs") + dump_table("run_rejections");
  auto run = half_done_run(*store_);
  RunRecord r = run->discard();
  EXPECT_EQ(r.inserted, 1);
  EXPECT_EQ(r.revised, 2);
  EXPECT_EQ(dump_data() + dump_table("import_runs") + dump_table("run_rejections"), before);
  EXPECT_EQ(store_->runs().size(), 1u);
  EXPECT_THROW(run->commit(), StoreError);
}

TEST_P(Failure, DestroyingAnOpenRunRollsBackWithoutRecord) {
  seed(*store_);
  const std::string before = dump_data() + dump_table("import_runs");
  half_done_run(*store_).reset();
  EXPECT_EQ(dump_data() + dump_table("import_runs"), before);
  auto next = store_->begin_import(start());  // the store is free again
  next->commit();
  EXPECT_EQ(store_->runs().size(), 2u);
}

TEST_P(Failure, FailAfterAFailedCommitStillRecords) {
  auto run = store_->begin_import(start());
  EXPECT_THROW(run->commit(RunStatus::Running), StoreError);
  RunRecord r = run->fail("gave up");
  EXPECT_EQ(store_->run(r.id)->status, RunStatus::Failed);
}

TEST_P(Failure, RejectionsCappedAtHundredButCountedFully) {
  auto run = store_->begin_import(start());
  for (int i = 1; i <= 250; ++i) run->reject({"a.csv:" + std::to_string(i), "bad row"});
  EXPECT_EQ(run->progress().rejected, 250);
  RunRecord r = run->commit();
  EXPECT_EQ(r.rejected, 250);
  auto stored = store_->run(r.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->rejected, 250);
  ASSERT_EQ(stored->rejections.size(), 100u);
  EXPECT_EQ(stored->rejections.front().location, "a.csv:1");
  EXPECT_EQ(stored->rejections.back().location, "a.csv:100");
  EXPECT_EQ(query_one("SELECT count(*) FROM run_rejections"), "100");
  EXPECT_TRUE(store_->runs()[0].rejections.empty());
}

TEST_P(Failure, FailedRunKeepsOnlyTheFirstHundredRejections) {
  auto run = store_->begin_import(start());
  for (int i = 1; i <= 150; ++i) run->reject({"a.csv:" + std::to_string(i), "bad row"});
  RunRecord r = run->fail("too many bad rows");
  EXPECT_EQ(store_->run(r.id)->rejected, 150);
  EXPECT_EQ(store_->run(r.id)->rejections.size(), 100u);
}

}  // namespace
}  // namespace sosei::store::test
