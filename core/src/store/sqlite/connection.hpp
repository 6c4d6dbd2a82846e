// Thin RAII layer over the SQLite C API: a connection with a cache of prepared statements, and
// transactions. Every SQLite error becomes a StoreError naming the operation and the database file.
#pragma once

#include <sys/stat.h>

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sosei::store::sqlite {

class Connection;

// One prepared statement. Text is bound without copying: it must stay alive until reset().
class Statement {
 public:
  Statement(Connection& db, const char* operation, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, int64_t value);
  void bind(int index, int value) { bind(index, static_cast<int64_t>(value)); }
  void bind(int index, uint32_t value) { bind(index, static_cast<int64_t>(value)); }
  void bind(int index, double value);
  void bind(int index, std::string_view text);
  void bind(int index, const char* text) { bind(index, std::string_view(text)); }
  void bind_null(int index);

  // True when a row is ready, false when done.
  bool step();
  // Steps a statement that returns no rows (or whose rows do not matter) to the end and resets it.
  void run();
  // Like run(), but a UNIQUE or PRIMARY KEY conflict returns false instead of throwing: SQLite has
  // then undone everything the statement wrote, and the transaction goes on. Other errors throw.
  bool run_unless_duplicate();
  // Makes the statement reusable and ends its read; bindings stay but are overwritten by the next use.
  void reset() noexcept;

  bool is_null(int column) const;
  int64_t int64(int column) const;
  double real(int column) const;
  std::string_view text(int column) const;  // valid until the next step() or reset()
  std::string string(int column) const { return std::string(text(column)); }

 private:
  Connection& db_;
  sqlite3_stmt* stmt_ = nullptr;
  const char* operation_;
};

// Resets a statement when the scope ends, so a half-read SELECT never keeps an old snapshot open.
class Use {
 public:
  explicit Use(Statement& s) : s_(s) {}
  ~Use() { s_.reset(); }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  Statement* operator->() { return &s_; }
  Statement& operator*() { return s_; }

 private:
  Statement& s_;
};

// How a connection may use its file. ReadOnly never writes it (a reader on a full disk or a
// read-only file). Immutable also writes no -shm or -wal beside it: the way to read a WAL database on
// read-only media, where SQLite cannot create them (nobody can change such a file meanwhile).
enum class Access { ReadWrite, ReadOnly, Immutable };

class Connection {
 public:
  // Opens or creates the file (":memory:" for a private in-memory database).
  // `create`: make the file when it does not exist; otherwise its absence is a NoDatabase error.
  explicit Connection(const std::string& path, bool create = true, Access access = Access::ReadWrite);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // A statement prepared once per connection and kept until it closes. `operation` names it in errors.
  Statement& statement(const char* operation, const char* sql);
  // Runs constant SQL (schema scripts, pragmas): never values.
  void exec(const char* operation, const char* sql);

  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  // Rows written by the last INSERT, UPDATE or DELETE that ran to its end (0 after DO NOTHING).
  int64_t changes() const { return sqlite3_changes64(db_); }

  [[noreturn]] void fail(const char* operation, int rc) const;
  // Throws when the path no longer names the file this connection opened: moved, deleted, or on a disk
  // or folder that went away. SQLite would go on writing to the open file, which nobody will ever read
  // again; every write transaction checks at its start and before its commit.
  void require_same_file(const char* operation) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  // The opened file (device, inode), or none for a reader or an in-memory database.
  std::optional<std::pair<dev_t, ino_t>> file_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE … COMMIT. Takes the write lock at once (waiting up to the busy timeout), so two
// writers never both read and then fail to upgrade. Destroying an open transaction rolls it back.
class Transaction {
 public:
  Transaction(Connection& db, const char* operation);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  void rollback();
  bool open() const { return open_; }

 private:
  Connection& db_;
  bool open_ = false;
};

}  // namespace sosei::store::sqlite
