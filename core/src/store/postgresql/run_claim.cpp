// The run row committed first and the run's session lock (run_claim.hpp).
#include "store/postgresql/run_claim.hpp"

#include "store/postgresql/columns.hpp"
#include "store/postgresql/migrations.hpp"

namespace sosei::store::pg {
namespace {

// The lock's second key is an int4; run ids of one database never come near 2^31 apart while both
// are running, so the low 31 bits tell open runs apart.
Params lock_key(int64_t run_id) { return Params().int64(kRunClass).int64(run_id & 0x7fffffff); }

bool try_lock(Connection& db, int64_t run_id) {
  return db.exec("take an import run's lock", "SELECT pg_try_advisory_lock($1::int4, $2::int4)", lock_key(run_id))
             .text(0, 0) == "t";
}

void unlock(Connection& db, int64_t run_id) {
  db.exec("release an import run's lock", "SELECT pg_advisory_unlock($1::int4, $2::int4)", lock_key(run_id));
}

}  // namespace

const char* const kAbandonedRunError =
    "接続が切れたため中断されました（サーバーの再起動またはプロセスの強制終了）。"
    "この実行の書き込みはすべて取り消されています。";

int64_t claim_run(Connection& db, const RunRecord& record) {
  Transaction txn(db);
  db.prepared("register the source", "claim_source",
              "INSERT INTO sources(id, first_seen_at) VALUES ($1, $2) ON CONFLICT (city, id) DO NOTHING",
              Params().text(record.source).text(record.started_at));
  const int64_t id = db.prepared("record the import run", "claim_run",
                                 "INSERT INTO import_runs(source, plugin, plugin_version, started_at, status)"
                                 " VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                 Params()
                                     .text(record.source)
                                     .text(record.plugin)
                                     .text(record.plugin_version)
                                     .text(record.started_at)
                                     .text(column_text(RunStatus::Running)))
                         .int64(0, 0);
  // Taken before the row is committed, so nobody can see the row "running" with its lock free. A
  // session lock outlives the transaction it was taken in (and its rollback).
  try_lock(db, id);
  try {
    txn.commit();
  } catch (...) {
    release_run(db, id);
    throw;
  }
  return id;
}

void release_run(Connection& db, int64_t run_id) noexcept {
  try {
    unlock(db, run_id);
  } catch (...) {  // NOLINT(bugprone-empty-catch): a lost connection has released it
  }
}

void withdraw_run(Connection& db, int64_t run_id) noexcept {
  try {
    Transaction txn(db);
    db.prepared("remove an unrecorded run", "withdraw_run",
                "DELETE FROM import_runs WHERE id = $1 AND status = 'running'", Params().int64(run_id));
    txn.commit();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the row stays "running"; a later open fails it
  }
  release_run(db, run_id);
}

void abandon_run(Connection& db, int64_t run_id, const std::string& now) noexcept {
  try {
    db.exec(
        "record a run whose connection dropped as failed",
        "UPDATE import_runs SET status = 'failed', finished_at = $2, error = $3 WHERE id = $1 AND status = 'running'",
        Params().int64(run_id).text(now).text(kAbandonedRunError));
  } catch (...) {  // NOLINT(bugprone-empty-catch): the row stays "running"; a later open fails it
  }
}

int fail_abandoned_runs(Connection& db, const std::string& now) {
  Result running = db.exec("find runs left running", "SELECT id FROM import_runs WHERE status = 'running' ORDER BY id");
  int failed = 0;
  for (int i = 0; i < running.rows(); ++i) {
    const int64_t id = running.int64(i, 0);
    if (!try_lock(db, id)) continue;  // its process still runs it
    // Holding the lock: the run's owner is gone, or has just ended it (then its status says so and
    // this changes nothing).
    try {
      failed += static_cast<int>(db.exec("record a run left running as failed",
                                         "UPDATE import_runs SET status = 'failed', finished_at = $2, error = $3"
                                         " WHERE id = $1 AND status = 'running'",
                                         Params().int64(id).text(now).text(kAbandonedRunError))
                                     .affected());
    } catch (...) {
      release_run(db, id);
      throw;
    }
    unlock(db, id);
  }
  return failed;
}

}  // namespace sosei::store::pg
