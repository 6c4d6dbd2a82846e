// The bulk path of a run's observations (observation_writer.hpp): COPY into a staging table, then
// either one INSERT … SELECT of a batch of new keys, or one statement that revises the keys stored
// already, one INSERT … SELECT of the new keys, and one query naming the first location of each
// duplicate.
#include "store/postgresql/observation_writer.hpp"

#include <algorithm>

#include "store/postgresql/columns.hpp"

namespace sosei::store::pg {
namespace {

constexpr std::string_view kUniqueViolation = "23505";

// ON COMMIT DROP: the table goes with the run's transaction, committed or rolled back; the writer
// (one per run) makes it at its first COPY. `repeated`: a key the run has met already.
constexpr const char* kStaging =
    "CREATE TEMP TABLE sosei_staging (seq bigint NOT NULL, series text COLLATE \"C\" NOT NULL,"
    " period_kind text NOT NULL, period_year integer NOT NULL, period_month integer NOT NULL,"
    " period_day integer NOT NULL, dimensions text COLLATE \"C\" NOT NULL, value_kind text NOT NULL,"
    " number double precision, flags bigint NOT NULL, note text NOT NULL, location text NOT NULL,"
    " repeated boolean NOT NULL) ON COMMIT DROP";
#define SOSEI_STAGED_KEY_MATCH                                                                  \
  "o.series = s.series AND o.period_kind = s.period_kind AND o.period_year = s.period_year AND" \
  " o.period_month = s.period_month AND o.period_day = s.period_day AND o.dimensions = s.dimensions"

// $1 the run, $2 its time, $3 its source. The staged rows whose key is stored: a key this run has
// met (its run_id is ours: inserted or revised by it; or noted unchanged in sosei_seen) is marked
// repeated; the others are revised when their value, flags or note differ — the revision row (in
// the order of the puts), the new value, the stale marks — or noted unchanged. Every CTE sees the
// tables as they were before the statement. Returns the revised and the accepted counts.
constexpr const char* kReviseStaged =
    "WITH m AS (SELECT s.seq, o.id, o.run_id = $1::bigint OR z.id IS NOT NULL AS met,"
    " (o.value_kind, o.number, o.flags, o.note) IS DISTINCT FROM (s.value_kind, s.number, s.flags, s.note) AS differs,"
    " s.value_kind, s.number, s.flags, s.note, s.location, o.value_kind AS old_value_kind, o.number AS old_number,"
    " o.note AS old_note, o.location AS old_location"
    " FROM sosei_staging s JOIN observations o ON " SOSEI_STAGED_KEY_MATCH
    " LEFT JOIN sosei_seen z ON z.id = o.id WHERE NOT s.repeated),"
    " changed AS (SELECT * FROM m WHERE NOT met AND differs),"
    " revision AS (INSERT INTO revisions(observation_id, run_id, changed_at, old_value_kind, old_number,"
    " new_value_kind, new_number, old_note, new_note, old_location, new_location)"
    " SELECT id, $1, $2, old_value_kind, old_number, value_kind, number, old_note, note, old_location, location"
    " FROM changed ORDER BY seq),"
    " revised AS (UPDATE observations o SET value_kind = c.value_kind, number = c.number, flags = c.flags,"
    " note = c.note, location = c.location, source = $3, run_id = $1, updated_at = $2 FROM changed c"
    " WHERE o.id = c.id),"
    " stale AS (UPDATE evaluations e SET stale = true, stale_since = $2, stale_run_id = $1"
    " FROM evaluation_inputs i, changed c WHERE i.observation_id = c.id AND e.id = i.evaluation_id AND NOT e.stale),"
    " unchanged AS (INSERT INTO sosei_seen(id, location) SELECT id, location FROM m WHERE NOT met AND NOT differs),"
    " marked AS (UPDATE sosei_staging t SET repeated = true FROM m WHERE t.seq = m.seq AND m.met)"
    " SELECT (SELECT count(*) FROM changed), (SELECT count(*) FROM m WHERE NOT met)";
// $1 the source, $2 the run, $3 its time: the keys not stored yet.
constexpr const char* kInsertStaged =
    "INSERT INTO observations(series, period_kind, period_year, period_month, period_day, dimensions, value_kind,"
    " number, flags, note, location, source, first_run_id, first_value_kind, first_number, created_at, run_id,"
    " updated_at)"
    " SELECT series, period_kind, period_year, period_month, period_day, dimensions, value_kind, number, flags, note,"
    " location, $1, $2, value_kind, number, $3, $2, $3 FROM sosei_staging s"
    " WHERE NOT s.repeated AND NOT EXISTS (SELECT 1 FROM observations o WHERE " SOSEI_STAGED_KEY_MATCH
    ") ORDER BY s.seq";
// $1 the source, $2 the run, $3 its time: a batch of keys that no stored value has.
constexpr const char* kInsertNew =
    "INSERT INTO observations(series, period_kind, period_year, period_month, period_day, dimensions, value_kind,"
    " number, flags, note, location, source, first_run_id, first_value_kind, first_number, created_at, run_id,"
    " updated_at)"
    " SELECT series, period_kind, period_year, period_month, period_day, dimensions, value_kind, number, flags, note,"
    " location, $1, $2, value_kind, number, $3, $2, $3 FROM sosei_staging ORDER BY seq";
// The duplicates, with where the run read the key first: its own insert or revision, or the
// location it noted for a value it left unchanged.
constexpr const char* kDuplicates =
    "SELECT s.seq, coalesce(z.location, o.location) FROM sosei_staging s JOIN observations o ON " SOSEI_STAGED_KEY_MATCH
    " LEFT JOIN sosei_seen z ON z.id = o.id WHERE s.repeated ORDER BY s.seq";

// The batch's statements join a few thousand staged rows with observations, which the key index
// answers a row at a time. The planner's statistics are older than the run, though: a first import
// of millions of rows into an empty table still looks empty to it mid-run, and it would hash the
// whole (growing) table for every batch — a first import quadratic in its size. So the run's
// transaction takes no hash or merge joins while a batch is applied.
constexpr const char* kKeyIndexJoins =
    "SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)";
constexpr const char* kPlannerJoins =
    "SELECT set_config('enable_hashjoin', 'on', true), set_config('enable_mergejoin', 'on', true)";

}  // namespace

std::string ObservationWriter::key_of(const std::string& series, const Period& period, std::string_view dimensions) {
  std::string key = series;
  key += '\0';
  key += period.str();
  key += '\0';
  key += dimensions;
  return key;
}

void ObservationWriter::add(const std::string& series, const Period& period, std::string dimensions,
                            const ObservationData& data, bool fresh, Run& run) {
  const bool repeated = !waiting_.insert(key_of(series, period, dimensions)).second;
  rows_.push_back({series, period, std::move(dimensions), data, repeated, fresh});
  if (rows_.size() >= kRows) {
    settle(run);
    write(run);
  }
}

void ObservationWriter::clear() {
  rows_.clear();
  waiting_.clear();
  if (!inserting_.empty()) session_.db.discard_sent();
  inserting_.clear();
}

void ObservationWriter::flush(Run& run) {
  settle(run);
  write(run);
  settle(run);
}

// Writes the waiting rows; a batch of new keys is left being inserted (settle() collects it).
void ObservationWriter::write(Run& run) {
  if (rows_.empty()) return;
  if (rows_.size() < kSmall) {
    for (const Row& r : rows_) run.store_one(r.series, r.period, r.dimensions, r.data);
  } else {
    const bool all_new = std::all_of(rows_.begin(), rows_.end(), [](const Row& r) { return r.fresh && !r.repeated; });
    send();
    if (all_new) {
      send_insert_new(run);
      inserting_ = std::move(rows_);
    } else {
      apply_staged(run, rows_);
      session_.db.exec("empty the staging table", "TRUNCATE sosei_staging");
    }
  }
  rows_.clear();
  waiting_.clear();
}

// A batch of keys no stored value has (their series held none when the run began, and the batch
// repeats none): inserted from the staging table without looking up its keys, under a savepoint.
void ObservationWriter::send_insert_new(Run& run) {
  Connection& db = session_.db;
  RunRecord& record = run.record();
  db.exec("insert observations", "SAVEPOINT sosei_batch");
  db.send("insert observations", kInsertNew, Params().text(record.source).int64(record.id).text(run.stamp()));
}

// A key the run stored in an earlier batch makes the table's unique key refuse the insert; the batch
// is rolled back to the savepoint and applied the general way, which names the duplicate.
void ObservationWriter::settle(Run& run) {
  if (inserting_.empty()) return;
  const std::vector<Row> batch = std::move(inserting_);
  inserting_.clear();
  Connection& db = session_.db;
  const auto inserted = db.receive_unless(kUniqueViolation);
  RunRecord& record = run.record();
  if (inserted) {
    db.exec("insert observations", "RELEASE SAVEPOINT sosei_batch");
    record.inserted += inserted->affected();
    record.accepted += inserted->affected();
  } else {
    db.exec("roll back a batch", "ROLLBACK TO SAVEPOINT sosei_batch");
    db.exec("roll back a batch", "RELEASE SAVEPOINT sosei_batch");
    apply_staged(run, batch);
  }
  db.exec("empty the staging table", "TRUNCATE sosei_staging");
}

void ObservationWriter::send() {
  Connection& db = session_.db;
  if (!staging_made_) db.exec("make the staging table", kStaging);
  staging_made_ = true;  // until the run's transaction ends, which is the writer's life
  CopyWriter copy(db, "send observations",
                  "COPY sosei_staging(seq, series, period_kind, period_year, period_month, period_day, dimensions,"
                  " value_kind, number, flags, note, location, repeated) FROM STDIN");
  int64_t seq = 0;
  for (const Row& r : rows_) {
    copy.field(seq++)
        .field(r.series)
        .field(std::string_view(column_text(r.period.kind)))
        .field(int64_t{r.period.year})
        .field(int64_t{r.period.month})
        .field(int64_t{r.period.day})
        .field(r.dimensions)
        .field(std::string_view(column_text(r.data.value.kind)));
    if (r.data.value.is_number())
      copy.field(r.data.value.number);
    else
      copy.null_field();
    copy.field(int64_t{r.data.flags}).field(r.data.note).field(r.data.location);
    copy.field(std::string_view(r.repeated ? "t" : "f"));
    copy.end_row();
  }
  copy.finish();
}

void ObservationWriter::apply_staged(Run& run, const std::vector<Row>& rows) {
  Connection& db = session_.db;
  db.exec("join by the key index", kKeyIndexJoins);
  RunRecord& record = run.record();
  Result revised =
      db.exec("revise observations", kReviseStaged, Params().int64(record.id).text(run.stamp()).text(record.source));
  record.revised += revised.int64(0, 0);
  record.accepted += revised.int64(0, 1);
  const int64_t inserted =
      db.exec("insert observations", kInsertStaged, Params().text(record.source).int64(record.id).text(run.stamp()))
          .affected();
  record.inserted += inserted;
  record.accepted += inserted;
  // The duplicates, in the order they were put; the key's first value stays.
  Result duplicates = db.exec("find duplicate observations", kDuplicates);
  for (int i = 0; i < duplicates.rows(); ++i) {
    const Row& r = rows[static_cast<std::size_t>(duplicates.int64(i, 0))];
    run.report_duplicate(r.series, r.period, r.dimensions, duplicates.string(i, 1), r.data.location);
  }
  db.exec("let the planner choose joins again", kPlannerJoins);
}

}  // namespace sosei::store::pg
