// The dimension sums' deltas of an import run (sum_deltas.hpp).
#include "store/sqlite/sum_deltas.hpp"

#include <charconv>

#include "store/sqlite/columns.hpp"

namespace sosei::store {
namespace {

constexpr const char* kAddSum =
    "INSERT INTO dimension_sums(series, period_kind, period_year, period_month, dimensions, total, value_count)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT(series, period_kind, period_year, period_month, dimensions)"
    " DO UPDATE SET total = total + excluded.total, value_count = value_count + excluded.value_count";
constexpr const char* kDropEmptySum =
    "DELETE FROM dimension_sums WHERE series = ?1 AND period_kind = ?2 AND period_year = ?3 AND period_month = ?4"
    " AND dimensions = ?5 AND value_count <= 0";
constexpr const char* kRebuild =
    "DELETE FROM dimension_sums;"
    "INSERT INTO dimension_sums(series, period_kind, period_year, period_month, dimensions, total, value_count)"
    " SELECT series, period_kind, period_year, period_month, dimensions, SUM(number), COUNT(*) FROM observations"
    " WHERE dimensions <> '{}' AND value_kind = 'number'"
    " GROUP BY series, period_kind, period_year, period_month, dimensions";

// The parts of a key, in the order add() wrote them.
struct KeyParts {
  std::string_view series;
  PeriodKind kind = PeriodKind::Month;
  int year = 0;
  int month = 0;
  std::string_view dimensions;
};

KeyParts split(std::string_view key) {
  KeyParts p;
  const char* at = key.data();
  const char* end = key.data() + key.size();
  std::size_t length = 0;
  at = std::from_chars(at, end, length).ptr + 1;  // "length:series"
  p.series = std::string_view(at, length);
  at += length;
  p.kind = static_cast<PeriodKind>(*at++);
  at = std::from_chars(at, end, p.year).ptr + 1;  // "year month\0"
  at = std::from_chars(at, end, p.month).ptr + 1;
  p.dimensions = std::string_view(at, static_cast<std::size_t>(end - at));
  return p;
}

void bind_key(sqlite::Statement& s, const KeyParts& p) {
  s.bind(1, p.series);
  s.bind(2, column_text(p.kind));
  s.bind(3, p.year);
  s.bind(4, p.month);
  s.bind(5, p.dimensions);
}

}  // namespace

void SumDeltas::add(std::string_view series, const Period& period, std::string_view dimensions, const Value& value,
                    int sign) {
  if (!value.is_number() || dimensions == "{}") return;
  // A date is summed into its month; other periods are summed as they are stored. The key is built in
  // the same buffer every time (no allocation per value once it is large enough).
  const auto number = [this](auto n) {
    char digits[24];
    key_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  };
  key_.clear();
  number(series.size());  // a series may hold any byte: its length says where it ends
  key_ += ':';
  key_ += series;
  key_ += static_cast<char>(period.kind);
  number(period.year);
  key_ += ' ';
  number(period.month);
  key_ += '\0';
  key_ += dimensions;
  Delta& d = deltas_[key_];
  d.total += sign * value.number;
  d.count += sign;
  if (deltas_.size() >= kMaxKeys) write();
}

void SumDeltas::write() {
  if (deltas_.empty()) return;
  sqlite::Statement& add = db_.statement("add to the dimension sums", kAddSum);
  for (const auto& [key, delta] : deltas_) {
    if (delta.count == 0 && delta.total == 0) continue;  // a value revised to itself, or put back
    const KeyParts parts = split(key);
    bind_key(add, parts);
    add.bind(6, delta.total);
    add.bind(7, delta.count);
    add.run();
    if (delta.count <= 0) {  // perhaps the last value of its sum went (a fraction may be left of its total)
      sqlite::Statement& drop = db_.statement("drop an empty dimension sum", kDropEmptySum);
      bind_key(drop, parts);
      drop.run();
    }
  }
  deltas_.clear();
}

void rebuild_sqlite_dimension_sums(sqlite::Connection& db) { db.exec("sum the values by dimensions", kRebuild); }

}  // namespace sosei::store
