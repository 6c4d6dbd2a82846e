// libpq calls behind the wrapper; every failure becomes a StoreError naming the step and the server's
// message.
#include "store/postgresql/connection.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "store/connection_lost.hpp"
#include "store/postgresql/errors.hpp"

namespace sosei::store::pg {
namespace {

void ignore_notice(void*, const char*) {}

}  // namespace

void Result::Free::operator()(pg_result* r) const { PQclear(r); }
int Result::rows() const { return PQntuples(r_.get()); }
bool Result::is_null(int row, int column) const { return PQgetisnull(r_.get(), row, column) != 0; }
std::string_view Result::text(int row, int column) const {
  return {PQgetvalue(r_.get(), row, column), static_cast<std::size_t>(PQgetlength(r_.get(), row, column))};
}
int64_t Result::int64(int row, int column) const {
  const std::string_view t = text(row, column);
  int64_t v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}
double Result::real(int row, int column) const { return std::strtod(PQgetvalue(r_.get(), row, column), nullptr); }
std::optional<double> Result::optional_real(int row, int column) const {
  if (is_null(row, column)) return std::nullopt;
  return real(row, column);
}
int64_t Result::affected() const {
  const char* n = PQcmdTuples(r_.get());
  return *n ? std::strtoll(n, nullptr, 10) : 0;
}

Params& Params::text(std::string_view v) {
  values_.emplace_back(std::string(v));
  return *this;
}
Params& Params::int64(int64_t v) {
  values_.emplace_back(std::to_string(v));
  return *this;
}
Params& Params::real(double v) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;  // shortest exact form
  values_.emplace_back(std::string(buffer, end));
  return *this;
}
Params& Params::real(const std::optional<double>& v) { return v ? real(*v) : null(); }
Params& Params::null() {
  values_.emplace_back(std::nullopt);
  return *this;
}
std::vector<const char*> Params::pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
  return out;
}

Connection::Connection(const std::string& location, const std::string& application_name, Tenant tenant)
    : location_(location), tenant_(std::move(tenant)) {
  // The URI goes in as dbname with expand_dbname, so its parameters count and ours only fill gaps.
  const char* keys[] = {"dbname", "fallback_application_name", "client_encoding", nullptr};
  const char* values[] = {location.c_str(), application_name.c_str(), "UTF8", nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    PQfinish(conn_);
    conn_ = nullptr;
    throw ConnectionLost(cannot_connect(location, message));
  }
  // The server's notices ("… already exists, skipping") are for a psql user, not for sosei's output.
  PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
  configure();
}

void Connection::configure() {
  // Every timestamp the store reads back is formatted in UTC; the server's own zone must not matter.
  check("set the session time zone", PQexec(conn_, "SET TimeZone = 'UTC'"));
  const char* values[] = {tenant_.city.c_str(), tenant_.reads.c_str()};
  check("set the session's city",
        PQexecParams(conn_, "SELECT set_config('sosei.city', $1, false), set_config('sosei.reads', $2, false)", 2,
                     nullptr, values, nullptr, nullptr, 0));
}

void Connection::require_idle(const char* what) const {
  if (sent_what_)
    throw StoreError(std::string("internal error: cannot ") + what + " while the statement to " + sent_what_ +
                     " is still running on the same connection");
}

void Connection::reconnect_if_lost() {
  require_idle("send a statement");
  if (PQstatus(conn_) != CONNECTION_BAD || open_transactions_ > 0) return;
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw ConnectionLost(cannot_connect(location_, message));
  }
  prepared_.clear();  // prepared statements lived in the server session that is gone
  configure();
}

Connection::~Connection() { PQfinish(conn_); }

Result Connection::check(const char* what, pg_result* r) {
  const auto status = PQresultStatus(r);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN) return Result(r);
  const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  std::string code = state ? state : "";
  PQclear(r);
  throw_statement_error(what, code, message, location_);
}

Result Connection::exec(const char* what, const std::string& sql) {
  reconnect_if_lost();
  return check(what, PQexec(conn_, sql.c_str()));
}

Result Connection::exec(const char* what, const std::string& sql, const Params& params) {
  reconnect_if_lost();
  const auto values = params.pointers();
  return check(what, PQexecParams(conn_, sql.c_str(), params.size(), nullptr, values.data(), nullptr, nullptr, 0));
}

std::optional<Result> Connection::exec_unless(std::string_view sqlstate, const char* what, const std::string& sql,
                                              const Params& params) {
  reconnect_if_lost();
  const auto values = params.pointers();
  pg_result* r = PQexecParams(conn_, sql.c_str(), params.size(), nullptr, values.data(), nullptr, nullptr, 0);
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  if (state && sqlstate == state) {
    PQclear(r);
    return std::nullopt;
  }
  return check(what, r);
}

Result Connection::prepared(const char* what, const char* name, const std::string& sql, const Params& params) {
  reconnect_if_lost();
  if (!prepared_.contains(name)) {
    check(what, PQprepare(conn_, name, sql.c_str(), params.size(), nullptr));
    prepared_.insert(name);
  }
  const auto values = params.pointers();
  return check(what, PQexecPrepared(conn_, name, params.size(), values.data(), nullptr, nullptr, 0));
}

void Connection::send(const char* what, const std::string& sql, const Params& params) {
  reconnect_if_lost();
  const auto values = params.pointers();
  // libpq copies the parameters into its output buffer and, the connection being blocking, sends it
  // all before returning; only the result is waited for later.
  if (PQsendQueryParams(conn_, sql.c_str(), params.size(), nullptr, values.data(), nullptr, nullptr, 0) != 1) {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw_statement_error(what, "", message, location_);
  }
  sent_what_ = what;
}

std::optional<Result> Connection::receive_unless(std::string_view sqlstate) {
  const char* what = sent_what_;
  if (!what) throw StoreError("internal error: no statement was sent to receive the result of");
  sent_what_ = nullptr;
  // One statement gives one result, then a null that says it is over; both are read, so the
  // connection is ready for the next statement whatever happens below.
  pg_result* r = PQgetResult(conn_);
  while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  if (state && sqlstate == state) {
    PQclear(r);
    return std::nullopt;
  }
  return check(what, r);
}

void Connection::discard_sent() noexcept {
  if (!sent_what_) return;
  sent_what_ = nullptr;
  while (PGresult* r = PQgetResult(conn_)) PQclear(r);
}

bool Connection::lost() const { return PQstatus(conn_) == CONNECTION_BAD; }

bool Connection::in_transaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

Transaction::Transaction(Connection& db) : db_(db), nested_(db.in_transaction()) {
  db_.exec("start a transaction", nested_ ? "SAVEPOINT sosei_nested" : "BEGIN");
  if (!nested_) ++db_.open_transactions_;
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    rollback();
  } catch (const StoreError&) {  // the connection is gone: the server rolls back on its own
  }
}

void Transaction::commit() {
  // Still counted while COMMIT is sent: a connection lost by now must fail the commit, never be
  // reopened for a COMMIT that would find no transaction and succeed.
  db_.exec("commit", nested_ ? "RELEASE SAVEPOINT sosei_nested" : "COMMIT");
  end();
}

void Transaction::end() {
  open_ = false;
  if (!nested_) --db_.open_transactions_;
}

void Transaction::rollback() {
  end();
  if (nested_) {
    db_.exec("roll back", "ROLLBACK TO SAVEPOINT sosei_nested");
    db_.exec("roll back", "RELEASE SAVEPOINT sosei_nested");
  } else {
    db_.exec("roll back", "ROLLBACK");
  }
}

CopyWriter::CopyWriter(Connection& db, const char* what, const std::string& copy_sql) : db_(db), what_(what) {
  db_.exec(what, copy_sql);  // refused while a sent statement runs (exec checks)
}

CopyWriter::~CopyWriter() {
  if (open_) {
    PQputCopyEnd(db_.handle(), "cancelled");
    while (PGresult* r = PQgetResult(db_.handle())) PQclear(r);
  }
}

CopyWriter& CopyWriter::field(std::string_view text) {
  if (!first_field_) buffer_ += '\t';
  first_field_ = false;
  for (const char c : text) {
    switch (c) {
      case '\\':
        buffer_ += "\\\\";
        break;
      case '\t':
        buffer_ += "\\t";
        break;
      case '\n':
        buffer_ += "\\n";
        break;
      case '\r':
        buffer_ += "\\r";
        break;
      default:
        buffer_ += c;
    }
  }
  return *this;
}
CopyWriter& CopyWriter::field(int64_t v) { return field(std::string_view(std::to_string(v))); }
CopyWriter& CopyWriter::field(double v) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  return field(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}
CopyWriter& CopyWriter::null_field() {
  if (!first_field_) buffer_ += '\t';
  first_field_ = false;
  buffer_ += "\\N";
  return *this;
}
void CopyWriter::end_row() {
  buffer_ += '\n';
  first_field_ = true;
  if (buffer_.size() >= std::size_t{256} * 1024) send();  // a few large messages, not one per row
}
void CopyWriter::send() {
  if (buffer_.empty()) return;
  if (PQputCopyData(db_.handle(), buffer_.data(), static_cast<int>(buffer_.size())) != 1)
    throw StoreError(std::string("cannot ") + what_ + ": " + PQerrorMessage(db_.handle()));
  buffer_.clear();
}
void CopyWriter::finish() {
  if (!finish_unless("")) throw StoreError(std::string("cannot ") + what_);  // not reached: "" matches no state
}

bool CopyWriter::finish_unless(std::string_view sqlstate) {
  send();
  open_ = false;
  if (PQputCopyEnd(db_.handle(), nullptr) != 1)
    throw StoreError(std::string("cannot ") + what_ + ": " + PQerrorMessage(db_.handle()));
  std::optional<StoreError> failure;
  bool refused = false;
  while (PGresult* r = PQgetResult(db_.handle())) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && !failure && !refused) {
      const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      if (!sqlstate.empty() && state && sqlstate == state)
        refused = true;
      else
        failure.emplace(std::string("cannot ") + what_ + ": " + PQresultErrorMessage(r));
    }
    PQclear(r);
  }
  if (failure) throw *failure;
  return !refused;
}

}  // namespace sosei::store::pg
