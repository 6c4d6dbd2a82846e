// Moving a city's whole history from one store to another (`sosei store copy`): SQLite to PostgreSQL
// and back. Every table, ids kept, in one transaction of the target, verified by reading the target
// back (a row count and SHA-256 per table); a target that already holds the same data is left as it
// is, one that holds other data is refused untouched.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "store/store.hpp"

namespace sosei::app {

struct StoreCopyRequest {
  std::string from;              // a SQLite file or a postgresql:// URI; must exist
  std::string to;                // made when it is a SQLite file that does not exist; a server's database must exist
  const Clock* clock = nullptr;  // stamps only the target's schema migrations; null: the system clock
  // The city whose rows are copied, in a shared PostgreSQL store (its six-digit code; "" a single
  // city's own store): read from a shared source, written as that city's into a shared target.
  std::string city;
  // Called after each chunk of rows written, with the table and its rows written so far.
  std::function<void(const std::string& table, int64_t rows)> on_progress;
};

enum class StoreCopyOutcome {
  Copied,         // the target was empty and now holds the source's data
  AlreadyThere,   // the target held exactly the source's data: nothing written
  TargetDiffers,  // the target held other data: refused, nothing written
};
std::string to_string(StoreCopyOutcome);  // "copied", "already_there", "target_differs"

// One table on both sides: the target as read back after the copy, or as it was when nothing was
// written.
struct TableComparison {
  store::TableSummary source;
  store::TableSummary target;
  bool same() const { return source.rows == target.rows && source.sha256 == target.sha256; }
};

struct StoreCopyResult {
  StoreCopyOutcome outcome = StoreCopyOutcome::Copied;
  std::vector<TableComparison> tables;  // every table, in copy order
  int64_t rows() const;                 // the source's rows over every table
};

// The target read back after the copy differs from the source (the copy was rolled back).
class StoreCopyMismatch : public store::StoreError {
 public:
  explicit StoreCopyMismatch(std::vector<TableComparison> tables);
  const std::vector<TableComparison>& tables() const { return tables_; }

 private:
  std::vector<TableComparison> tables_;
};

// Throws store::NoDatabase when the source does not exist, StoreCopyMismatch, or the stores' errors
// (a failure leaves the target as it was). `from` and `to` must differ (std::invalid_argument).
StoreCopyResult copy_store(const StoreCopyRequest& request);

}  // namespace sosei::app
