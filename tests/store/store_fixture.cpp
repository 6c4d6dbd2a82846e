// Fresh databases (SQLite files, PostgreSQL databases) and raw inspection for the store tests.
#include "store_fixture.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "support/postgres_database.hpp"

namespace sosei::store::test {

namespace {

struct Raw {
  explicit Raw(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      ADD_FAILURE() << "cannot open " << path;
  }
  ~Raw() { sqlite3_close(db); }
  sqlite3* db = nullptr;
};

}  // namespace

std::string dump_table(const std::string& path, const std::string& table) {
  Raw raw(path);
  std::string sql = "SELECT * FROM " + table + " ORDER BY 1, 2";  // test-only, constant table names
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(raw.db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(raw.db);
    return {};
  }
  std::string out = table + "\n";
  while (sqlite3_step(s) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      out += std::to_string(sqlite3_column_type(s, c)) + ":";
      if (auto* t = sqlite3_column_text(s, c)) out += reinterpret_cast<const char*>(t);
      out += "|";
    }
    out += "\n";
  }
  sqlite3_finalize(s);
  return out;
}

std::string query_one(const std::string& path, const std::string& sql) {
  Raw raw(path);
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(raw.db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(raw.db);
    return {};
  }
  std::string out;
  if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  return out;
}

ObservationKey key(const std::string& series, Period p, Dimensions d) { return {series, p, std::move(d)}; }

ObservationData number(double n, std::string note) {
  ObservationData d;
  d.value = Value::of(n);
  d.note = std::move(note);
  return d;
}

ObservationData status(ValueKind k, std::string note) {
  ObservationData d;
  d.value = Value::status(k);
  d.note = std::move(note);
  return d;
}

RunStart start(const std::string& source) { return {source, "csv_table", "1.2.0"}; }

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::Sqlite ? "sqlite" : "postgresql";
}

void PrintTo(Backend backend, std::ostream* out) { *out << (backend == Backend::Sqlite ? "sqlite" : "postgresql"); }

namespace {

// A database name PostgreSQL accepts (63 bytes, lower case) that no other test process uses.
std::string database_name(const ::testing::TestInfo& info) {
  std::string name = "t" + std::to_string(::getpid()) + "_";
  for (const char c : std::string(info.test_suite_name()) + "_" + info.name())
    name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  return name.substr(0, 63);
}

}  // namespace

void StoreTest::SetUp() {
  if (!sqlite()) {
    const auto cluster = postgres_cluster();
    if (!cluster) {
      if (postgres_required()) GTEST_FAIL() << "no PostgreSQL cluster (see the postgres_cluster_start test's output)";
      GTEST_SKIP() << "no PostgreSQL cluster: tools/setup installs postgresql (SOSEI_REQUIRE_POSTGRES=1 fails instead)";
    }
    database_ = database_name(*::testing::UnitTest::GetInstance()->current_test_info());
    drop_database(*cluster, database_);  // left over by a crashed run of the same pid
    const std::string error = create_database(*cluster, database_);
    ASSERT_EQ(error, "") << "cannot create the test database " << database_;
    path_ = postgres_uri(*cluster, database_);
    store_ = open();
    return;
  }
  auto dir = std::filesystem::path(SOSEI_TEST_BINARY_DIR) / "tests" / "store" / "tmp";
  std::filesystem::create_directories(dir);
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "." + info->name() + ".db";
  for (char& c : name)
    if (c == '/') c = '.';  // "Stores/Import.Name/sqlite": one file, not folders
  path_ = (dir / name).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  store_ = open();
}

void StoreTest::TearDown() {
  store_.reset();
  if (!database_.empty())
    if (const auto cluster = postgres_cluster()) drop_database(*cluster, database_);
}

std::string StoreTest::dump_table(const std::string& table) {
  return sqlite() ? test::dump_table(path_, table) : postgres_dump(path_, table);
}

std::string StoreTest::dump_data() {
  return dump_table("observations") + dump_table("revisions") + dump_table("source_state");
}

std::string StoreTest::query_one(const std::string& sql) {
  if (sqlite()) return test::query_one(path_, sql);
  std::string error;
  std::string out = postgres_query(path_, sql, &error);
  if (!error.empty()) ADD_FAILURE() << error;
  return out;
}

std::string StoreTest::exec_error(const std::string& sql) {
  if (sqlite()) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string out = rc == SQLITE_OK ? "" : (error ? error : "error");
    sqlite3_free(error);
    sqlite3_close(db);
    return out;
  }
  // As the stores under test by default, the statement runs as the single-city tenant "": its rows
  // get the city column's default like theirs (a session naming no city has no default to give).
  std::string error;
  postgres_query(path_, "SELECT set_config('sosei.city', '', false); " + sql, &error);
  return error;
}

std::unique_ptr<Store> StoreTest::open(StoreConfig config) {
  if (config.location.empty()) config.location = path_;
  if (!config.clock) config.clock = &clock_;
  return open_store(config);
}

}  // namespace sosei::store::test
