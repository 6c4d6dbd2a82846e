// An import run over PostgreSQL. Its run row is committed first as "running", with the run's lock on
// the connection (run_claim.hpp), so a run whose connection drops is failed by the next open instead
// of vanishing. Everything else (observations, revisions — the value audit events —, stale marks,
// flags with their audit events, state, the run's final counts) is written in one transaction;
// fail() rolls it back and records the run in a short second one. Two runs of one source serialise on an
// advisory lock of the source; runs of different sources write in parallel. Every run also holds the
// writers' lock shared, so no evaluation is saved and no period approved while it writes (both take
// it exclusively).
#include "store/postgresql/import.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/canonical_json.hpp"
#include "store/postgresql/columns.hpp"
#include "store/postgresql/dimension_sums.hpp"
#include "store/postgresql/flags.hpp"
#include "store/postgresql/migrations.hpp"
#include "store/postgresql/observation_writer.hpp"
#include "store/postgresql/records.hpp"
#include "store/postgresql/run_claim.hpp"
#include "store/postgresql/signoff.hpp"

namespace sosei::store::pg {
namespace {

// Rejections kept per run; all of them are counted.
constexpr std::size_t kKeptRejections = 100;

// $1-$6 the key, $7-$8 the value, $9 flags, $10 note, $11 location, $12 source, $13 run, $14 time.
// A key the run has met (inserted or revised by it: its run_id; left unchanged: sosei_seen) is a
// duplicate and nothing changes; a stored key is revised when it differs, else noted unchanged with
// where the run read it; a new key is inserted. Data-modifying CTEs all see the row as it was before
// the statement. The row-by-row twin of the bulk writer's statements (observation_writer.cpp).
constexpr const char* kPut =
    "WITH old AS (SELECT o.id, o.value_kind, o.number, o.flags, o.note, o.location,"
    " coalesce(z.location, o.location) AS first_location, o.run_id = $13::bigint OR z.id IS NOT NULL AS met"
    " FROM observations o LEFT JOIN sosei_seen z ON z.id = o.id"
    " WHERE o.series = $1 AND o.period_kind = $2 AND o.period_year = $3 AND o.period_month = $4"
    " AND o.period_day = $5 AND o.dimensions = $6 FOR UPDATE OF o),"
    " changed AS (SELECT * FROM old WHERE NOT met"
    " AND (value_kind, number, flags, note) IS DISTINCT FROM ($7::text, $8::float8, $9::bigint, $10::text)),"
    " revision AS (INSERT INTO revisions(observation_id, run_id, changed_at, old_value_kind, old_number,"
    " new_value_kind, new_number, old_note, new_note, old_location, new_location)"
    " SELECT id, $13, $14, value_kind, number, $7, $8, note, $10, location, $11 FROM changed),"
    " revised AS (UPDATE observations o SET value_kind = $7, number = $8, flags = $9, note = $10, location = $11,"
    " source = $12, run_id = $13, updated_at = $14 FROM changed c WHERE o.id = c.id),"
    " stale AS (UPDATE evaluations e SET stale = true, stale_since = $14, stale_run_id = $13"
    " FROM evaluation_inputs i, changed c WHERE i.observation_id = c.id AND e.id = i.evaluation_id AND NOT e.stale),"
    " unchanged AS (INSERT INTO sosei_seen(id, location) SELECT id, $11 FROM old"
    " WHERE NOT met AND NOT EXISTS (SELECT 1 FROM changed)),"
    " inserted AS (INSERT INTO observations(series, period_kind, period_year, period_month, period_day,"
    " dimensions, value_kind, number, flags, note, location, source, first_run_id, first_value_kind,"
    " first_number, created_at, run_id, updated_at)"
    " SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $7, $8, $14, $13, $14"
    " WHERE NOT EXISTS (SELECT 1 FROM old))"
    " SELECT id, first_location, met, EXISTS (SELECT 1 FROM changed) FROM old";
constexpr const char* kFind =
    "SELECT id, value_kind, number, flags, note, location, run_id FROM observations WHERE series = $1"
    " AND period_kind = $2 AND period_year = $3 AND period_month = $4 AND period_day = $5 AND dimensions = $6";

class PostgresImport final : public ImportTransaction, public ObservationWriter::Run {
 public:
  PostgresImport(std::shared_ptr<Session> session, const RunStart& start)
      : session_(std::move(session)), db_(session_->db), writer_(*session_) {
    record_.source = start.source;
    record_.plugin = start.plugin;
    record_.plugin_version = start.plugin_version;
    record_.started_at = session_->now();
    record_.id = claim_run(db_, record_);
    try {
      txn_.emplace(db_);
      session_->lock("wait for saved evaluations and approvals", "advisory_xact_lock_shared", kWritersClass, kCityKey,
                     Params());
      session_->lock("wait for another import of the same source", "advisory_xact_lock", kSourceClass, kSourceKey,
                     Params().text(record_.source));
      db_.exec("note the keys the run leaves unchanged", kSeenTable);
    } catch (...) {  // refused before it wrote anything: no record, as on SQLite
      rollback_quietly();
      withdraw_run(db_, record_.id);
      throw;
    }
    // The run starts once it holds the locks (its row is stamped again when it ends).
    record_.started_at = stamp_ = session_->now();
    session_->import_open = true;
    session_->flush_import = [this] {
      writer_.flush(*this);
      touched_.resum(db_);
    };
    holds_slot_ = true;
  }

  // Destroyed open (or after a failed commit without fail()): rolled back, and its row removed — unless
  // the connection dropped under it, which the run's record must say.
  ~PostgresImport() override {
    if (phase_ != Phase::Finished) {
      writer_.clear();
      // Asked before and after the rollback: a connection found dropped is opened again by it.
      bool lost = db_.lost();
      rollback_quietly();
      lost = lost || db_.lost();
      if (lost)
        abandon_run(db_, record_.id, session_->now());
      else
        withdraw_run(db_, record_.id);
    }
    release();
  }
  PostgresImport(const PostgresImport&) = delete;
  PostgresImport& operator=(const PostgresImport&) = delete;

  int64_t run_id() const override { return record_.id; }

  void put(const ObservationKey& key, const ObservationData& data) override {
    require_open("store an observation");
    if (data.value.is_number() && !std::isfinite(data.value.number))
      throw StoreError("cannot store " + key.series + " " + key.period.str() + ": the number is not finite");
    // Every value goes through the bulk writer (COPY); a run of a few values goes row by row when
    // it is flushed.
    writer_.add(key.series, key.period, canonical_json(key.dimensions), data, new_series(key.series), *this);
    touched_.note(key.series, key.period, !key.dimensions.empty());
  }

  void on_duplicate(std::function<void(const DuplicateKey&)> handler) override { on_duplicate_ = std::move(handler); }

  void flush() override {
    require_open("write the waiting observations");
    writer_.flush(*this);
  }

  bool withdraw(const ObservationKey& key) override {
    require_open("withdraw an observation");
    writer_.flush(*this);
    touched_.note(key.series, key.period, !key.dimensions.empty());
    const std::string dimensions = canonical_json(key.dimensions);
    Result r = db_.prepared("look up a value of this run", "written_by_run",
                            "SELECT id, first_run_id FROM observations WHERE series = $1 AND period_kind = $2"
                            " AND period_year = $3 AND period_month = $4 AND period_day = $5 AND dimensions = $6"
                            " AND run_id = $7",
                            add_period(Params().text(key.series), key.period).text(dimensions).int64(record_.id));
    if (r.rows() == 0) return false;
    const int64_t id = r.int64(0, 0);
    if (r.int64(0, 1) == record_.id) {
      db_.prepared("withdraw an inserted value", "delete_observation", "DELETE FROM observations WHERE id = $1",
                   Params().int64(id));
      --record_.inserted;
    } else {
      restore_before_run(id);
      --record_.revised;
    }
    --record_.accepted;
    return true;
  }

  void set_flags(const ObservationKey& key, const std::vector<FlagRaise>& raised) override {
    require_open("record data-quality flags");
    write_flags(*session_, key, canonical_json(key.dimensions), raised,
                {Actor::Kind::Run, record_.source, "", 0, record_.id}, stamp_);
  }

  void reject(const Rejection& r) override {
    require_open("record a rejection");
    ++record_.rejected;
    if (record_.rejections.size() < kKeptRejections) record_.rejections.push_back(r);
  }

  std::optional<std::string> state(const std::string& key) override {
    require_open("read source state");
    writer_.settle(*this);
    return read_state(*session_, record_.source, key);
  }

  void set_state(const std::string& key, const std::string& value) override {
    require_open("save source state");
    writer_.settle(*this);
    db_.prepared("save source state", "write_state",
                 "INSERT INTO source_state(source, key, value, updated_run_id) VALUES ($1, $2, $3, $4)"
                 " ON CONFLICT (city, source, key) DO UPDATE SET value = excluded.value,"
                 " updated_run_id = excluded.updated_run_id",
                 Params().text(record_.source).text(key).text(value).int64(record_.id));
  }

  void set_fingerprint(const std::string& fingerprint) override { record_.fingerprint = fingerprint; }

  void put_series_info(const SeriesInfo& info) override {
    require_open("record a series' metadata");
    writer_.settle(*this);
    write_series_info(*session_, info, stamp_);
  }

  const std::vector<Approval>& locked_periods() override {
    if (!locks_read_) {
      writer_.settle(*this);
      locks_ = read_locks(*session_);
      locks_read_ = true;
    }
    return locks_;
  }

  std::optional<ObservationData> stored(const ObservationKey& key) override {
    require_open("look up an observation");
    writer_.flush(*this);
    Result r = find(key.series, key.period, canonical_json(key.dimensions));
    if (r.rows() == 0) return std::nullopt;
    ObservationData held;
    held.value = read_value(r, 0, 1);
    held.flags = static_cast<uint32_t>(r.int64(0, 3));
    held.note = std::string(r.text(0, 4));
    return held;
  }

  const RunRecord& progress() const override { return record_; }

  RunRecord commit(RunStatus status) override {
    require_open("commit the import run");
    if (status == RunStatus::Running) throw StoreError("an import run cannot be committed as still running");
    try {
      writer_.flush(*this);
      touched_.resum(db_);
      record_.finished_at = session_->now();
      record_.status = status;
      write_rejections();
      finish_run();
      txn_->commit();
    } catch (...) {
      record_.finished_at.clear();
      record_.status = RunStatus::Running;
      phase_ = Phase::RolledBack;  // fail() can still record it
      rollback_quietly();
      throw;
    }
    phase_ = Phase::Finished;
    release_run(db_, record_.id);
    release();
    return record_;
  }

  RunRecord fail(const std::string& error, RunStatus status) override {
    if (phase_ == Phase::Finished) throw StoreError("the import run has already finished");
    if (status != RunStatus::Failed && status != RunStatus::Aborted)
      throw StoreError("a failed import run is recorded as failed or aborted");
    // The waiting observations count as far as the run got, though they are rolled back with the rest.
    if (phase_ == Phase::Open) {
      try {
        writer_.flush(*this);
      } catch (const StoreError&) {  // the run is failing anyway; its counts then stop short
      }
    }
    writer_.clear();
    touched_.clear();
    rollback_quietly();
    phase_ = Phase::RolledBack;
    record_.finished_at = session_->now();
    record_.status = status;
    record_.error = error;

    // On the same connection, opened again if the server dropped it (then the run's lock is gone
    // already; if the server is still away this throws and the run stays "running" until an open
    // finds its lock free and fails it).
    // Only a row still "running": one whose commit did reach the server before the connection
    // dropped, or that an open has failed meanwhile, keeps what it says.
    Transaction txn(db_);
    if (finish_run()) write_rejections();
    txn.commit();
    phase_ = Phase::Finished;
    release_run(db_, record_.id);
    release();
    return record_;
  }

  RunRecord discard() override {
    if (phase_ == Phase::Finished) throw StoreError("the import run has already finished");
    if (phase_ == Phase::Open) writer_.flush(*this);  // a dry run reports the counts a real one would have
    writer_.clear();
    touched_.clear();
    rollback_quietly();
    phase_ = Phase::Finished;
    record_.finished_at = session_->now();  // status stays running: the run never happened
    withdraw_run(db_, record_.id);
    release();
    return record_;
  }

  // What the bulk writer needs of the run (observation_writer.hpp).
  RunRecord& record() override { return record_; }
  const std::string& stamp() const override { return stamp_; }
  void report_duplicate(const std::string& series, const Period& period, std::string_view dimensions,
                        std::string first_location, const std::string& location) override {
    DuplicateKey d{series, period, std::string(dimensions), std::move(first_location), location};
    if (on_duplicate_) {
      on_duplicate_(d);
      return;
    }
    reject({location, "the same key (" + series + " " + period.str() + " " + d.dimensions + ") as " +
                          (d.first_location.empty() ? std::string("an earlier row") : d.first_location)});
  }
  // One statement per observation (a flush of a few values): it looks the key up and inserts it, or
  // revises it (a revision, which the audit trail reads as its value.revise event, the new value and
  // stale marks of the evaluations that used it), or leaves it as it is; it returns the row as it
  // was, so the run can count and name it.
  void store_one(const std::string& series, const Period& period, const std::string& dimensions,
                 const ObservationData& data) override {
    Params p;
    add_period(p.text(series), period).text(dimensions);
    add_value(p, data.value)
        .int64(data.flags)
        .text(data.note)
        .text(data.location)
        .text(record_.source)
        .int64(record_.id)
        .text(stamp_);
    Result r = db_.prepared("store an observation", "put_observation", kPut, p);
    if (r.rows() == 0) {
      ++record_.inserted;
      ++record_.accepted;
      return;
    }
    // Met by this run already: a duplicate, left as it was. The second value is never stored, so
    // the host never keeps the last one silently.
    if (r.text(0, 2) == "t") {
      report_duplicate(series, period, dimensions, r.string(0, 1), data.location);
      return;
    }
    if (r.text(0, 3) == "t") ++record_.revised;
    ++record_.accepted;
  }

 private:
  enum class Phase { Open, RolledBack, Finished };

  void require_open(const char* what) const {
    if (phase_ != Phase::Open)
      throw StoreError(std::string("cannot ") + what + ": the import run has already finished");
  }

  void release() {
    if (holds_slot_) {
      session_->import_open = false;
      session_->flush_import = nullptr;
    }
    holds_slot_ = false;
  }

  void rollback_quietly() {
    if (!txn_ || !txn_->open()) return;
    try {
      txn_->rollback();
    } catch (const StoreError&) {  // a lost connection: the server has rolled back already
    }
  }

  Result find(const std::string& series, const Period& period, const std::string& dimensions) {
    return db_.prepared("look up an observation", "find_observation", kFind,
                        add_period(Params().text(series), period).text(dimensions));
  }

  // Puts back the value, note and location the observation had before this run revised it, and
  // removes the revision (allowed only while the run is running): the withdrawn value never was an
  // audit event, as in the SQLite store.
  void restore_before_run(int64_t id) {
    Result revision = db_.prepared("read this run's revision", "run_revision",
                                   "SELECT id, old_value_kind, old_number, old_note, old_location FROM revisions"
                                   " WHERE observation_id = $1 AND run_id = $2 ORDER BY id DESC LIMIT 1",
                                   Params().int64(id).int64(record_.id));
    if (revision.rows() == 0) throw StoreError("observation " + std::to_string(id) + " has no revision of this run");
    const int64_t revision_id = revision.int64(0, 0);
    Params p;
    p.int64(id).int64(revision_id);
    add_value(p, read_value(revision, 0, 1));
    p.text(revision.text(0, 3)).text(revision.text(0, 4));
    // The change before it: an earlier revision, else the first import.
    db_.prepared("restore a value", "restore_observation",
                 "UPDATE observations o SET value_kind = $3, number = $4, note = $5, location = $6,"
                 " run_id = coalesce(e.run_id, o.first_run_id), updated_at = coalesce(e.changed_at, o.created_at)"
                 " FROM (SELECT $1::bigint AS observation_id) k LEFT JOIN LATERAL (SELECT run_id, changed_at FROM"
                 " revisions WHERE observation_id = $1 AND id < $2 ORDER BY id DESC LIMIT 1) e ON true"
                 " WHERE o.id = k.observation_id",
                 p);
    db_.prepared("remove a withdrawn revision", "delete_revision", "DELETE FROM revisions WHERE id = $1",
                 Params().int64(revision_id));
  }

  // True when `series` had no observation at all when this run started. Checked once per series.
  bool new_series(const std::string& series) {
    if (series == last_series_) return last_series_new_;
    auto it = series_new_.find(series);
    if (it == series_new_.end()) {
      writer_.settle(*this);  // the connection must be free for the lookup
      const bool stored = db_.prepared("look up a series", "series_stored",
                                       "SELECT 1 FROM observations WHERE series = $1 LIMIT 1", Params().text(series))
                              .rows() > 0;
      it = series_new_.emplace(series, !stored).first;
    }
    last_series_ = series;
    last_series_new_ = it->second;
    return last_series_new_;
  }

  // False when the row no longer says "running".
  bool finish_run() {
    return db_.prepared(
                  "finish the import run", "finish_run",
                  "UPDATE import_runs SET finished_at = $2, status = $3, accepted = $4, rejected = $5, inserted = $6,"
                  " revised = $7, error = $8, fingerprint = $9, started_at = $10 WHERE id = $1 AND status = 'running'",
                  Params()
                      .int64(record_.id)
                      .text(record_.finished_at)
                      .text(column_text(record_.status))
                      .int64(record_.accepted)
                      .int64(record_.rejected)
                      .int64(record_.inserted)
                      .int64(record_.revised)
                      .text(record_.error)
                      .text(record_.fingerprint)
                      .text(record_.started_at))
               .affected() > 0;
  }

  void write_rejections() {
    int64_t seq = 0;
    for (const Rejection& r : record_.rejections)
      db_.prepared("record a rejection", "insert_rejection",
                   "INSERT INTO run_rejections(run_id, seq, location, reason) VALUES ($1, $2, $3, $4)",
                   Params().int64(record_.id).int64(++seq).text(r.location).text(r.reason));
  }

  std::shared_ptr<Session> session_;
  Connection& db_;
  std::optional<Transaction> txn_;  // the run's data; begun once the run row is committed
  ObservationWriter writer_;
  TouchedMonths touched_;  // summed again at the end (dimension_sums.hpp)
  RunRecord record_;
  std::string stamp_;  // started_at; every row the run writes carries it
  Phase phase_ = Phase::Open;
  bool holds_slot_ = false;
  std::function<void(const DuplicateKey&)> on_duplicate_;
  std::unordered_map<std::string, bool> series_new_;
  std::string last_series_;
  bool last_series_new_ = false;
  std::vector<Approval> locks_;
  bool locks_read_ = false;
};

}  // namespace

std::unique_ptr<ImportTransaction> begin_import(std::shared_ptr<Session> session, const RunStart& start) {
  if (session->import_open)
    throw StoreError("an import run is already open on this store; commit, fail or discard it first");
  return std::make_unique<PostgresImport>(std::move(session), start);
}

}  // namespace sosei::store::pg
