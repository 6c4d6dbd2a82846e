// Reads and writes the copied tables (store/table_copy.hpp) in SQLite: the rows as canonical texts,
// one prepared INSERT per table for the writes. Foreign keys are on, so the tables go parents first.
#include "store/sqlite/table_copy.hpp"

#include <charconv>
#include <set>
#include <string>

#include "store/sqlite/sum_deltas.hpp"
#include "store/store.hpp"

namespace sosei::store {
namespace {

std::string select_sql(const CopiedTable& table) {
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < table.columns.size(); ++i) sql += (i ? ", " : "") + std::string(table.columns[i].name);
  sql += " FROM " + std::string(table.name) + " ORDER BY ";
  for (std::size_t i = 0; i < table.key.size(); ++i) sql += (i ? ", " : "") + std::string(table.key[i]);
  return sql;
}

std::string insert_sql(const CopiedTable& table) {
  std::string sql = "INSERT INTO " + std::string(table.name) + "(";
  std::string values;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    sql += (i ? ", " : "") + std::string(table.columns[i].name);
    values += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  return sql + ") VALUES (" + values + ")";
}

Cell read_cell(const sqlite::Statement& s, int column, CellKind kind) {
  if (s.is_null(column)) return std::nullopt;
  switch (kind) {
    case CellKind::Integer:
    case CellKind::Flag:
      return std::to_string(s.int64(column));
    case CellKind::Real:
      return canonical_real(s.real(column));
    case CellKind::Json:
      return canonical_json_text(s.text(column));
    case CellKind::Text:
    case CellKind::Time:
      break;
  }
  return s.string(column);
}

int64_t integer_of(const std::string& text) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) throw StoreError("not an integer: " + text);
  return value;
}

double real_of(const std::string& text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) throw StoreError("not a number: " + text);
  return value;
}

void read_tables(sqlite::Connection& db, RowSink& sink) {
  for (const CopiedTable& table : copied_tables()) {
    sink.begin_table(table);
    const std::string sql = select_sql(table);
    sqlite::Statement& s = db.statement("read a table to copy", sql.c_str());
    sqlite::Use use(s);
    std::vector<Row> chunk;
    while (s.step()) {
      Row row;
      row.reserve(table.columns.size());
      for (std::size_t i = 0; i < table.columns.size(); ++i)
        row.push_back(read_cell(s, static_cast<int>(i), table.columns[i].kind));
      chunk.push_back(std::move(row));
      if (chunk.size() == kCopyChunkRows) {
        sink.rows(table, chunk);
        chunk.clear();
      }
    }
    if (!chunk.empty()) sink.rows(table, chunk);
    sink.end_table(table);
  }
}

class SqliteTableWriter final : public TableWriter {
 public:
  explicit SqliteTableWriter(sqlite::Connection& db) : db_(db) {}

  void write(const CopiedTable& table, const std::vector<Row>& rows) override {
    if (table.replaced && cleared_.insert(table.name).second) {
      const std::string clear = "DELETE FROM " + std::string(table.name);
      db_.exec("clear a table the copy replaces", clear.c_str());
    }
    if (rows.empty()) return;
    const std::string sql = insert_sql(table);
    sqlite::Statement& s = db_.statement("copy rows into a table", sql.c_str());
    for (const Row& row : rows) {
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (!row[i]) {
          s.bind_null(index);
          continue;
        }
        switch (table.columns[i].kind) {
          case CellKind::Integer:
          case CellKind::Flag:
            s.bind(index, integer_of(*row[i]));
            break;
          case CellKind::Real:
            s.bind(index, real_of(*row[i]));
            break;
          case CellKind::Text:
          case CellKind::Time:
          case CellKind::Json:
            s.bind(index, std::string_view(*row[i]));
            break;
        }
      }
      s.run();
    }
  }

  void read_tables(RowSink& sink) override { store::read_tables(db_, sink); }

 private:
  sqlite::Connection& db_;
  std::set<std::string> cleared_;
};

}  // namespace

void read_sqlite_tables(Session& session, RowSink& sink) {
  sqlite::Connection& db = session.db;
  if (db.in_transaction()) {  // an open import on this connection: its own view
    read_tables(db, sink);
    return;
  }
  // One read transaction: every table from the same snapshot, whatever imports commit meanwhile.
  db.exec("start reading the tables to copy", "BEGIN");
  try {
    read_tables(db, sink);
  } catch (...) {
    db.exec("end reading the tables to copy", "ROLLBACK");
    throw;
  }
  db.exec("end reading the tables to copy", "COMMIT");
}

bool load_sqlite_tables(Session& session, const std::function<bool(TableWriter&)>& load) {
  if (session.import_open) throw StoreError("cannot copy tables into a store while an import is open on it");
  sqlite::Transaction txn(session.db, "start copying tables into the store");
  SqliteTableWriter writer(session.db);
  if (!load(writer)) {
    txn.rollback();
    return false;
  }
  rebuild_sqlite_dimension_sums(session.db);  // the observations came in without an import run
  txn.commit();
  return true;
}

}  // namespace sosei::store
