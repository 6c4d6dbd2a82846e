// The bulk path of new observations (observation_writer.hpp): COPY into a staging table, then one
// INSERT … SELECT of the keys not stored yet; the few that are (a key the run stored in an earlier
// flush) go through the row-by-row path, which reports them as duplicates.
#include "store/postgresql/observation_writer.hpp"

#include "store/postgresql/columns.hpp"

namespace sosei::store::pg {
namespace {

// ON COMMIT DROP: the table goes with the run's transaction, committed or rolled back; the writer
// (one per run) makes it at its first COPY.
constexpr const char* kStaging =
    "CREATE TEMP TABLE sosei_staging (seq bigint NOT NULL, series text COLLATE \"C\" NOT NULL,"
    " period_kind text NOT NULL, period_year integer NOT NULL, period_month integer NOT NULL,"
    " period_day integer NOT NULL, dimensions text COLLATE \"C\" NOT NULL, value_kind text NOT NULL,"
    " number double precision, flags bigint NOT NULL, note text NOT NULL, location text NOT NULL) ON COMMIT DROP";
#define SOSEI_STAGED_KEY_MATCH                                                                  \
  "o.series = s.series AND o.period_kind = s.period_kind AND o.period_year = s.period_year AND" \
  " o.period_month = s.period_month AND o.period_day = s.period_day AND o.dimensions = s.dimensions"
constexpr const char* kStored =
    "SELECT s.seq FROM sosei_staging s JOIN observations o ON " SOSEI_STAGED_KEY_MATCH " ORDER BY s.seq";
constexpr const char* kInsertStaged =
    "INSERT INTO observations(series, period_kind, period_year, period_month, period_day, dimensions, value_kind,"
    " number, flags, note, location, source, first_run_id, first_value_kind, first_number, created_at, run_id,"
    " updated_at)"
    " SELECT series, period_kind, period_year, period_month, period_day, dimensions, value_kind, number, flags, note,"
    " location, $1, $2, value_kind, number, $3, $2, $3 FROM sosei_staging s"
    " WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE " SOSEI_STAGED_KEY_MATCH ") ORDER BY s.seq";

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
                            const ObservationData& data, Run& run) {
  const bool repeated = !waiting_.insert(key_of(series, period, dimensions)).second;
  rows_.push_back({series, period, std::move(dimensions), data, repeated});
  if (rows_.size() >= kRows) flush(run);
}

void ObservationWriter::clear() {
  rows_.clear();
  waiting_.clear();
}

void ObservationWriter::flush(Run& run) {
  if (rows_.empty()) return;
  if (rows_.size() < kSmall) {
    for (const Row& r : rows_) run.store_one(r.series, r.period, r.dimensions, r.data);
  } else {
    copy_all(run);
  }
  clear();
}

void ObservationWriter::copy_all(Run& run) {
  Connection& db = session_.db;
  if (!staging_made_) db.exec("make the staging table", kStaging);
  staging_made_ = true;  // until the run's transaction ends, which is the writer's life
  {
    CopyWriter copy(db, "send observations",
                    "COPY sosei_staging(seq, series, period_kind, period_year, period_month, period_day, dimensions,"
                    " value_kind, number, flags, note, location) FROM STDIN");
    int64_t seq = 0;
    for (const Row& r : rows_) {
      if (r.repeated) {
        ++seq;
        continue;
      }
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
      copy.end_row();
    }
    copy.finish();
  }
  Result stored = db.exec("find observations stored already", kStored);
  RunRecord& record = run.record();
  const int64_t inserted =
      db.exec("insert observations", kInsertStaged, Params().text(record.source).int64(record.id).text(run.stamp()))
          .affected();
  record.inserted += inserted;
  record.accepted += inserted;
  // The rows not inserted, in the order they were put: repeated keys are duplicates of what is now
  // stored, and store_one names where the stored one came from.
  int next_stored = 0;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const bool was_stored = next_stored < stored.rows() && stored.int64(next_stored, 0) == static_cast<int64_t>(i);
    if (was_stored) ++next_stored;
    if (was_stored || rows_[i].repeated)
      run.store_one(rows_[i].series, rows_[i].period, rows_[i].dimensions, rows_[i].data);
  }
  db.exec("empty the staging table", "TRUNCATE sosei_staging");
}

}  // namespace sosei::store::pg
