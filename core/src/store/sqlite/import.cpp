// An import run over SQLite. Everything (the run row, observations, revisions, the dimension sums,
// stale marks of the evaluations that used a revised observation, state) is written in one BEGIN IMMEDIATE transaction;
// fail() rolls it all back and records the run in a short second one.
#include "store/sqlite/import.hpp"

#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>

#include "store/canonical_json.hpp"
#include "store/sqlite/columns.hpp"
#include "store/sqlite/evaluations.hpp"
#include "store/sqlite/flags.hpp"
#include "store/sqlite/insert_batch.hpp"
#include "store/sqlite/observation_bits.hpp"
#include "store/sqlite/revision_batch.hpp"
#include "store/sqlite/series_info.hpp"
#include "store/sqlite/signoff.hpp"
#include "store/sqlite/sum_deltas.hpp"

namespace sosei::store {
namespace {

// Rejections kept per run; all of them are counted.
constexpr std::size_t kKeptRejections = 100;

constexpr const char* kInsertSource =
    "INSERT INTO sources(id, first_seen_at) VALUES (?1, ?2) ON CONFLICT(id) DO NOTHING";
constexpr const char* kInsertRun =
    "INSERT INTO import_runs(id, source, plugin, plugin_version, started_at, finished_at, status, accepted,"
    " rejected, inserted, revised, error, fingerprint)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr const char* kRunIdTaken = "SELECT 1 FROM import_runs WHERE id = ?1";
constexpr const char* kFinishRun =
    "UPDATE import_runs SET finished_at = ?2, status = ?3, accepted = ?4, rejected = ?5, inserted = ?6,"
    " revised = ?7, error = ?8, fingerprint = ?9 WHERE id = ?1";
constexpr const char* kInsertRejection =
    "INSERT INTO run_rejections(run_id, seq, location, reason) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kFindObservation =
    "SELECT id, value_kind, number, flags, note, location, run_id FROM observations WHERE series = ?1 AND period_kind "
    "= ?2"
    " AND period_year = ?3 AND period_month = ?4 AND period_day = ?5 AND dimensions = ?6";
// The first value is the inserted one: ?7/?8 fill both value_kind/number and first_value_kind/first_number.
// (InsertBatch writes the same columns for many rows at once.)
constexpr const char* kInsertObservation =
    "INSERT INTO observations(series, period_kind, period_year, period_month, period_day, dimensions,"
    " value_kind, number, flags, note, location, source, first_run_id, first_value_kind, first_number,"
    " created_at, run_id, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?7, ?8, ?14, ?13, ?14)";
// Withdrawing what this run wrote for a key (an error-level rule rejected it after put).
constexpr const char* kWrittenByRun =
    "SELECT id, first_run_id, value_kind, number FROM observations WHERE series = ?1 AND period_kind = ?2 AND "
    "period_year = ?3"
    " AND period_month = ?4 AND period_day = ?5 AND dimensions = ?6 AND run_id = ?7";
constexpr const char* kDeleteObservation = "DELETE FROM observations WHERE id = ?1";
constexpr const char* kRunRevision =
    "SELECT id, old_value_kind, old_number, old_note, old_location FROM revisions"
    " WHERE observation_id = ?1 AND run_id = ?2 ORDER BY id DESC LIMIT 1";
// The change before it: an earlier revision, else the first import.
constexpr const char* kEarlierChange =
    "SELECT coalesce((SELECT run_id FROM revisions WHERE observation_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT 1),"
    " first_run_id), coalesce((SELECT changed_at FROM revisions WHERE observation_id = ?1 AND id < ?2"
    " ORDER BY id DESC LIMIT 1), created_at) FROM observations WHERE id = ?1";
constexpr const char* kRestore =
    "UPDATE observations SET value_kind = ?2, number = ?3, note = ?4, location = ?5, run_id = ?6, updated_at = ?7"
    " WHERE id = ?1";
constexpr const char* kDeleteRevision = "DELETE FROM revisions WHERE id = ?1";
constexpr const char* kSeriesStored = "SELECT 1 FROM observations WHERE series = ?1 LIMIT 1";
constexpr const char* kAnyCurrentEvaluation = "SELECT EXISTS (SELECT 1 FROM evaluations WHERE stale = 0)";
constexpr const char* kReadState = "SELECT value FROM source_state WHERE source = ?1 AND key = ?2";
constexpr const char* kWriteState =
    "INSERT INTO source_state(source, key, value, updated_run_id) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT(source, key) DO UPDATE SET value = excluded.value, updated_run_id = excluded.updated_run_id";

class SqliteImport final : public ImportTransaction {
 public:
  SqliteImport(std::shared_ptr<Session> session, const RunStart& start)
      : session_(std::move(session)),
        db_(session_->db),
        find_(db_.statement("look up an observation", kFindObservation)),
        insert_(db_.statement("insert an observation", kInsertObservation)),
        series_stored_(db_.statement("look up a series", kSeriesStored)),
        read_state_(db_.statement("read source state", kReadState)),
        write_state_(db_.statement("save source state", kWriteState)),
        txn_(db_, "start an import run") {
    record_.source = start.source;
    record_.plugin = start.plugin;
    record_.plugin_version = start.plugin_version;
    record_.started_at = stamp_ = session_->now();
    insert_source();
    record_.id = insert_run(false);
    current_evaluations_ = any_current_evaluation();
    session_->import_open = true;
    // Reads through the store during the run see the observations and revisions still waiting.
    session_->flush_import = [this] {
      flush_batches();
      sums_.write();
    };
    holds_slot_ = true;
  }

  ~SqliteImport() override { release(); }  // an open txn_ rolls back in its own destructor

  int64_t run_id() const override { return record_.id; }

  void put(const ObservationKey& key, const ObservationData& data) override {
    require_open("store an observation");
    if (data.value.is_number() && !std::isfinite(data.value.number))
      throw StoreError("cannot store " + key.series + " " + key.period.str() + ": the number is not finite");
    dimensions_.clear();
    append_canonical_json(key.dimensions, dimensions_);

    // A series that had no observation when the run started can only hold what this run inserts:
    // its observations wait in a batch and are inserted together, without looking each one up.
    if (new_series(key.series)) {
      const uint64_t hash = InsertBatch::key_hash(key.series, key.period, dimensions_);
      if (batch_.may_hold(hash)) {  // perhaps the same key twice: write the first, look the second up now
        flush_batch();
        store_one(key.series, key.period, dimensions_, data);
        return;
      }
      batch_.add(key.series, key.period, dimensions_, data, hash);
      if (batch_.full()) flush_batch();
      return;
    }
    store_one(key.series, key.period, dimensions_, data);
  }
  void on_duplicate(std::function<void(const DuplicateKey&)> handler) override { on_duplicate_ = std::move(handler); }

  void flush() override {
    require_open("write the waiting observations");
    flush_batches();
  }

  bool withdraw(const ObservationKey& key) override {
    require_open("withdraw an observation");
    flush_batches();
    dimensions_.clear();
    append_canonical_json(key.dimensions, dimensions_);
    int64_t id = 0;
    bool inserted = false;
    Value current;
    {
      sqlite::Statement& s = db_.statement("look up a value of this run", kWrittenByRun);
      sqlite::Use use(s);
      s.bind(1, key.series);
      bind_period(s, 2, key.period);
      s.bind(6, dimensions_);
      s.bind(7, record_.id);
      if (!s.step()) return false;
      id = s.int64(0);
      inserted = s.int64(1) == record_.id;
      current = read_value(s, 2);
    }
    sums_.add(key.series, key.period, dimensions_, current, -1);
    if (inserted) {
      sqlite::Statement& d = db_.statement("withdraw an inserted value", kDeleteObservation);
      d.bind(1, id);
      d.run();
      --record_.inserted;
    } else {
      sums_.add(key.series, key.period, dimensions_, restore_before_run(id), +1);
      --record_.revised;
    }
    --record_.accepted;
    return true;
  }

  void set_flags(const ObservationKey& key, const std::vector<FlagRaise>& raised) override {
    require_open("record data-quality flags");
    flags_dimensions_.clear();
    append_canonical_json(key.dimensions, flags_dimensions_);
    write_sqlite_flags(*session_, key, flags_dimensions_, raised, {Actor::Kind::Run, record_.source, "", 0, record_.id},
                       stamp_);
  }

  void reject(const Rejection& r) override {
    require_open("record a rejection");
    ++record_.rejected;
    if (record_.rejections.size() < kKeptRejections) record_.rejections.push_back(r);
  }

  std::optional<std::string> state(const std::string& key) override {
    require_open("read source state");
    sqlite::Use use(read_state_);
    read_state_.bind(1, record_.source);
    read_state_.bind(2, key);
    if (!read_state_.step()) return std::nullopt;
    return read_state_.string(0);
  }

  void set_state(const std::string& key, const std::string& value) override {
    require_open("save source state");
    write_state_.bind(1, record_.source);
    write_state_.bind(2, key);
    write_state_.bind(3, value);
    write_state_.bind(4, record_.id);
    write_state_.run();
  }

  void set_fingerprint(const std::string& fingerprint) override { record_.fingerprint = fingerprint; }

  void put_series_info(const SeriesInfo& info) override {
    require_open("record a series' metadata");
    write_sqlite_series_info(db_, info, stamp_);
  }

  const std::vector<Approval>& locked_periods() override {
    if (!locks_read_) {
      locks_ = read_sqlite_locks(db_);
      locks_read_ = true;
    }
    return locks_;
  }

  std::optional<ObservationData> stored(const ObservationKey& key) override {
    require_open("look up an observation");
    flush_batches();  // what waits in a batch is stored for this question
    dimensions_.clear();
    append_canonical_json(key.dimensions, dimensions_);
    sqlite::Use use(find_);
    find_.bind(1, key.series);
    bind_period(find_, 2, key.period);
    find_.bind(6, dimensions_);
    if (!find_.step()) return std::nullopt;
    ObservationData held;
    held.value = read_value(find_, 1);
    held.flags = static_cast<uint32_t>(find_.int64(3));
    held.note = find_.string(4);
    return held;
  }

  const RunRecord& progress() const override { return record_; }

  RunRecord commit(RunStatus status) override {
    require_open("commit the import run");
    if (status == RunStatus::Running) throw StoreError("an import run cannot be committed as still running");
    try {
      flush_batches();
      sums_.write();
      record_.finished_at = session_->now();
      record_.status = status;
      write_rejections();
      finish_run();
      txn_.commit();
    } catch (...) {
      record_.finished_at.clear();
      record_.status = RunStatus::Running;
      phase_ = Phase::RolledBack;  // fail() can still record it
      txn_.rollback();
      throw;
    }
    phase_ = Phase::Finished;
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
        flush_batches();
      } catch (const StoreError&) {  // the run is failing anyway; its counts then stop short
      }
    }
    batch_.clear();
    revisions_.clear();
    sums_.clear();
    txn_.rollback();
    phase_ = Phase::RolledBack;
    record_.finished_at = session_->now();
    record_.status = status;
    record_.error = error;

    sqlite::Transaction txn(db_, "record a failed import run");
    insert_source();
    record_.id = insert_run(true);
    write_rejections();
    txn.commit();
    phase_ = Phase::Finished;
    release();
    return record_;
  }

  RunRecord discard() override {
    if (phase_ == Phase::Finished) throw StoreError("the import run has already finished");
    if (phase_ == Phase::Open) flush_batches();  // a dry run reports the counts a real one would have
    batch_.clear();
    revisions_.clear();
    sums_.clear();
    txn_.rollback();
    phase_ = Phase::Finished;
    record_.finished_at = session_->now();  // status stays running: the run never happened
    release();
    return record_;
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

  // Looks the observation up, then inserts it, revises it (a revision row, the new value and stale
  // marks; the first two wait in revisions_) or leaves it as it is; counts it.
  void store_one(const std::string& series, const Period& period, std::string_view dimensions,
                 const ObservationData& data) {
    int64_t id = 0;
    Value old;
    bool found = false, same = false;
    {
      sqlite::Use use(find_);
      find_.bind(1, series);
      bind_period(find_, 2, period);
      find_.bind(6, dimensions);
      found = find_.step();
      if (found) {
        id = find_.int64(0);
        if (revisions_.holds(id)) {  // what was read is older than the waiting revision: write it, read again
          find_.reset();
          write_revisions();
          store_one(series, period, dimensions, data);
          return;
        }
        // Stored by this run already (inserted or revised: its run_id is ours; unchanged: seen_): a
        // duplicate. The second value is never stored, so the host never keeps the last one silently.
        if (find_.int64(6) == record_.id || seen_.test(id)) {
          std::string first(find_.text(5));
          if (auto moved = moved_locations_.find(id); moved != moved_locations_.end()) first = moved->second;
          find_.reset();
          report_duplicate(series, period, dimensions, std::move(first), data.location);
          return;
        }
        seen_.set(id);
        old = read_value(find_, 1);
        same = old == data.value && find_.int64(3) == static_cast<int64_t>(data.flags) && find_.text(4) == data.note;
        // An unchanged row keeps the location of the run that stored it; where this run read it is
        // kept aside (only when it differs) to name it if the key comes again.
        if (same && find_.text(5) != data.location) moved_locations_[id] = data.location;
        if (!same) {
          old_note_.assign(find_.text(4));
          old_location_.assign(find_.text(5));
        }
      }
    }
    if (!found) {
      insert_.bind(1, series);
      bind_period(insert_, 2, period);
      insert_.bind(6, dimensions);
      bind_value(insert_, 7, data.value);
      insert_.bind(9, data.flags);
      insert_.bind(10, data.note);
      insert_.bind(11, data.location);
      insert_.bind(12, record_.source);
      insert_.bind(13, record_.id);
      insert_.bind(14, stamp_);
      insert_.run();
      sums_.add(series, period, dimensions, data.value, +1);
      ++record_.inserted;
    } else if (!same) {
      if (!(old == data.value)) {
        sums_.add(series, period, dimensions, old, -1);
        sums_.add(series, period, dimensions, data.value, +1);
      }
      revisions_.add(id, old, old_note_, old_location_, data);
      if (revisions_.full()) write_revisions();
      if (current_evaluations_) mark_evaluations_stale(db_, id, record_.id, stamp_);
      ++record_.revised;
    }
    ++record_.accepted;
  }

  void flush_batches() {
    flush_batch();
    write_revisions();
  }

  // Puts back the value, note and location the observation had before this run revised it, and
  // removes the revision (stale marks on evaluations stay: a harmless overstatement). Returns the
  // value put back.
  Value restore_before_run(int64_t id) {
    int64_t revision = 0;
    Value old;
    std::string note, location;
    {
      sqlite::Statement& r = db_.statement("read this run's revision", kRunRevision);
      sqlite::Use use(r);
      r.bind(1, id);
      r.bind(2, record_.id);
      if (!r.step()) throw StoreError("observation " + std::to_string(id) + " has no revision of this run");
      revision = r.int64(0);
      old = read_value(r, 1);
      note = r.string(3);
      location = r.string(4);
    }
    int64_t run = 0;
    std::string at;
    {
      sqlite::Statement& e = db_.statement("read the change before this run", kEarlierChange);
      sqlite::Use use(e);
      e.bind(1, id);
      e.bind(2, revision);
      if (!e.step()) throw StoreError("observation " + std::to_string(id) + " vanished");
      run = e.int64(0);
      at = e.string(1);
    }
    sqlite::Statement& u = db_.statement("restore a value", kRestore);
    u.bind(1, id);
    bind_value(u, 2, old);
    u.bind(4, note);
    u.bind(5, location);
    u.bind(6, run);
    u.bind(7, at);
    u.run();
    sqlite::Statement& d = db_.statement("remove a withdrawn revision", kDeleteRevision);
    d.bind(1, revision);
    d.run();
    return old;
  }

  void report_duplicate(const std::string& series, const Period& period, std::string_view dimensions,
                        std::string first_location, const std::string& location) {
    DuplicateKey d{series, period, std::string(dimensions), std::move(first_location), location};
    if (on_duplicate_) {
      on_duplicate_(d);
      return;
    }
    reject({location, "the same key (" + series + " " + period.str() + " " + d.dimensions + ") as " +
                          (d.first_location.empty() ? std::string("an earlier row") : d.first_location)});
  }

  void write_revisions() {
    if (!revisions_.empty()) revisions_.write(record_.source, record_.id, stamp_);
  }

  // Writes the waiting observations of new series: a full batch with one statement; when one of its
  // keys is already stored (emitted in an earlier batch of this run), or for the last few rows, one
  // by one through store_one, in the order they came.
  void flush_batch() {
    if (batch_.empty()) return;
    if (batch_.full() && batch_.insert_all(record_.source, record_.id, stamp_)) {
      for (std::size_t i = 0; i < batch_.size(); ++i) {
        const InsertBatch::Row& r = batch_.row(i);
        sums_.add(r.series, r.period, r.dimensions, r.data.value, +1);
      }
      record_.inserted += static_cast<int64_t>(batch_.size());
      record_.accepted += static_cast<int64_t>(batch_.size());
    } else {
      for (std::size_t i = 0; i < batch_.size(); ++i) {
        const InsertBatch::Row& r = batch_.row(i);
        store_one(r.series, r.period, r.dimensions, r.data);
      }
    }
    batch_.clear();
  }

  // True when `series` had no observation at all when this run started. Checked once per series per
  // run; consecutive observations of one series skip the map.
  bool new_series(const std::string& series) {
    if (series == last_series_) return last_series_new_;
    auto it = series_new_.find(series);
    if (it == series_new_.end()) {
      sqlite::Use use(series_stored_);
      series_stored_.bind(1, series);
      it = series_new_.emplace(series, !series_stored_.step()).first;
    }
    last_series_ = series;
    last_series_new_ = it->second;
    return last_series_new_;
  }

  // Whether a stored evaluation could become stale in this run. It cannot change while the run is
  // open: the run holds the write lock, and this connection cannot save an evaluation inside it.
  bool any_current_evaluation() {
    sqlite::Statement& s = db_.statement("look for current evaluations", kAnyCurrentEvaluation);
    sqlite::Use use(s);
    return s.step() && s.int64(0) != 0;
  }

  void insert_source() {
    sqlite::Statement& s = db_.statement("register the source", kInsertSource);
    s.bind(1, record_.source);
    s.bind(2, stamp_);
    s.run();
  }

  // Inserts the run row as it is now. `keep_id`: reuse record_.id unless another run took it after a
  // rollback, so a failed run usually keeps the id its caller saw.
  int64_t insert_run(bool keep_id) {
    if (keep_id) {
      sqlite::Statement& taken = db_.statement("check a run id", kRunIdTaken);
      sqlite::Use use(taken);
      taken.bind(1, record_.id);
      keep_id = !taken.step();
    }
    sqlite::Statement& s = db_.statement("record the import run", kInsertRun);
    if (keep_id)
      s.bind(1, record_.id);
    else
      s.bind_null(1);
    s.bind(2, record_.source);
    s.bind(3, record_.plugin);
    s.bind(4, record_.plugin_version);
    s.bind(5, record_.started_at);
    if (record_.finished_at.empty())
      s.bind_null(6);
    else
      s.bind(6, record_.finished_at);
    s.bind(7, column_text(record_.status));
    s.bind(8, record_.accepted);
    s.bind(9, record_.rejected);
    s.bind(10, record_.inserted);
    s.bind(11, record_.revised);
    s.bind(12, record_.error);
    s.bind(13, record_.fingerprint);
    s.run();
    return db_.last_insert_rowid();
  }

  void finish_run() {
    sqlite::Statement& s = db_.statement("finish the import run", kFinishRun);
    s.bind(1, record_.id);
    s.bind(2, record_.finished_at);
    s.bind(3, column_text(record_.status));
    s.bind(4, record_.accepted);
    s.bind(5, record_.rejected);
    s.bind(6, record_.inserted);
    s.bind(7, record_.revised);
    s.bind(8, record_.error);
    s.bind(9, record_.fingerprint);
    s.run();
  }

  void write_rejections() {
    sqlite::Statement& s = db_.statement("record a rejection", kInsertRejection);
    int64_t seq = 0;
    for (const Rejection& r : record_.rejections) {
      s.bind(1, record_.id);
      s.bind(2, ++seq);
      s.bind(3, r.location);
      s.bind(4, r.reason);
      s.run();
    }
  }

  std::shared_ptr<Session> session_;
  sqlite::Connection& db_;
  sqlite::Statement& find_;
  sqlite::Statement& insert_;
  sqlite::Statement& series_stored_;
  sqlite::Statement& read_state_;
  sqlite::Statement& write_state_;
  sqlite::Transaction txn_;
  RunRecord record_;
  std::string stamp_;  // started_at; every row the run writes carries it
  Phase phase_ = Phase::Open;
  bool holds_slot_ = false;
  InsertBatch batch_{db_};
  RevisionBatch revisions_{db_};
  SumDeltas sums_{db_};              // added into dimension_sums before anything reads them
  bool current_evaluations_ = true;  // false: no revision needs to look for evaluations to mark stale
  std::string dimensions_;           // reused per put
  std::string flags_dimensions_;
  std::string old_note_;
  std::string old_location_;
  std::function<void(const DuplicateKey&)> on_duplicate_;
  ObservationBits seen_;  // observations this run found and left unchanged or revised
  std::unordered_map<int64_t, std::string> moved_locations_;  // unchanged, read elsewhere than stored
  std::unordered_map<std::string, bool> series_new_;          // series → had no observation when the run started
  std::string last_series_;
  bool last_series_new_ = false;
  std::vector<Approval> locks_;
  bool locks_read_ = false;
};

}  // namespace

std::unique_ptr<ImportTransaction> begin_sqlite_import(std::shared_ptr<Session> session, const RunStart& start) {
  if (session->import_open)
    throw StoreError("an import run is already open on this store; commit, fail or discard it first");
  return std::make_unique<SqliteImport>(std::move(session), start);
}

}  // namespace sosei::store
