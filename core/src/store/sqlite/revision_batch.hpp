// Revisions of stored observations, written kRows at a time: the revision rows with one multi-row
// INSERT and the new values with one UPDATE … FROM (VALUES …), instead of two statement executions
// per revised observation (most of what a revision cost, profiled with callgrind: bench/RESULTS.md).
// The import run (import.cpp) keeps reads right: it writes the batch before it looks at an
// observation that waits here, and before anything else reads the store during the run.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace sosei::store {

class RevisionBatch {
 public:
  static constexpr std::size_t kRows = 64;

  struct Row {
    int64_t id = 0;  // observations.id
    Value old_value;
    std::string old_note;
    std::string old_location;
    ObservationData data;  // the new value, flags, note and location
  };

  explicit RevisionBatch(sqlite::Connection& db) : db_(db) {}

  // True when a revision of observation `id` is waiting.
  bool holds(int64_t id) const;
  // Copies the revision in (reusing the memory of earlier rows). The batch must not be full, and
  // must not hold `id` already (write it first).
  void add(int64_t id, const Value& old_value, std::string_view old_note, std::string_view old_location,
           const ObservationData& data);

  bool empty() const { return size_ == 0; }
  bool full() const { return size_ == kRows; }
  void clear() { size_ = 0; }

  // Writes every waiting revision, all stamped with the run, source and time, and empties the batch:
  // a full batch with two statements, a partial one (the end of a run) row by row.
  void write(std::string_view source, int64_t run_id, std::string_view stamp);

 private:
  void write_full(std::string_view source, int64_t run_id, std::string_view stamp);
  void write_one(const Row& r, std::string_view source, int64_t run_id, std::string_view stamp);

  sqlite::Connection& db_;
  std::array<Row, kRows> rows_;
  std::size_t size_ = 0;
};

}  // namespace sosei::store
