// The SQLite C API behind Connection, Statement and Transaction, with errors turned into StoreError.
#include "store/sqlite/connection.hpp"

#include <mutex>

#include "store/store.hpp"

namespace sosei::store::sqlite {
namespace {

// SQLite counts every allocation under a global mutex so sqlite3_memory_used() can answer; sosei never
// asks, and an import allocates for every statement it steps. Must be set before SQLite initializes:
// when something in the process opened a database first, the call is refused and nothing changes.
void configure_library_once() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Statement::Statement(Connection& db, const char* operation, std::string_view sql) : db_(db), operation_(operation) {
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                              nullptr);
  if (rc != SQLITE_OK) db.fail(operation, rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) db_.fail(operation_, rc);
}

void Statement::bind(int index, double value) {
  if (int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) db_.fail(operation_, rc);
}

void Statement::bind(int index, std::string_view text) {
  int rc = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) db_.fail(operation_, rc);
}

void Statement::bind_null(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) db_.fail(operation_, rc);
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);  // the error stays readable through sqlite3_errmsg until the next call
  db_.fail(operation_, rc);
}

void Statement::run() {
  Use use(*this);
  while (step()) {
  }
}

bool Statement::run_unless_duplicate() {
  int rc = sqlite3_step(stmt_);
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  if (rc == SQLITE_DONE) return true;
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return false;
  db_.fail(operation_, rc);
}

void Statement::reset() noexcept { sqlite3_reset(stmt_); }

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::text(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

namespace {

// PATH as an SQLite URI filename: the characters a URI gives meaning to are percent-encoded.
std::string uri_filename(const std::string& path) {
  std::string out = "file:";
  for (const unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

Connection::Connection(const std::string& path, bool create, Access access) : path_(path) {
  configure_library_once();
  // NOMUTEX: a Store and its import are used from one thread at a time; SQLite's own locking still
  // serializes other connections and processes.
  int flags = SQLITE_OPEN_NOMUTEX;
  if (access == Access::ReadWrite)
    flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  else
    flags |= SQLITE_OPEN_READONLY | (access == Access::Immutable ? SQLITE_OPEN_URI : 0);
  const std::string name = access == Access::Immutable ? uri_filename(path) + "?immutable=1" : path;
  int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    if (!create && rc == SQLITE_CANTOPEN && !store_exists(path)) {  // removed since the caller looked
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw NoDatabase(path);
    }
    std::string message = "cannot open database " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    if (rc == SQLITE_CANTOPEN || rc == SQLITE_PERM || rc == SQLITE_READONLY)
      message += " — check the folder exists and is writable";
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StoreError(message);
  }
  sqlite3_extended_result_codes(db_, 1);
  struct stat opened {};
  if (access == Access::ReadWrite && path != ":memory:" && ::stat(path.c_str(), &opened) == 0)
    file_ = std::pair{opened.st_dev, opened.st_ino};
}

void Connection::require_same_file(const char* operation) const {
  if (!file_) return;
  struct stat now {};
  if (::stat(path_.c_str(), &now) == 0 && std::pair{now.st_dev, now.st_ino} == *file_) return;
  throw StoreError(text::phrase(&text::Catalogue::store_moved, path_, std::string(operation)));
}

Connection::~Connection() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close_v2(db_);
}

Statement& Connection::statement(const char* operation, const char* sql) {
  auto& slot = cache_[sql];
  if (!slot) slot = std::make_unique<Statement>(*this, operation, sql);
  return *slot;
}

void Connection::exec(const char* operation, const char* sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return;
  sqlite3_free(message);  // sqlite3_errmsg() has it too, which fail() words by its code
  fail(operation, rc);
}

void Connection::fail(const char* operation, int rc) const {
  std::string message = std::string(operation) + " failed in database " + path_ + ": " + sqlite3_errmsg(db_);
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw StoreBusy(message + " — another sosei process is writing to it; try again when it has finished");
  // What a person can act on, in the city's language; SQLite's own words stay in brackets. Whatever
  // the statement was, its transaction is rolled back: the database is as it was before it.
  if (primary == SQLITE_FULL)
    throw StoreError(text::phrase(&text::Catalogue::store_disk_full, path_, std::string(operation),
                                  std::string(sqlite3_errmsg(db_))));
  if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR)
    throw StoreError(text::phrase(&text::Catalogue::store_not_writable, path_, std::string(operation),
                                  std::string(sqlite3_errmsg(db_))));
  throw StoreError(message);
}

Transaction::Transaction(Connection& db, const char* operation) : db_(db) {
  db_.require_same_file(operation);
  // Not cached: the statement is cheap and its errors must name this transaction's operation.
  Statement begin(db_, operation, "BEGIN IMMEDIATE");
  begin.run();
  open_ = true;
}

Transaction::~Transaction() {
  if (open_ && db_.in_transaction()) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.require_same_file("commit");
  db_.statement("commit", "COMMIT").run();
  open_ = false;
}

void Transaction::rollback() {
  if (!open_) return;
  open_ = false;
  // SQLite may already have rolled back on its own after some errors (disk full, I/O).
  if (db_.in_transaction()) db_.statement("roll back", "ROLLBACK").run();
}

}  // namespace sosei::store::sqlite
