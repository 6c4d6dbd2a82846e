// Databases of the store tests in the throwaway cluster (postgres_database.hpp).
#include "support/postgres_database.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <memory>

namespace sosei::store::test {
namespace {

// Raw access inspects the whole database as the superuser, past the row-level security that scopes
// the store's own role (sosei_test) to a city.
std::string as_admin(std::string uri) {
  const std::string role = "user=" + std::string(kStoreRole);
  if (const auto at = uri.find(role); at != std::string::npos) uri.replace(at, role.size(), "user=postgres");
  return uri;
}

struct Raw {
  explicit Raw(const std::string& conninfo) : conn(PQconnectdb(as_admin(conninfo).c_str())) {}
  ~Raw() { PQfinish(conn); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;
  PGconn* conn;
};

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string maintenance(const std::string& socket_dir) {
  return "host=" + socket_dir + " user=postgres dbname=postgres";
}

std::string run(const std::string& conninfo, const std::string& sql) {
  Raw raw(conninfo);
  if (PQstatus(raw.conn) != CONNECTION_OK) return PQerrorMessage(raw.conn);
  ResultPtr r(PQexec(raw.conn, sql.c_str()), PQclear);
  const auto s = PQresultStatus(r.get());
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? "" : PQresultErrorMessage(r.get());
}

}  // namespace

std::optional<std::string> postgres_cluster() {
  std::ifstream info(SOSEI_POSTGRES_INFO);
  std::string dir;
  if (!info || !std::getline(info, dir) || dir.empty()) return std::nullopt;
  return dir;
}

bool postgres_required() {
  const char* v = std::getenv("SOSEI_REQUIRE_POSTGRES");
  return v && std::string(v) == "1";
}

std::string postgres_uri(const std::string& socket_dir, const std::string& name) {
  return "postgresql:///" + name + "?host=" + socket_dir + "&user=" + kStoreRole;
}

std::string create_database(const std::string& socket_dir, const std::string& name) {
  // template0 is empty and never connected to, so many tests can copy it at once.
  return run(maintenance(socket_dir), "CREATE DATABASE " + name + " TEMPLATE template0 OWNER " + kStoreRole);
}

void drop_database(const std::string& socket_dir, const std::string& name) {
  run(maintenance(socket_dir), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

std::string postgres_query(const std::string& uri, const std::string& sql, std::string* error) {
  Raw raw(uri);
  if (PQstatus(raw.conn) != CONNECTION_OK) {
    if (error) *error = PQerrorMessage(raw.conn);
    return {};
  }
  ResultPtr r(PQexec(raw.conn, sql.c_str()), PQclear);
  const auto s = PQresultStatus(r.get());
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
    if (error) *error = PQresultErrorMessage(r.get());
    return {};
  }
  if (error) error->clear();
  if (PQntuples(r.get()) == 0 || PQnfields(r.get()) == 0 || PQgetisnull(r.get(), 0, 0)) return {};
  return PQgetvalue(r.get(), 0, 0);
}

std::string postgres_dump(const std::string& uri, const std::string& table) {
  Raw raw(uri);
  ResultPtr r(PQexec(raw.conn, ("SELECT * FROM " + table + " ORDER BY 1, 2").c_str()), PQclear);
  std::string out = table + "\n";
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) return out + PQresultErrorMessage(r.get());
  for (int i = 0; i < PQntuples(r.get()); ++i) {
    for (int c = 0; c < PQnfields(r.get()); ++c) {
      out += PQgetisnull(r.get(), i, c) ? "null:" : "text:";
      out += PQgetvalue(r.get(), i, c);
      out += "|";
    }
    out += "\n";
  }
  return out;
}

PostgresSession::PostgresSession(const std::string& uri) : conn_(PQconnectdb(as_admin(uri).c_str())) {
  if (PQstatus(conn_) != CONNECTION_OK) ADD_FAILURE() << PQerrorMessage(conn_);
}

PostgresSession::~PostgresSession() { PQfinish(conn_); }

std::string PostgresSession::query(const std::string& sql) {
  ResultPtr r(PQexec(conn_, sql.c_str()), PQclear);
  const auto s = PQresultStatus(r.get());
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
    ADD_FAILURE() << sql << ": " << PQresultErrorMessage(r.get());
    return {};
  }
  if (PQntuples(r.get()) == 0 || PQnfields(r.get()) == 0 || PQgetisnull(r.get(), 0, 0)) return {};
  return PQgetvalue(r.get(), 0, 0);
}

}  // namespace sosei::store::test
