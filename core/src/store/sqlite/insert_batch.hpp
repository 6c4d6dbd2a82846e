// Observations of series new to the store, written kRows at a time by one multi-row INSERT: one
// statement execution per batch instead of one per observation, which is most of what storing a
// new observation costs in SQLite (bench/RESULTS.md). The import run (import.cpp) decides
// what goes in and what to do when a batch cannot be inserted whole.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace sosei::store {

class InsertBatch {
 public:
  static constexpr std::size_t kRows = 64;

  struct Row {
    std::string series;
    Period period;
    std::string dimensions;  // canonical JSON
    ObservationData data;
    uint64_t hash = 0;  // of series, period and dimensions
  };

  explicit InsertBatch(sqlite::Connection& db) : db_(db) {}

  static uint64_t key_hash(std::string_view series, const Period& period, std::string_view dimensions);

  // False when no row with this key hash is waiting (rows with equal keys have equal hashes).
  bool may_hold(uint64_t hash) const;
  // Copies the row in (reusing the memory of earlier rows). The batch must not be full.
  void add(std::string_view series, const Period& period, std::string_view dimensions, const ObservationData& data,
           uint64_t hash);

  bool empty() const { return size_ == 0; }
  bool full() const { return size_ == kRows; }
  std::size_t size() const { return size_; }
  const Row& row(std::size_t i) const { return rows_[i]; }
  void clear() { size_ = 0; }

  // Inserts the rows of a full batch with one statement, all stamped with the run, source and time.
  // False when one of their keys is already stored: then nothing was inserted.
  bool insert_all(std::string_view source, int64_t run_id, std::string_view stamp);

 private:
  sqlite::Connection& db_;
  std::array<Row, kRows> rows_;
  std::size_t size_ = 0;
};

}  // namespace sosei::store
