// The SQLite store: opening and configuring the file, and every read (values, series, histories,
// runs, run summaries, state). Writes happen in import.cpp; stored evaluations, quarantines, tokens,
// series metadata, the audit trail, approvals and comments, and the daemon lock in their own files.
#include "store/sqlite/store.hpp"

#include <filesystem>
#include <string>
#include <unordered_map>

#include "common/clock.hpp"
#include "store/canonical_json.hpp"
#include "store/dimension_total.hpp"
#include "store/run_changes_sql.hpp"
#include "store/sqlite/audit.hpp"
#include "store/sqlite/columns.hpp"
#include "store/sqlite/daemon_lock.hpp"
#include "store/sqlite/evaluations.hpp"
#include "store/sqlite/flags.hpp"
#include "store/sqlite/import.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/quarantines.hpp"
#include "store/sqlite/series_info.hpp"
#include "store/sqlite/session.hpp"
#include "store/sqlite/signoff.hpp"
#include "store/sqlite/table_copy.hpp"
#include "store/sqlite/tokens.hpp"

namespace sosei::store {
namespace {

#define SOSEI_VALUES_COLUMNS                                                                                \
  "SELECT period_kind, period_year, period_month, period_day, dimensions, value_kind, number, flags, note," \
  " location, source, run_id, updated_at,"                                                                  \
  " (SELECT count(*) FROM revisions r WHERE r.observation_id = o.id)"                                       \
  " FROM observations o WHERE series = ?1"
#define SOSEI_VALUES_PERIOD " AND period_kind = ?2 AND period_year = ?3 AND period_month = ?4 AND period_day = ?5"
#define SOSEI_VALUES_DIMENSIONS " AND dimensions = ?6"
#define SOSEI_VALUES_ORDER " ORDER BY period_kind, period_year, period_month, period_day, dimensions"

// One constant statement per filter combination, so each can use the key index.
constexpr const char* kValues = SOSEI_VALUES_COLUMNS SOSEI_VALUES_ORDER;
constexpr const char* kValuesInPeriod = SOSEI_VALUES_COLUMNS SOSEI_VALUES_PERIOD SOSEI_VALUES_ORDER;
constexpr const char* kValuesWithDimensions = SOSEI_VALUES_COLUMNS SOSEI_VALUES_DIMENSIONS SOSEI_VALUES_ORDER;
constexpr const char* kValuesInPeriodWithDimensions =
    SOSEI_VALUES_COLUMNS SOSEI_VALUES_PERIOD SOSEI_VALUES_DIMENSIONS SOSEI_VALUES_ORDER;

// A series one dimension set at a time (sorted once by SQLite, so memory stays flat however long it is).
constexpr const char* kScan =
    "SELECT period_kind, period_year, period_month, period_day, dimensions, value_kind, number, location, run_id"
    " FROM observations WHERE series = ?1 ORDER BY period_kind, period_year, period_month, period_day, dimensions";

// A drill-down's sums, grouped where the rows are: days into their month (the day is left out of the
// grouping and read as 0), text values and values without dimensions left out.
// The sums kept as the values change (sum_deltas.hpp), in their key's order.
constexpr const char* kDimensionTotals =
    "SELECT period_kind, period_year, period_month, 0, dimensions, total, value_count FROM dimension_sums"
    " WHERE series = ?1 AND value_count > 0"
    " ORDER BY period_kind, period_year, period_month, dimensions";

// Values change only inside runs, and a run's end (its status) commits with its values.
constexpr const char* kDataVersion =
    "SELECT count(*) || ':' || coalesce(max(id), 0) FROM import_runs WHERE status <> 'running'";

// Distinct series by hopping through the key index (one seek per series, not a scan of every row).
constexpr const char* kSeries =
    "WITH RECURSIVE s(name) AS ("
    " SELECT min(series) FROM observations"
    " UNION ALL"
    " SELECT (SELECT min(series) FROM observations WHERE series > s.name) FROM s WHERE s.name IS NOT NULL)"
    " SELECT name FROM s WHERE name IS NOT NULL";

// The first value from the observation, every change after it from its revisions.
constexpr const char* kRunChanges = SOSEI_RUN_CHANGES_SQL("?1");

constexpr const char* kHistory =
    "SELECT o.dimensions, o.first_value_kind, o.first_number, o.first_run_id, o.created_at,"
    " r.run_id, r.changed_at, r.old_value_kind, r.old_number, r.new_value_kind, r.new_number, r.old_note,"
    " r.new_note, o.note, o.location, fr.source, r.old_location, r.new_location, rr.source"
    " FROM observations o JOIN import_runs fr ON fr.id = o.first_run_id"
    " LEFT JOIN revisions r ON r.observation_id = o.id LEFT JOIN import_runs rr ON rr.id = r.run_id"
    " WHERE o.series = ?1 AND o.period_kind = ?2 AND o.period_year = ?3 AND o.period_month = ?4"
    " AND o.period_day = ?5"
    " ORDER BY o.dimensions, r.id";

#define SOSEI_RUN_COLUMNS                                                                               \
  "SELECT id, source, plugin, plugin_version, started_at, coalesce(finished_at, ''), status, accepted," \
  " rejected, inserted, revised, error, fingerprint FROM import_runs"
constexpr const char* kRuns = SOSEI_RUN_COLUMNS " ORDER BY id DESC LIMIT ?1";
constexpr const char* kRunsOfSource = SOSEI_RUN_COLUMNS " WHERE source = ?2 ORDER BY id DESC LIMIT ?1";
constexpr const char* kRun = SOSEI_RUN_COLUMNS " WHERE id = ?1";
constexpr const char* kRejections = "SELECT location, reason FROM run_rejections WHERE run_id = ?1 ORDER BY seq";

constexpr const char* kRunCounts =
    "SELECT source, status, count(*) FROM import_runs GROUP BY source, status ORDER BY source, status";
// Walks the source's runs newest first through import_runs_by_source until the first success.
constexpr const char* kLastSuccess =
    "SELECT finished_at FROM import_runs WHERE source = ?1 AND status IN ('succeeded', 'unchanged')"
    " ORDER BY id DESC LIMIT 1";

constexpr const char* kState = "SELECT value FROM source_state WHERE source = ?1 AND key = ?2";

RunRecord read_run(const sqlite::Statement& s) {
  RunRecord r;
  r.id = s.int64(0);
  r.source = s.string(1);
  r.plugin = s.string(2);
  r.plugin_version = s.string(3);
  r.started_at = s.string(4);
  r.finished_at = s.string(5);
  r.status = run_status_column(s.text(6));
  r.accepted = s.int64(7);
  r.rejected = s.int64(8);
  r.inserted = s.int64(9);
  r.revised = s.int64(10);
  r.error = s.string(11);
  r.fingerprint = s.string(12);
  return r;
}

constexpr const char* kIntegrityCheck = "PRAGMA integrity_check";

void configure(Session& session, const StoreConfig& config) {
  sqlite::Connection& db = session.db;
  session.busy_wait.limit = config.lock_wait;
  session.busy_wait.on_wait = config.on_lock_wait;
  wait_when_busy(db, session.busy_wait);
  // WAL: readers (reports, the web view) never wait for an import, and an import never waits for them.
  // An in-memory database stays in "memory" mode. A reader leaves the file's mode as its writers set it.
  if (!session.read_only) db.exec("switch to WAL journal mode", "PRAGMA journal_mode = WAL");
  db.exec("enable foreign keys", "PRAGMA foreign_keys = ON");
  // NORMAL is durable in WAL mode except for the last commits on a power loss, never corrupt.
  if (!session.read_only) db.exec("set synchronous mode", "PRAGMA synchronous = NORMAL");
  // The numbers below are the code's own options, never outside input.
  db.exec("set the page cache size", ("PRAGMA cache_size = -" + std::to_string(config.cache_size_kib)).c_str());
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::shared_ptr<Session> session) : session_(std::move(session)), db_(session_->db) {}

  std::unique_ptr<ImportTransaction> begin_import(const RunStart& start) override {
    return begin_sqlite_import(session_, start);
  }

  std::vector<RunRecord> runs(std::size_t limit, const std::string& source) override {
    sqlite::Statement& s = source.empty() ? db_.statement("list import runs", kRuns)
                                          : db_.statement("list import runs of a source", kRunsOfSource);
    sqlite::Use use(s);
    s.bind(1, limit == 0 ? int64_t{-1} : static_cast<int64_t>(limit));
    if (!source.empty()) s.bind(2, source);
    std::vector<RunRecord> out;
    while (s.step()) out.push_back(read_run(s));
    return out;
  }

  std::optional<RunRecord> run(int64_t id) override {
    std::optional<RunRecord> record;
    {
      sqlite::Statement& s = db_.statement("read an import run", kRun);
      sqlite::Use use(s);
      s.bind(1, id);
      if (!s.step()) return std::nullopt;
      record = read_run(s);
    }
    sqlite::Statement& s = db_.statement("read the rejections of a run", kRejections);
    sqlite::Use use(s);
    s.bind(1, id);
    while (s.step()) record->rejections.push_back({s.string(0), s.string(1)});
    return record;
  }

  std::vector<StoredObservation> values(const ValuesQuery& q) override {
    session_->flush_open_import();
    const char* sql = q.period ? (q.dimensions ? kValuesInPeriodWithDimensions : kValuesInPeriod)
                               : (q.dimensions ? kValuesWithDimensions : kValues);
    sqlite::Statement& s = db_.statement("read values", sql);
    sqlite::Use use(s);
    std::string dimensions;
    s.bind(1, q.series);
    if (q.period) bind_period(s, 2, *q.period);
    if (q.dimensions) {
      dimensions = canonical_json(*q.dimensions);
      s.bind(6, dimensions);
    }
    std::vector<StoredObservation> out;
    while (s.step()) {
      StoredObservation o;
      o.key.series = q.series;
      o.key.period = read_period(s, 0);
      o.key.dimensions = parse_dimensions(s.text(4));
      o.data.value = read_value(s, 5);
      o.data.flags = static_cast<uint32_t>(s.int64(7));
      o.data.note = s.string(8);
      o.data.location = s.string(9);
      o.source = s.string(10);
      o.run_id = s.int64(11);
      o.updated_at = s.string(12);
      o.revision_count = static_cast<int>(s.int64(13));
      out.push_back(std::move(o));
    }
    return out;
  }

  void scan_series(const std::string& series, const std::function<void(const StoredObservation&)>& each) override {
    session_->flush_open_import();
    sqlite::Statement& s = db_.statement("scan a series", kScan);
    sqlite::Use use(s);
    s.bind(1, series);
    // The key index interleaves the dimension sets (period first): one record per set, its
    // dimensions parsed once, filled in place for each of its rows (no copy of the dimensions).
    std::unordered_map<std::string, StoredObservation> sets;
    std::string text;
    while (s.step()) {
      text.assign(s.text(4));
      if (sets.size() > 100000 && !sets.count(text)) sets.clear();  // very many sets: bound the memory
      auto [it, added] = sets.try_emplace(text);
      StoredObservation& o = it->second;
      if (added) {
        o.key.series = series;
        o.key.dimensions = parse_dimensions(text);
      }
      o.key.period = read_period(s, 0);
      o.data.value = read_value(s, 5);
      o.data.location.assign(s.text(7));
      o.run_id = s.int64(8);
      each(o);
    }
  }

  void run_changes(int64_t since_run, const std::function<void(const RunChange&)>& each) override {
    session_->flush_open_import();
    sqlite::Statement& s = db_.statement("read the values the runs wrote", kRunChanges);
    sqlite::Use use(s);
    s.bind(1, since_run);
    RunChange c;
    while (s.step()) {
      c.run_id = s.int64(0);
      c.key.series = s.string(1);
      c.key.period = read_period(s, 2);
      c.key.dimensions = parse_dimensions(s.text(6));
      c.data.value = read_value(s, 7);
      c.data.flags = static_cast<uint32_t>(s.int64(9));
      c.data.note = s.string(10);
      c.data.location = s.string(11);
      each(c);
    }
  }

  std::string data_version() override {
    sqlite::Statement& s = db_.statement("read the data version", kDataVersion);
    sqlite::Use use(s);
    return s.step() ? s.string(0) : "";
  }

  std::vector<DimensionTotal> dimension_totals(const std::string& series) override {
    session_->flush_open_import();
    sqlite::Statement& s = db_.statement("sum a series by dimensions", kDimensionTotals);
    sqlite::Use use(s);
    s.bind(1, series);
    std::vector<DimensionTotal> out;
    DimensionTotalReader reader;
    while (s.step()) out.push_back(reader.read(read_period(s, 0), s.text(4), s.real(5), s.int64(6)));
    return out;
  }

  bool holds_values(const std::string& series) override {
    sqlite::Statement& s =
        db_.statement("look for a series", "SELECT EXISTS (SELECT 1 FROM observations WHERE series = ?1)");
    sqlite::Use use(s);
    s.bind(1, series);
    return s.step() && s.int64(0) != 0;
  }

  std::string last_stored(const std::string& series, const Period& period) override {
    session_->flush_open_import();
    // Both times are ISO 8601 UTC texts, which compare as times; a run still open has no end (NULL).
    sqlite::Statement& s = db_.statement(
        "find when a period's values were last stored",
        "SELECT max(CASE WHEN r.finished_at > o.updated_at THEN r.finished_at ELSE o.updated_at END)"
        " FROM observations o JOIN import_runs r ON r.id = o.run_id WHERE o.series = ?1 AND o.period_kind = ?2"
        " AND o.period_year = ?3 AND o.period_month = ?4 AND o.period_day = ?5");
    sqlite::Use use(s);
    s.bind(1, series);
    bind_period(s, 2, period);
    return s.step() ? s.string(0) : std::string();
  }

  std::vector<QualityFlag> flags(const FlagQuery& q) override { return read_sqlite_flags(db_, q); }
  bool resolve_flag(int64_t id, const AuditEvent& event) override { return resolve_sqlite_flag(*session_, id, event); }

  std::vector<std::string> series() override {
    session_->flush_open_import();
    sqlite::Statement& s = db_.statement("list series", kSeries);
    sqlite::Use use(s);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.string(0));
    return out;
  }

  std::vector<SeriesInfo> series_infos() override { return read_sqlite_series_infos(db_); }

  std::vector<History> history(const std::string& series, const Period& period) override {
    session_->flush_open_import();
    sqlite::Statement& s = db_.statement("read the history of a value", kHistory);
    sqlite::Use use(s);
    s.bind(1, series);
    bind_period(s, 2, period);
    std::vector<History> out;
    std::string current_dimensions;
    while (s.step()) {
      if (out.empty() || s.text(0) != current_dimensions) {
        current_dimensions = s.string(0);
        History& h = out.emplace_back();
        h.key = {series, period, parse_dimensions(current_dimensions)};
        h.first_value = read_value(s, 1);
        h.first_run_id = s.int64(3);
        h.first_at = s.string(4);
        h.first_source = s.string(15);
        // The observation keeps its current note and location; before a revision they were its first.
        h.first_note = s.string(13);
        h.first_location = s.string(14);
      }
      if (s.is_null(5)) continue;  // no revisions
      Revision r;
      r.run_id = s.int64(5);
      r.changed_at = s.string(6);
      r.old_value = read_value(s, 7);
      r.new_value = read_value(s, 9);
      r.old_note = s.string(11);
      r.new_note = s.string(12);
      r.old_location = s.string(16);
      r.location = s.string(17);
      r.source = s.string(18);
      History& h = out.back();
      if (h.revisions.empty()) {
        h.first_note = r.old_note;
        h.first_location = r.old_location;
      }
      h.revisions.push_back(std::move(r));
    }
    return out;
  }

  int64_t save_evaluation(const EvaluationRecord& evaluation, const std::vector<ObservationRef>& used) override {
    session_->flush_open_import();
    return save_sqlite_evaluation(*session_, evaluation, used);
  }

  std::vector<EvaluationRecord> evaluations(std::size_t limit) override { return read_sqlite_evaluations(db_, limit); }

  std::optional<EvaluationRecord> evaluation(int64_t id) override { return read_sqlite_evaluation(db_, id); }

  std::optional<std::string> state(const std::string& source, const std::string& key) override {
    sqlite::Statement& s = db_.statement("read source state", kState);
    sqlite::Use use(s);
    s.bind(1, source);
    s.bind(2, key);
    if (!s.step()) return std::nullopt;
    return s.string(0);
  }

  void quarantine(const Quarantine& q) override { save_sqlite_quarantine(*session_, q); }
  bool resume(const std::string& source) override { return delete_sqlite_quarantine(db_, source); }
  std::vector<Quarantine> quarantines() override { return read_sqlite_quarantines(db_); }

  std::vector<SourceRunSummary> run_summaries() override {
    std::vector<SourceRunSummary> out;
    {
      sqlite::Statement& s = db_.statement("count import runs", kRunCounts);
      sqlite::Use use(s);
      while (s.step()) {
        if (out.empty() || out.back().source != s.text(0)) out.emplace_back().source = s.string(0);
        out.back().runs[run_status_column(s.text(1))] = s.int64(2);
      }
    }
    for (SourceRunSummary& summary : out) {
      if (auto newest = runs(1, summary.source); !newest.empty()) summary.last_run = std::move(newest.front());
      sqlite::Statement& s = db_.statement("find the last successful run", kLastSuccess);
      sqlite::Use use(s);
      s.bind(1, summary.source);
      if (s.step()) summary.last_success_at = s.string(0);
    }
    return out;
  }

  int64_t add_token(const std::string& sha256, const std::string& department, const std::string& note,
                    TokenRole role) override {
    return add_sqlite_token(*session_, sha256, department, note, role);
  }
  std::vector<ApiToken> tokens() override { return read_sqlite_tokens(db_); }
  std::optional<ApiToken> token_by_hash(const std::string& sha256) override {
    return read_sqlite_token_by_hash(db_, sha256);
  }
  void token_used(int64_t id) override { mark_sqlite_token_used(*session_, id); }
  bool revoke_token(int64_t id) override { return revoke_sqlite_token(*session_, id); }

  int64_t append_audit(const AuditEvent& event) override { return append_sqlite_audit(*session_, event); }
  std::vector<AuditEvent> audit(const AuditQuery& query) override {
    session_->flush_open_import();
    return read_sqlite_audit(db_, query);
  }

  Approval approval(const std::string& kpi, const Period& period) override {
    return read_sqlite_approval(db_, kpi, period);
  }
  std::vector<Approval> approvals(const std::string& kpi) override { return read_sqlite_approvals(db_, kpi); }
  bool change_approval(const std::string& kpi, const Period& period, ApprovalState from, ApprovalState to,
                       const AuditEvent& event) override {
    return change_sqlite_approval(*session_, kpi, period, from, to, event);
  }

  Comment add_comment(const Comment& comment, const AuditEvent& event) override {
    return add_sqlite_comment(*session_, comment, event);
  }
  std::vector<Comment> comments(const std::string& kpi, bool all_versions) override {
    return read_sqlite_comments(db_, kpi, all_versions);
  }

  int schema_version() override { return store::schema_version(db_); }

  std::vector<std::string> integrity_problems() override {
    session_->flush_open_import();
    sqlite::Statement& s = db_.statement("check the database's integrity", kIntegrityCheck);
    sqlite::Use use(s);
    std::vector<std::string> out;
    while (s.step())
      if (s.text(0) != "ok") out.push_back(s.string(0));
    return out;
  }

  // Its own file next to the database: locking the database file through a second descriptor would
  // let closing that descriptor drop SQLite's own POSIX locks on it.
  std::unique_ptr<InstanceLock> lock_daemon() override { return lock_daemon_file(db_.path()); }

  void read_tables(RowSink& sink) override { read_sqlite_tables(*session_, sink); }
  bool load_tables(const std::function<bool(TableWriter&)>& load) override {
    return load_sqlite_tables(*session_, load);
  }

 private:
  std::shared_ptr<Session> session_;
  sqlite::Connection& db_;
};

}  // namespace

namespace {

// A reader's store: the file opened read-only, so a full disk or a read-only file, folder or mount
// does not stop status, values or reports. On read-only media SQLite cannot make the -shm file a WAL
// database needs; the file is then read as immutable. Null when the schema is older than this sosei
// knows: the caller opens it for writing once and migrates, as any command did before.
std::unique_ptr<Store> open_sqlite_reader(const StoreConfig& config) {
  const Clock& clock = config.clock ? *config.clock : system_clock();
  for (const auto access : {sqlite::Access::ReadOnly, sqlite::Access::Immutable}) {
    try {
      auto session = std::make_shared<Session>(config.location, clock, false, access);
      configure(*session, config);
      const int version = schema_version(session->db);  // the first read: opens the file for real
      if (version < latest_schema_version()) return nullptr;
      check_schema_known(session->db);
      return std::make_unique<SqliteStore>(std::move(session));
    } catch (const NoDatabase&) {
      throw;
    } catch (const StoreBusy&) {
      throw;
    } catch (const StoreError&) {
      if (access == sqlite::Access::Immutable) throw;
    }
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const StoreConfig& config) {
  const std::string& path = config.location;
  if (!config.create_if_missing && !store_exists(path)) throw NoDatabase(path);
  if (config.read_only && path != ":memory:")
    if (auto reader = open_sqlite_reader(config)) return reader;
  if (path != ":memory:" && config.create_if_missing) {
    // The first open creates the folder; a folder that cannot be made is reported by the open below.
    const auto folder = std::filesystem::path(path).parent_path();
    std::error_code ignored;
    if (!folder.empty()) std::filesystem::create_directories(folder, ignored);
  }
  auto session =
      std::make_shared<Session>(path, config.clock ? *config.clock : system_clock(), config.create_if_missing);
  configure(*session, config);
  migrate(session->db, session->clock);
  return std::make_unique<SqliteStore>(std::move(session));
}

}  // namespace sosei::store
