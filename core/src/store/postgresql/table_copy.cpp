// Reads and writes the copied tables (store/table_copy.hpp) in PostgreSQL. Rows come through a cursor
// a chunk at a time, so a table of millions of rows never sits in memory; they go in with COPY FROM
// STDIN through a temporary table. Texts are ordered and compared as bytes (COLLATE "C"), times read as ISO 8601 UTC
// with milliseconds and flags as 0/1, so the rows read like the SQLite store's.
#include "store/postgresql/table_copy.hpp"
#include "store/postgresql/dimension_sums.hpp"

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

std::string column_list(const CopiedTable& table) {
  std::string list;
  for (std::size_t i = 0; i < table.columns.size(); ++i) list += (i ? ", " : "") + std::string(table.columns[i].name);
  return list;
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
    // Row-level security refuses a COPY into the table itself: the rows go into a temporary table of
    // the same columns and from there into the table, which gives them the session's city.
    const std::string columns = column_list(table);
    const std::string incoming = std::string("sosei_in_") + table.name;
    if (made_.insert(table.name).second)
      db_.exec("prepare a table to copy into", "CREATE TEMP TABLE " + incoming + " ON COMMIT DROP AS SELECT " +
                                                   columns + " FROM " + table.name + " WITH NO DATA");
    CopyWriter copy(db_, "copy rows into a table", "COPY " + incoming + "(" + columns + ") FROM STDIN");
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
    db_.exec("copy rows into a table",
             "INSERT INTO " + std::string(table.name) + "(" + columns + ") SELECT " + columns + " FROM " + incoming);
    db_.exec("copy rows into a table", "TRUNCATE " + incoming);
  }

  void read_tables(RowSink& sink) override { read_open(db_, sink); }

  // The next id a store hands out follows the copied ones. Never moved back: the session sees only
  // its city's rows, and other cities' ids in a shared database may be higher.
  void advance_sequences() {
    for (const CopiedTable& table : copied_tables()) {
      if (!table.serial_id) continue;
      const std::string sequence = "pg_get_serial_sequence('" + std::string(table.name) + "', 'id')";
      db_.exec("advance an id sequence past the copied rows", "SELECT setval(" + sequence +
                                                                  ", greatest(coalesce(max(id), 0) + 1, nextval(" +
                                                                  sequence + ")), false) FROM " + table.name);
    }
  }

 private:
  Connection& db_;
  std::set<std::string> cleared_;
  std::set<std::string> made_;  // the temporary tables made so far
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
  rebuild_dimension_sums(session.db);  // the observations came in without an import run
  txn.commit();
  return true;
}

}  // namespace sosei::store::pg
