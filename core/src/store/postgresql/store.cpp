// The PostgreSQL store: connecting and migrating, and every read (values, series, histories, runs,
// run summaries). Import runs are in import.cpp; evaluations, flags, sign-off, the small tables and
// the daemon lock in their own files.
#include "store/postgresql/store.hpp"

#include "store/canonical_json.hpp"
#include "store/dimension_total.hpp"
#include "store/postgresql/city_glances.hpp"
#include "store/postgresql/city_numbers.hpp"
#include "store/postgresql/columns.hpp"
#include "store/postgresql/daemon_lock.hpp"
#include "store/postgresql/errors.hpp"
#include "store/postgresql/evaluations.hpp"
#include "store/postgresql/flags.hpp"
#include "store/postgresql/import.hpp"
#include "store/postgresql/migrations.hpp"
#include "store/postgresql/records.hpp"
#include "store/postgresql/run_claim.hpp"
#include "store/postgresql/session.hpp"
#include "store/postgresql/signoff.hpp"
#include "store/postgresql/table_copy.hpp"
#include "store/run_changes_sql.hpp"

namespace sosei::store {
namespace {

using pg::Params;
using pg::Result;

#define SOSEI_RUN_COLUMNS \
  "SELECT id, source, plugin, plugin_version, iso_utc(started_at), " SOSEI_PG_TIME("finished_at") ", status," \
  " accepted, rejected, inserted, revised, error, fingerprint FROM import_runs"

std::vector<RunRecord> run_rows(const Result& r) {
  std::vector<RunRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    RunRecord run;
    run.id = r.int64(i, 0);
    run.source = r.string(i, 1);
    run.plugin = r.string(i, 2);
    run.plugin_version = r.string(i, 3);
    run.started_at = r.string(i, 4);
    run.finished_at = r.string(i, 5);
    run.status = pg::run_status_column(r.text(i, 6));
    run.accepted = r.int64(i, 7);
    run.rejected = r.int64(i, 8);
    run.inserted = r.int64(i, 9);
    run.revised = r.int64(i, 10);
    run.error = r.string(i, 11);
    run.fingerprint = r.string(i, 12);
    out.push_back(std::move(run));
  }
  return out;
}

// One statement for every filter of values(): a NULL parameter means "any".
constexpr const char* kValues =
    "SELECT period_kind, period_year, period_month, period_day, dimensions, value_kind, number, flags, note,"
    " location, source, run_id, iso_utc(updated_at),"
    " (SELECT count(*) FROM revisions r WHERE r.observation_id = o.id)"
    " FROM observations o WHERE series = $1"
    " AND ($2::text IS NULL OR (period_kind = $2::text AND period_year = $3::integer AND period_month = $4::integer"
    " AND period_day = $5::integer)) AND ($6::text IS NULL OR dimensions = $6::text)"
    " ORDER BY period_kind, period_year, period_month, period_day, dimensions";

// The first value from the observation, every change after it from its revisions.
constexpr const char* kHistory =
    "SELECT o.dimensions, o.first_value_kind, o.first_number, o.first_run_id, iso_utc(o.created_at),"
    " r.run_id, iso_utc(r.changed_at), r.old_value_kind, r.old_number, r.new_value_kind, r.new_number, r.old_note,"
    " r.new_note, o.note, o.location, fr.source, r.old_location, r.new_location, rr.source"
    " FROM observations o JOIN import_runs fr ON fr.id = o.first_run_id"
    " LEFT JOIN revisions r ON r.observation_id = o.id LEFT JOIN import_runs rr ON rr.id = r.run_id"
    " WHERE o.series = $1 AND o.period_kind = $2 AND o.period_year = $3 AND o.period_month = $4"
    " AND o.period_day = $5"
    " ORDER BY o.dimensions, r.id";

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::shared_ptr<pg::Session> session) : session_(std::move(session)), s_(*session_) {}

  std::unique_ptr<ImportTransaction> begin_import(const RunStart& start) override {
    return pg::begin_import(session_, start);
  }

  std::vector<RunRecord> runs(std::size_t limit, const std::string& source) override {
    Params p;
    if (limit == 0)
      p.null();
    else
      p.int64(static_cast<int64_t>(limit));
    p.text(source);
    return run_rows(
        s_.db.prepared("list import runs", "runs",
                       SOSEI_RUN_COLUMNS " WHERE ($2 = '' OR source = $2) ORDER BY id DESC LIMIT $1::bigint", p));
  }

  std::optional<RunRecord> run(int64_t id) override {
    auto rows =
        run_rows(s_.db.prepared("read an import run", "run", SOSEI_RUN_COLUMNS " WHERE id = $1", Params().int64(id)));
    if (rows.empty()) return std::nullopt;
    RunRecord record = std::move(rows.front());
    Result r = s_.db.prepared("read the rejections of a run", "rejections",
                              "SELECT location, reason FROM run_rejections WHERE run_id = $1 ORDER BY seq",
                              Params().int64(id));
    for (int i = 0; i < r.rows(); ++i) record.rejections.push_back({r.string(i, 0), r.string(i, 1)});
    return record;
  }

  std::vector<StoredObservation> values(const ValuesQuery& q) override {
    s_.flush_open_import();
    Params p;
    p.text(q.series);
    if (q.period)
      pg::add_period(p, *q.period);
    else
      p.null().null().null().null();
    if (q.dimensions)
      p.text(canonical_json(*q.dimensions));
    else
      p.null();
    Result r = s_.db.prepared("read values", "values", kValues, p);
    std::vector<StoredObservation> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
      StoredObservation o = read_observation(r, i, q.series);
      o.revision_count = static_cast<int>(r.int64(i, 13));
      out.push_back(std::move(o));
    }
    return out;
  }

  void scan_series(const std::string& series, const std::function<void(const StoredObservation&)>& each) override {
    s_.flush_open_import();
    // A cursor, so memory stays flat however long the series is.
    pg::Transaction txn(s_.db);
    s_.db.exec("scan a series",
               "DECLARE sosei_scan NO SCROLL CURSOR FOR SELECT period_kind, period_year, period_month, period_day,"
               " dimensions, value_kind, number, flags, note, location, source, run_id, iso_utc(updated_at)"
               " FROM observations WHERE series = $1"
               " ORDER BY dimensions, period_kind, period_year, period_month, period_day",
               Params().text(series));
    while (true) {
      Result r = s_.db.exec("scan a series", "FETCH 10000 FROM sosei_scan");
      if (r.rows() == 0) break;
      for (int i = 0; i < r.rows(); ++i) each(read_observation(r, i, series));
    }
    s_.db.exec("scan a series", "CLOSE sosei_scan");
    txn.commit();
  }

  void run_changes(int64_t since_run, const std::function<void(const RunChange&)>& each) override {
    s_.flush_open_import();
    // A cursor, so memory stays flat however many values the runs wrote.
    pg::Transaction txn(s_.db);
    s_.db.exec("read the values the runs wrote",
               "DECLARE sosei_changes NO SCROLL CURSOR FOR " SOSEI_RUN_CHANGES_SQL("$1"), Params().int64(since_run));
    RunChange c;
    while (true) {
      Result r = s_.db.exec("read the values the runs wrote", "FETCH 10000 FROM sosei_changes");
      if (r.rows() == 0) break;
      for (int i = 0; i < r.rows(); ++i) {
        c.run_id = r.int64(i, 0);
        c.key.series = r.string(i, 1);
        c.key.period = pg::read_period(r, i, 2);
        c.key.dimensions = parse_dimensions(r.text(i, 6));
        c.data.value = pg::read_value(r, i, 7);
        c.data.flags = static_cast<uint32_t>(r.int64(i, 9));
        c.data.note = r.string(i, 10);
        c.data.location = r.string(i, 11);
        each(c);
      }
    }
    s_.db.exec("read the values the runs wrote", "CLOSE sosei_changes");
    txn.commit();
  }

  std::string data_version() override {
    // Values change only inside runs, and a run's end (its status) commits with its values.
    Result r = s_.db.prepared(
        "read the data version", "data_version",
        "SELECT count(*) || ':' || coalesce(max(id), 0) FROM import_runs WHERE status <> 'running'", Params());
    return r.rows() == 1 ? r.string(0, 0) : "";
  }

  std::vector<DimensionTotal> dimension_totals(const std::string& series) override {
    s_.flush_open_import();
    // The sums kept per city (migration 13, dimension_sums.hpp: days in their month, read with day 0),
    // added up over the cities the session reads, as the observations themselves would be.
    Result r = s_.db.prepared(
        "sum a series by dimensions", "dimension_totals",
        "SELECT period_kind, period_year, period_month, 0, dimensions, sum(total), sum(value_count)::bigint"
        " FROM dimension_sums WHERE series = $1 AND value_count > 0"
        " GROUP BY period_kind, period_year, period_month, dimensions"
        " ORDER BY period_kind, period_year, period_month, dimensions",
        Params().text(series));
    std::vector<DimensionTotal> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    DimensionTotalReader reader;
    for (int i = 0; i < r.rows(); ++i)
      out.push_back(reader.read(pg::read_period(r, i, 0), r.text(i, 4), r.real(i, 5), r.int64(i, 6)));
    return out;
  }

  bool holds_values(const std::string& series) override {
    Result r = s_.db.prepared("look for a series", "holds_values",
                              "SELECT EXISTS (SELECT 1 FROM observations WHERE series = $1)", Params().text(series));
    return r.rows() == 1 && r.string(0, 0) == "t";
  }

  std::string last_stored(const std::string& series, const Period& period) override {
    s_.flush_open_import();
    // greatest() passes over NULL: a run still open has no end yet.
    Result r = s_.db.prepared("find when a period's values were last stored", "last_stored",
                              "SELECT " SOSEI_PG_TIME("max(greatest(o.updated_at, r.finished_at))")
                              " FROM observations o JOIN import_runs r ON r.id = o.run_id WHERE o.series = $1"
                              " AND o.period_kind = $2 AND o.period_year = $3 AND o.period_month = $4"
                              " AND o.period_day = $5",
                              pg::add_period(Params().text(series), period));
    return r.rows() == 1 ? r.string(0, 0) : std::string();
  }

  std::vector<QualityFlag> flags(const FlagQuery& q) override { return pg::read_flags(s_, q); }
  bool resolve_flag(int64_t id, const AuditEvent& event) override { return pg::resolve_flag(s_, id, event); }

  std::vector<std::string> series() override {
    s_.flush_open_import();
    Result r =
        s_.db.prepared("list series", "series", "SELECT DISTINCT series FROM observations ORDER BY series", Params());
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.string(i, 0));
    return out;
  }

  std::vector<SeriesInfo> series_infos() override { return pg::read_series_infos(s_); }

  std::vector<History> history(const std::string& series, const Period& period) override {
    s_.flush_open_import();
    Result r = s_.db.prepared("read the history of a value", "history", kHistory,
                              pg::add_period(Params().text(series), period));
    std::vector<History> out;
    std::string current_dimensions;
    for (int i = 0; i < r.rows(); ++i) {
      if (out.empty() || r.text(i, 0) != current_dimensions) {
        current_dimensions = r.string(i, 0);
        History& h = out.emplace_back();
        h.key = {series, period, parse_dimensions(current_dimensions)};
        h.first_value = pg::read_value(r, i, 1);
        h.first_run_id = r.int64(i, 3);
        h.first_at = r.string(i, 4);
        h.first_source = r.string(i, 15);
        // The observation keeps its current note and location; before a revision they were its first.
        h.first_note = r.string(i, 13);
        h.first_location = r.string(i, 14);
      }
      if (r.is_null(i, 5)) continue;  // no revisions
      Revision v;
      v.run_id = r.int64(i, 5);
      v.changed_at = r.string(i, 6);
      v.old_value = pg::read_value(r, i, 7);
      v.new_value = pg::read_value(r, i, 9);
      v.old_note = r.string(i, 11);
      v.new_note = r.string(i, 12);
      v.old_location = r.string(i, 16);
      v.location = r.string(i, 17);
      v.source = r.string(i, 18);
      History& h = out.back();
      if (h.revisions.empty()) {
        h.first_note = v.old_note;
        h.first_location = v.old_location;
      }
      h.revisions.push_back(std::move(v));
    }
    return out;
  }

  int64_t save_evaluation(const EvaluationRecord& evaluation, const std::vector<ObservationRef>& used) override {
    return pg::save_evaluation(s_, evaluation, used);
  }
  // An open run's waiting values may mark evaluations stale: written first, so the run reads its marks.
  std::vector<EvaluationRecord> evaluations(std::size_t limit) override {
    s_.flush_open_import();
    return pg::read_evaluations(s_, limit);
  }
  std::optional<EvaluationRecord> evaluation(int64_t id) override {
    s_.flush_open_import();
    return pg::read_evaluation(s_, id);
  }

  std::optional<std::string> state(const std::string& source, const std::string& key) override {
    return pg::read_state(s_, source, key);
  }

  void quarantine(const Quarantine& q) override { pg::save_quarantine(s_, q); }
  bool resume(const std::string& source) override { return pg::delete_quarantine(s_, source); }
  std::vector<Quarantine> quarantines() override { return pg::read_quarantines(s_); }

  std::vector<CityGlance> city_glances() override { return pg::read_city_glances(s_); }
  std::map<std::string, SeriesNumbers> city_numbers(const std::set<std::string>& series) override {
    return pg::read_city_numbers(s_, series);
  }

  std::vector<SourceRunSummary> run_summaries() override {
    std::vector<SourceRunSummary> out;
    Result counts = s_.db.prepared("count import runs", "run_counts",
                                   "SELECT source, status, count(*) FROM import_runs GROUP BY source, status"
                                   " ORDER BY source, status",
                                   Params());
    for (int i = 0; i < counts.rows(); ++i) {
      if (out.empty() || out.back().source != counts.text(i, 0)) out.emplace_back().source = counts.string(i, 0);
      out.back().runs[pg::run_status_column(counts.text(i, 1))] = counts.int64(i, 2);
    }
    for (SourceRunSummary& summary : out) {
      if (auto newest = runs(1, summary.source); !newest.empty()) summary.last_run = std::move(newest.front());
      Result last = s_.db.prepared("find the last successful run", "last_success",
                                   "SELECT iso_utc(finished_at) FROM import_runs WHERE source = $1"
                                   " AND status IN ('succeeded', 'unchanged') ORDER BY id DESC LIMIT 1",
                                   Params().text(summary.source));
      if (last.rows() > 0) summary.last_success_at = last.string(0, 0);
    }
    return out;
  }

  int64_t add_token(const std::string& sha256, const std::string& department, const std::string& note,
                    TokenRole role) override {
    return pg::add_token(s_, sha256, department, note, role);
  }
  std::vector<ApiToken> tokens() override { return pg::read_tokens(s_); }
  std::optional<ApiToken> token_by_hash(const std::string& sha256) override {
    return pg::read_token_by_hash(s_, sha256);
  }
  void token_used(int64_t id) override { pg::mark_token_used(s_, id); }
  bool revoke_token(int64_t id) override { return pg::revoke_token(s_, id); }

  int64_t append_audit(const AuditEvent& event) override { return pg::append_audit(s_, event); }
  std::vector<AuditEvent> audit(const AuditQuery& query) override {
    s_.flush_open_import();
    return pg::read_audit(s_, query);
  }

  Approval approval(const std::string& kpi, const Period& period) override {
    return pg::read_approval(s_, kpi, period);
  }
  std::vector<Approval> approvals(const std::string& kpi) override { return pg::read_approvals(s_, kpi); }
  bool change_approval(const std::string& kpi, const Period& period, ApprovalState from, ApprovalState to,
                       const AuditEvent& event) override {
    return pg::change_approval(s_, kpi, period, from, to, event);
  }

  Comment add_comment(const Comment& comment, const AuditEvent& event) override {
    return pg::add_comment(s_, comment, event);
  }
  std::vector<Comment> comments(const std::string& kpi, bool all_versions) override {
    return pg::read_comments(s_, kpi, all_versions);
  }

  int schema_version() override { return pg::schema_version(s_.db); }

  // The server keeps its files consistent itself; what the store can check is its own invariants,
  // which a hand edit or a restore of only some tables would break.
  std::vector<std::string> integrity_problems() override {
    s_.flush_open_import();
    Result r = s_.db.exec(
        "check the database's consistency",
        "SELECT 'observation ' || id || ' has value kind number without a number' FROM observations"
        " WHERE (value_kind = 'number') <> (number IS NOT NULL)"
        " UNION ALL SELECT 'observation ' || o.id || ' was last changed by run ' || o.run_id || ', which is not"
        " a committed run' FROM observations o JOIN import_runs r ON r.id = o.run_id WHERE r.status NOT IN"
        " ('succeeded', 'unchanged', 'running')"
        " UNION ALL SELECT 'revision ' || v.id || ' belongs to run ' || v.run_id || ', which is not a committed run'"
        " FROM revisions v JOIN import_runs r ON r.id = v.run_id WHERE r.status IN ('failed', 'aborted')");
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.string(i, 0));
    return out;
  }

  std::unique_ptr<InstanceLock> lock_daemon() override { return pg::lock_daemon(session_); }

  void read_tables(RowSink& sink) override { pg::read_tables(s_, sink); }
  bool load_tables(const std::function<bool(TableWriter&)>& load) override { return pg::load_tables(s_, load); }

 private:
  static StoredObservation read_observation(const Result& r, int i, const std::string& series) {
    StoredObservation o;
    o.key.series = series;
    o.key.period = pg::read_period(r, i, 0);
    o.key.dimensions = parse_dimensions(r.text(i, 4));
    o.data.value = pg::read_value(r, i, 5);
    o.data.flags = static_cast<uint32_t>(r.int64(i, 7));
    o.data.note = r.string(i, 8);
    o.data.location = r.string(i, 9);
    o.source = r.string(i, 10);
    o.run_id = r.int64(i, 11);
    o.updated_at = r.string(i, 12);
    return o;
  }

  std::shared_ptr<pg::Session> session_;
  pg::Session& s_;
};

}  // namespace

std::unique_ptr<Store> open_postgresql_store(const StoreConfig& config) {
  pg::refuse_password_in(config.location);
  // A reader of other cities with no city of its own (a prefecture's view) names the city "-", which no
  // row may carry: it writes nothing, not even into the single-city tenant "".
  pg::Tenant tenant{config.city.empty() && !config.also_reads.empty() ? "-" : config.city, ""};
  for (const std::string& city : config.also_reads) tenant.reads += (tenant.reads.empty() ? "" : ",") + city;
  auto session =
      std::make_shared<pg::Session>(config.location, config.clock ? *config.clock : system_clock(), std::move(tenant));
  session->lock_wait = config.lock_wait;
  session->on_lock_wait = config.on_lock_wait;
  if (!config.create_if_missing && pg::schema_version(session->db) == 0) throw NoDatabase(config.location);
  pg::migrate(session->db, session->clock);
  // Runs whose connection dropped (a server restart, a killed process) are recorded as failed now.
  pg::fail_abandoned_runs(session->db, session->now());
  return std::make_unique<PostgresStore>(std::move(session));
}

bool postgresql_store_exists(const std::string& location) {
  try {
    pg::refuse_password_in(location);
    pg::Connection db(location);
    return pg::schema_version(db) > 0;
  } catch (const StoreError&) {
    return false;
  }
}

}  // namespace sosei::store
