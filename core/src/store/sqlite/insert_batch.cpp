// The multi-row INSERT of InsertBatch.
#include "store/sqlite/insert_batch.hpp"

#include <functional>

#include "store/sqlite/columns.hpp"

namespace sosei::store {
namespace {

// Values per row; ?7/?8 also fill first_value_kind/first_number and ?13/?14 run_id/updated_at, as
// in the single-row insert of import.cpp.
constexpr int kParameters = 14;

const std::string& batch_insert_sql() {
  static const std::string sql = [] {
    std::string s =
        "INSERT INTO observations(series, period_kind, period_year, period_month, period_day, dimensions,"
        " value_kind, number, flags, note, location, source, first_run_id, first_value_kind, first_number,"
        " created_at, run_id, updated_at) VALUES ";
    for (std::size_t r = 0; r < InsertBatch::kRows; ++r) {
      const int o = static_cast<int>(r) * kParameters;
      auto p = [&](int i) { return "?" + std::to_string(o + i); };
      s += (r ? ",(" : "(") + p(1) + "," + p(2) + "," + p(3) + "," + p(4) + "," + p(5) + "," + p(6) + "," + p(7) + "," +
           p(8) + "," + p(9) + "," + p(10) + "," + p(11) + "," + p(12) + "," + p(13) + "," + p(7) + "," + p(8) + "," +
           p(14) + "," + p(13) + "," + p(14) + ")";
    }
    return s;
  }();
  return sql;
}

}  // namespace

uint64_t InsertBatch::key_hash(std::string_view series, const Period& period, std::string_view dimensions) {
  uint64_t h = std::hash<std::string_view>{}(series)*0x9E3779B97F4A7C15ull;
  h ^= std::hash<std::string_view>{}(dimensions) + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
  const uint64_t p = (static_cast<uint64_t>(period.kind) << 48) ^ (static_cast<uint64_t>(period.year) << 16) ^
                     (static_cast<uint64_t>(period.month) << 8) ^ static_cast<uint64_t>(period.day);
  return h ^ (p * 0xBF58476D1CE4E5B9ull);
}

bool InsertBatch::may_hold(uint64_t hash) const {
  for (std::size_t i = 0; i < size_; ++i)
    if (rows_[i].hash == hash) return true;
  return false;
}

void InsertBatch::add(std::string_view series, const Period& period, std::string_view dimensions,
                      const ObservationData& data, uint64_t hash) {
  Row& r = rows_[size_++];
  r.series.assign(series);
  r.period = period;
  r.dimensions.assign(dimensions);
  r.data.value = data.value;
  r.data.flags = data.flags;
  r.data.note.assign(data.note);
  r.data.location.assign(data.location);
  r.hash = hash;
}

bool InsertBatch::insert_all(std::string_view source, int64_t run_id, std::string_view stamp) {
  sqlite::Statement& s = db_.statement("insert observations", batch_insert_sql().c_str());
  for (std::size_t i = 0; i < kRows; ++i) {
    const Row& r = rows_[i];
    const int o = static_cast<int>(i) * kParameters;
    s.bind(o + 1, r.series);
    bind_period(s, o + 2, r.period);
    s.bind(o + 6, r.dimensions);
    bind_value(s, o + 7, r.data.value);
    s.bind(o + 9, r.data.flags);
    s.bind(o + 10, r.data.note);
    s.bind(o + 11, r.data.location);
    s.bind(o + 12, source);
    s.bind(o + 13, run_id);
    s.bind(o + 14, stamp);
  }
  return s.run_unless_duplicate();
}

}  // namespace sosei::store
