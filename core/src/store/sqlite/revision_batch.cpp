// The statements of RevisionBatch: one row at a time, and kRows at a time.
#include "store/sqlite/revision_batch.hpp"

#include "store/sqlite/columns.hpp"

namespace sosei::store {
namespace {

constexpr const char* kInsertRevision =
    "INSERT INTO revisions(observation_id, run_id, changed_at, old_value_kind, old_number, new_value_kind,"
    " new_number, old_note, new_note, old_location, new_location) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11)";
constexpr const char* kUpdateObservation =
    "UPDATE observations SET value_kind = ?2, number = ?3, flags = ?4, note = ?5, location = ?6, source = ?7,"
    " run_id = ?8, updated_at = ?9 WHERE id = ?1";

// Many-row forms. ?1 run id, ?2 time stamp, ?3 source are shared; each row's own values follow.
constexpr int kRevisionParameters = 9;  // observation id, old value (2), new value (2), notes (2), locations (2)
constexpr int kUpdateParameters = 6;    // observation id, value (2), flags, note, location
constexpr int kShared = 3;

std::string parameters(std::size_t row, int count) {
  std::string s = row ? ",(" : "(";
  const int first = kShared + static_cast<int>(row) * count;
  for (int i = 1; i <= count; ++i) s += (i > 1 ? ",?" : "?") + std::to_string(first + i);
  return s + ")";
}

const std::string& batch_revision_sql() {
  static const std::string sql = [] {
    std::string s =
        "INSERT INTO revisions(observation_id, old_value_kind, old_number, new_value_kind, new_number, old_note,"
        " new_note, old_location, new_location, run_id, changed_at) SELECT column1, column2, column3, column4,"
        " column5, column6, column7, column8, column9, ?1, ?2 FROM (VALUES ";
    for (std::size_t r = 0; r < RevisionBatch::kRows; ++r) s += parameters(r, kRevisionParameters);
    return s + ")";
  }();
  return sql;
}

// The ids in one batch are distinct (RevisionBatch::add), so every row is updated exactly once.
const std::string& batch_update_sql() {
  static const std::string sql = [] {
    std::string s =
        "UPDATE observations SET value_kind = v.column2, number = v.column3, flags = v.column4, note = v.column5,"
        " location = v.column6, source = ?3, run_id = ?1, updated_at = ?2 FROM (VALUES ";
    for (std::size_t r = 0; r < RevisionBatch::kRows; ++r) s += parameters(r, kUpdateParameters);
    return s + ") AS v WHERE observations.id = v.column1";
  }();
  return sql;
}

}  // namespace

bool RevisionBatch::holds(int64_t id) const {
  for (std::size_t i = 0; i < size_; ++i)
    if (rows_[i].id == id) return true;
  return false;
}

void RevisionBatch::add(int64_t id, const Value& old_value, std::string_view old_note, std::string_view old_location,
                        const ObservationData& data) {
  Row& r = rows_[size_++];
  r.id = id;
  r.old_value = old_value;
  r.old_note.assign(old_note);
  r.old_location.assign(old_location);
  r.data.value = data.value;
  r.data.flags = data.flags;
  r.data.note.assign(data.note);
  r.data.location.assign(data.location);
}

void RevisionBatch::write(std::string_view source, int64_t run_id, std::string_view stamp) {
  if (full()) {
    write_full(source, run_id, stamp);
  } else {
    for (std::size_t i = 0; i < size_; ++i) write_one(rows_[i], source, run_id, stamp);
  }
  size_ = 0;
}

void RevisionBatch::write_full(std::string_view source, int64_t run_id, std::string_view stamp) {
  sqlite::Statement& revise = db_.statement("record revisions", batch_revision_sql().c_str());
  revise.bind(1, run_id);
  revise.bind(2, stamp);
  // ?3 is not used by this statement; SQLite leaves an unused parameter NULL.
  for (std::size_t i = 0; i < kRows; ++i) {
    const Row& r = rows_[i];
    const int o = kShared + static_cast<int>(i) * kRevisionParameters;
    revise.bind(o + 1, r.id);
    bind_value(revise, o + 2, r.old_value);
    bind_value(revise, o + 4, r.data.value);
    revise.bind(o + 6, r.old_note);
    revise.bind(o + 7, r.data.note);
    revise.bind(o + 8, r.old_location);
    revise.bind(o + 9, r.data.location);
  }
  revise.run();

  sqlite::Statement& update = db_.statement("update observations", batch_update_sql().c_str());
  update.bind(1, run_id);
  update.bind(2, stamp);
  update.bind(3, source);
  for (std::size_t i = 0; i < kRows; ++i) {
    const Row& r = rows_[i];
    const int o = kShared + static_cast<int>(i) * kUpdateParameters;
    update.bind(o + 1, r.id);
    bind_value(update, o + 2, r.data.value);
    update.bind(o + 4, r.data.flags);
    update.bind(o + 5, r.data.note);
    update.bind(o + 6, r.data.location);
  }
  update.run();
}

void RevisionBatch::write_one(const Row& r, std::string_view source, int64_t run_id, std::string_view stamp) {
  sqlite::Statement& revise = db_.statement("record a revision", kInsertRevision);
  revise.bind(1, r.id);
  revise.bind(2, run_id);
  revise.bind(3, stamp);
  bind_value(revise, 4, r.old_value);
  bind_value(revise, 6, r.data.value);
  revise.bind(8, r.old_note);
  revise.bind(9, r.data.note);
  revise.bind(10, r.old_location);
  revise.bind(11, r.data.location);
  revise.run();

  sqlite::Statement& update = db_.statement("update an observation", kUpdateObservation);
  update.bind(1, r.id);
  bind_value(update, 2, r.data.value);
  update.bind(4, r.data.flags);
  update.bind(5, r.data.note);
  update.bind(6, r.data.location);
  update.bind(7, source);
  update.bind(8, run_id);
  update.bind(9, stamp);
  update.run();
}

}  // namespace sosei::store
