// A small RAII wrapper over libpq for the PostgreSQL store: a connection, a result, text parameters,
// a transaction guard and a COPY writer. Nothing outside store/postgresql/ sees libpq.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct pg_conn;
struct pg_result;

namespace sosei::store::pg {

// A query's rows. Every value is read as text (the protocol's text format) and converted here.
class Result {
 public:
  explicit Result(pg_result* r) : r_(r) {}
  int rows() const;
  bool is_null(int row, int column) const;
  std::string_view text(int row, int column) const;
  std::string string(int row, int column) const { return std::string(text(row, column)); }
  int64_t int64(int row, int column) const;
  double real(int row, int column) const;
  std::optional<double> optional_real(int row, int column) const;
  // Rows an UPDATE, DELETE or INSERT touched.
  int64_t affected() const;

 private:
  struct Free {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Free> r_;
};

// Statement parameters, all sent as text and typed by the server from the statement.
class Params {
 public:
  Params& text(std::string_view v);
  Params& int64(int64_t v);
  Params& real(double v);  // round-trip exact (17 significant digits)
  Params& real(const std::optional<double>& v);
  Params& null();
  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

// Whose rows a connection reads and writes (docs/hub.md). Set as the session's `sosei.city` and
// `sosei.reads` before its first statement and again after a reconnect: the tables' row-level
// security policies read them, so every statement on the connection is scoped to the city.
struct Tenant {
  std::string city;   // the six-digit code, or "" for a single city's own store
  std::string reads;  // further cities it may read, comma-separated (a prefecture's view); "" none
};

class Connection {
 public:
  // `location` is a libpq connection URI; throws StoreError saying what to check when it fails.
  explicit Connection(const std::string& location, const std::string& application_name = "sosei", Tenant tenant = {});
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // `what` names the step for the error message ("read values").
  Result exec(const char* what, const std::string& sql);
  Result exec(const char* what, const std::string& sql, const Params& params);
  // The same, but a failure with `sqlstate` (e.g. "23505", a unique key taken) is nullopt instead of
  // an exception; the caller rolls back to its savepoint.
  std::optional<Result> exec_unless(std::string_view sqlstate, const char* what, const std::string& sql,
                                    const Params& params);
  // The same statement prepared once per connection under `name`, then executed by name.
  Result prepared(const char* what, const char* name, const std::string& sql, const Params& params);

  // A statement sent without waiting for its result, so the client goes on with its own work (the
  // next batch of an import) while the server runs it. Until receive_unless() collects the result no
  // other statement may go out on the connection: one that tries is refused with an internal error.
  void send(const char* what, const std::string& sql, const Params& params);
  bool sending() const { return sent_what_ != nullptr; }
  // The sent statement's result; nullopt when it failed with `sqlstate` (as exec_unless).
  std::optional<Result> receive_unless(std::string_view sqlstate);
  // Waits for the sent statement and drops its result, whatever it was (a run being rolled back).
  void discard_sent() noexcept;

  bool in_transaction() const;
  // Whether the server dropped the connection (found by the statement that failed on it).
  bool lost() const;
  // A connection the server dropped (restart, terminated session) is opened again before the next
  // statement, but never inside a Transaction: the work that was in it is gone, and the statements
  // after it must fail rather than run outside it.
  void reconnect_if_lost();
  const std::string& location() const { return location_; }
  const Tenant& tenant() const { return tenant_; }
  pg_conn* handle() { return conn_; }

 private:
  Result check(const char* what, pg_result* r);
  void configure();
  void require_idle(const char* what) const;

  friend class Transaction;
  pg_conn* conn_ = nullptr;
  int open_transactions_ = 0;  // Transactions (not savepoints) begun and not yet ended
  std::string location_;
  Tenant tenant_;
  std::unordered_set<std::string> prepared_;
  const char* sent_what_ = nullptr;  // the statement send() left running, if any
};

// BEGIN … COMMIT, rolled back when destroyed uncommitted. Inside an open transaction (an import run
// on the same connection) it is a savepoint, so a store call made during a run never ends the run.
class Transaction {
 public:
  explicit Transaction(Connection& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  void rollback();
  bool open() const { return open_; }

 private:
  void end();
  Connection& db_;
  bool nested_ = false;
  bool open_ = true;
};

// COPY table(columns) FROM STDIN in text format: rows are buffered by libpq and sent in large
// messages, the fastest way into the server.
class CopyWriter {
 public:
  CopyWriter(Connection& db, const char* what, const std::string& copy_sql);
  ~CopyWriter();  // an unfinished COPY is cancelled (its transaction then fails)
  CopyWriter(const CopyWriter&) = delete;
  CopyWriter& operator=(const CopyWriter&) = delete;

  CopyWriter& field(std::string_view text);  // escaped for the COPY text format
  CopyWriter& field(int64_t v);
  CopyWriter& field(double v);
  CopyWriter& null_field();
  void end_row();
  void finish();
  // Ends the COPY; false when the server refused its rows with `sqlstate` (e.g. "23505", a unique
  // key taken), which the caller handles by rolling back to a savepoint. Any other failure throws.
  bool finish_unless(std::string_view sqlstate);

 private:
  void send();
  Connection& db_;
  const char* what_;
  std::string buffer_;
  bool first_field_ = true;
  bool open_ = true;
};

}  // namespace sosei::store::pg
