// Every table a store keeps, seen the same way from either store, for `sosei store copy`: the tables'
// columns and kinds, rows of canonical texts (equal data gives equal text from SQLite and PostgreSQL),
// and a row count and SHA-256 per table that prove a copy complete.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sosei::store {

// How a column's value is written canonically: an integer in decimal, a real in its shortest
// round-trip form, a time as ISO 8601 UTC with milliseconds, a flag as 0 or 1, a JSON object compact
// with its keys in byte order, a text as it is.
enum class CellKind { Integer, Real, Text, Time, Flag, Json };

struct CopiedColumn {
  const char* name;
  CellKind kind;
};

struct CopiedTable {
  const char* name;
  std::vector<CopiedColumn> columns;
  std::vector<const char*> key;  // the columns the rows are ordered by (compared as bytes)
  bool serial_id = false;        // its `id` is numbered by the store (a PostgreSQL sequence)
  // The one-row table every migrated store fills (audit_revision_copies): the copy replaces its row.
  bool replaced = false;
};

// Every table of the schema (both stores are at the same latest version), parents before children.
const std::vector<CopiedTable>& copied_tables();

// One value; none is SQL NULL.
using Cell = std::optional<std::string>;
using Row = std::vector<Cell>;

// How many rows a store hands over or takes at once: tables stream, a city's 10 M observations never
// sit in memory together.
constexpr std::size_t kCopyChunkRows = 8192;

// Canonical texts of values as the stores read them. Throws StoreError on a JSON text that is not.
std::string canonical_real(double value);
std::string canonical_real(std::string_view text);  // a number as the server printed it
std::string canonical_json_text(std::string_view json);

// The row count and SHA-256 of a table's rows in key order, each row as its cells' canonical texts.
struct TableSummary {
  std::string table;
  int64_t rows = 0;
  std::string sha256;  // lower-case hex
  bool operator==(const TableSummary&) const = default;
};

class TableChecksum {
 public:
  explicit TableChecksum(std::string table);
  ~TableChecksum();
  TableChecksum(const TableChecksum&) = delete;
  TableChecksum& operator=(const TableChecksum&) = delete;
  void add(const Row& row);
  TableSummary finish();

 private:
  struct Digest;
  std::string table_;
  int64_t rows_ = 0;
  std::string line_;
  std::unique_ptr<Digest> digest_;
};

// Receives a store's tables in copy order: each table begins, its rows come in chunks (none for an
// empty table), it ends.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void begin_table(const CopiedTable& table) = 0;
  virtual void rows(const CopiedTable& table, const std::vector<Row>& rows) = 0;
  virtual void end_table(const CopiedTable& table) = 0;
};

// Counts and checksums every table it is given.
class SummarySink final : public RowSink {
 public:
  void begin_table(const CopiedTable& table) override;
  void rows(const CopiedTable& table, const std::vector<Row>& rows) override;
  void end_table(const CopiedTable& table) override;
  const std::vector<TableSummary>& summaries() const { return summaries_; }

 private:
  std::unique_ptr<TableChecksum> current_;
  std::vector<TableSummary> summaries_;
};

// The target's side of a copy, inside its one transaction (Store::load_tables).
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // Inserts rows as they are, ids included; a `replaced` table's rows replace what it holds.
  virtual void write(const CopiedTable& table, const std::vector<Row>& rows) = 0;
  // Reads the tables as this transaction sees them (what is there before, what was written).
  virtual void read_tables(RowSink& sink) = 0;
};

}  // namespace sosei::store
