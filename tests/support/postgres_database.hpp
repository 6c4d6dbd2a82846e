// PostgreSQL databases for the tests (store, end to end): one fresh database per test in the cluster the CTest
// fixture started (tests/support/postgres_cluster_start), and raw libpq access to inspect it.
#pragma once

#include <optional>
#include <string>

struct pg_conn;

namespace sosei::store::test {

// The role the stores under test connect as (postgres_cluster_start makes it): it owns the test's
// database and is neither superuser nor BYPASSRLS, so row-level security applies to every statement
// as it does for a real deployment. Raw access (below) connects as the superuser instead.
inline constexpr const char* kStoreRole = "sosei_test";

// The cluster's socket folder, or none when it did not start (the info file is absent).
std::optional<std::string> postgres_cluster();
// Whether the suite must fail rather than skip without a cluster (SOSEI_REQUIRE_POSTGRES=1).
bool postgres_required();

// The connection URI of database `name` in the cluster at `socket_dir`, as the store's role.
std::string postgres_uri(const std::string& socket_dir, const std::string& name);
// Creates or drops a database through the cluster's maintenance database; "" or the error.
std::string create_database(const std::string& socket_dir, const std::string& name);
void drop_database(const std::string& socket_dir, const std::string& name);

// Runs `sql` on the database at `uri`: the first column of the first row ("" for NULL or none), or
// with `error` set to the server's message.
std::string postgres_query(const std::string& uri, const std::string& sql, std::string* error = nullptr);
// Every row of a table as text, ordered by its first two columns.
std::string postgres_dump(const std::string& uri, const std::string& table);

// One raw connection kept open across queries (to hold a lock or a transaction while the store runs).
class PostgresSession {
 public:
  explicit PostgresSession(const std::string& uri);
  ~PostgresSession();
  PostgresSession(const PostgresSession&) = delete;
  PostgresSession& operator=(const PostgresSession&) = delete;
  // The first column of the first row ("" for NULL or none); a failure is a test failure.
  std::string query(const std::string& sql);

 private:
  pg_conn* conn_;
};

}  // namespace sosei::store::test
