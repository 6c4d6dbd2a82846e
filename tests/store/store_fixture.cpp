// Fresh database files and raw SQLite inspection for the store tests.
#include "store_fixture.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <memory>

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

std::string dump_data(const std::string& path) {
  return dump_table(path, "observations") + dump_table(path, "revisions") + dump_table(path, "source_state");
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

void StoreTest::SetUp() {
  auto dir = std::filesystem::path(SOSEI_TEST_BINARY_DIR) / "tests" / "store" / "tmp";
  std::filesystem::create_directories(dir);
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  path_ = (dir / (std::string(info->test_suite_name()) + "." + info->name() + ".db")).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  store_ = open();
}

std::unique_ptr<Store> StoreTest::open(StoreConfig config) {
  if (config.location.empty()) config.location = path_;
  if (!config.clock) config.clock = &clock_;
  return open_store(config);
}

}  // namespace sosei::store::test
