// What one import run adds to and takes from the stored dimension sums (`dimension_sums`: the numeric
// values with dimensions summed per series, dimension set and month, which Store::dimension_totals
// reads). Kept as a hash map of deltas while the run goes — a hash update per value, not a B-tree
// upsert per value (SQLite triggers doing the upsert made a first import 1.8 times slower,
// bench/RESULTS.md) — and added into the table inside the run's transaction: at its commit, before a
// read through the store during the run, and whenever the map holds kMaxKeys sums, so the import's
// memory stays flat.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace sosei::store {

class SumDeltas {
 public:
  static constexpr std::size_t kMaxKeys = 16384;

  explicit SumDeltas(sqlite::Connection& db) : db_(db) {}

  // Adds `value` (sign +1) or takes it away (-1) from the sum of its series, dimension set and month
  // (a date counts in its month). Values that are not numbers, and values without dimensions (the
  // KPI's own), are not summed.
  void add(std::string_view series, const Period& period, std::string_view dimensions, const Value& value, int sign);

  // Adds the waiting deltas into dimension_sums, removes the sums left with no value, and forgets them.
  void write();
  void clear() { deltas_.clear(); }

 private:
  struct Delta {
    double total = 0;
    int64_t count = 0;
  };

  sqlite::Connection& db_;
  // Keyed by "length:series" kind year month '\0' dimensions: one string, hashed once per value.
  std::unordered_map<std::string, Delta> deltas_;
  std::string key_;  // reused per add
};

// Recomputes dimension_sums from the observations (after rows were copied in without an import run).
void rebuild_sqlite_dimension_sums(sqlite::Connection& db);

}  // namespace sosei::store
