// Reads and writes the copied tables (store/table_copy.hpp) in PostgreSQL. Rows come through a cursor
// a chunk at a time, so a table of millions of rows never sits in memory; they go in with COPY FROM
// STDIN. Texts are ordered and compared as bytes (COLLATE "C"), times read as ISO 8601 UTC with
// milliseconds and flags as 0/1, so the rows read like the SQLite store's.
#include "store/postgresql/table_copy.hpp"

#include <set>
#include <string>

#include "store/store.hpp"

namespace sosei::store::pg {
namespace {

CellKind kind_of(const CopiedTable& table, std::string_view column) {
  for (const CopiedColumn& c : table.columns)
    if (column == c.name) return c.kind;
  return CellKind::Text;
}

std::string select_sql(const CopiedTable& table) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const std::string name = table.columns[i].name;
    if (i) sql += ", ";
    switch (table.columns[i].kind) {
      case CellKind::Time:
        sql += "iso_utc(" + name + ")";
        break;
      case CellKind::Flag:
        sql += name + "::int";
        break;
      case CellKind::Json:
        sql += name + "::text";
        break;
      case CellKind::Integer:
      case CellKind::Real:
      case CellKind::Text:
        sql += name;
        break;
    }
  }
  sql += " FROM " + std::string(table.name) + " ORDER BY ";
  for (std::size_t i = 0; i < table.key.size(); ++i) {
    sql += (i ? ", " : "") + std::string(table.key[i]);
    if (kind_of(table, table.key[i]) == CellKind::Text) sql += " COLLATE \"C\"";
  }
  return sql;
}

std::string copy_sql(const CopiedTable& table) {
  std::string sql = "COPY " + std::string(table.name) + "(";
  for (std::size_t i = 0; i < table.columns.size(); ++i) sql += (i ? ", " : "") + std::string(table.columns[i].name);
  return sql + ") FROM STDIN";
}

Cell read_cell(const Result& r, int row, int column, CellKind kind) {
  if (r.is_null(row, column)) return std::nullopt;
  switch (kind) {
    case CellKind::Real:
      return canonical_real(r.text(row, column));
    case CellKind::Json:
      return canonical_json_text(r.text(row, column));
    case CellKind::Integer:
    case CellKind::Flag:
    case CellKind::Text:
    case CellKind::Time:
      break;
  }
  return r.string(row, column);
}

// Inside the connection's open transaction.
void read_open(Connection& db, RowSink& sink) {
  const std::string fetch = "FETCH " + std::to_string(kCopyChunkRows) + " FROM sosei_copy";
  for (const CopiedTable& table : copied_tables()) {
    sink.begin_table(table);
    db.exec("read a table to copy", "DECLARE sosei_copy NO SCROLL CURSOR FOR " + select_sql(table));
    std::vector<Row> chunk;
    for (;;) {
      Result r = db.exec("read a table to copy", fetch);
      if (r.rows() == 0) break;
      chunk.clear();
      for (int i = 0; i < r.rows(); ++i) {
        Row row;
        row.reserve(table.columns.size());
        for (std::size_t c = 0; c < table.columns.size(); ++c)
          row.push_back(read_cell(r, i, static_cast<int>(c), table.columns[c].kind));
        chunk.push_back(std::move(row));
      }
      sink.rows(table, chunk);
    }
    db.exec("read a table to copy", "CLOSE sosei_copy");
    sink.end_table(table);
  }
}

class PostgresTableWriter final : public TableWriter {
 public:
  explicit PostgresTableWriter(Connection& db) : db_(db) {}

  void write(const CopiedTable& table, const std::vector<Row>& rows) override {
    if (table.replaced && cleared_.insert(table.name).second)
      db_.exec("clear a table the copy replaces", "DELETE FROM " + std::string(table.name));
    if (rows.empty()) return;
    CopyWriter copy(db_, "copy rows into a table", copy_sql(table));
    for (const Row& row : rows) {
      for (const Cell& cell : row) {
        if (cell)
          copy.field(std::string_view(*cell));
        else
          copy.null_field();
      }
      copy.end_row();
    }
    copy.finish();
  }

  void read_tables(RowSink& sink) override { read_open(db_, sink); }

  // The next id a store hands out follows the copied ones.
  void advance_sequences() {
    for (const CopiedTable& table : copied_tables()) {
      if (!table.serial_id) continue;
      std::string sql = "SELECT setval(pg_get_serial_sequence('";
      sql += table.name;
      sql += "', 'id'), coalesce(max(id), 0) + 1, false) FROM ";
      sql += table.name;
      db_.exec("advance an id sequence past the copied rows", sql);
    }
  }

 private:
  Connection& db_;
  std::set<std::string> cleared_;
};

}  // namespace

void read_tables(Session& session, RowSink& sink) {
  session.flush_open_import();
  if (session.db.in_transaction()) {  // an open import on this connection: its own view
    read_open(session.db, sink);
    return;
  }
  session.db.reconnect_if_lost();
  // One snapshot for every table, whatever imports commit meanwhile.
  Transaction txn(session.db);
  session.db.exec("start reading the tables to copy", "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  read_open(session.db, sink);
  txn.commit();
}

bool load_tables(Session& session, const std::function<bool(TableWriter&)>& load) {
  if (session.import_open) throw StoreError("cannot copy tables into a store while an import is open on it");
  session.db.reconnect_if_lost();
  Transaction txn(session.db);
  PostgresTableWriter writer(session.db);
  if (!load(writer)) {
    txn.rollback();
    return false;
  }
  writer.advance_sequences();
  txn.commit();
  return true;
}

}  // namespace sosei::store::pg
