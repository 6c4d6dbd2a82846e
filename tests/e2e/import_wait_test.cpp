// Issue 18 §3: `sosei import` while another process holds the database's writer (an import that is
// still running, here a raw SQLite write transaction). It says that it waits, and either gets the
// writer when the other finishes, or gives up after --wait with nothing written and says what to do.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <string>

#include "sosei_runner.hpp"

namespace sosei::test_support {
namespace {

// A write transaction on the database, as a running import holds one, until release().
class HeldWriter {
 public:
  explicit HeldWriter(const std::filesystem::path& database) {
    EXPECT_EQ(sqlite3_open(database.c_str(), &db_), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  ~HeldWriter() {
    release();
    sqlite3_close(db_);
  }
  HeldWriter(const HeldWriter&) = delete;
  HeldWriter& operator=(const HeldWriter&) = delete;
  void release() {
    if (held_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    held_ = false;
  }

 private:
  sqlite3* db_ = nullptr;
  bool held_ = true;
};

int64_t runs_of(const std::filesystem::path& database, const std::string& source) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM import_runs WHERE source = ?1", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, source.c_str(), -1, SQLITE_TRANSIENT);
  int64_t n = -1;
  if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

class ImportWait : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(runner_.run("init").exit_code, 0); }
  std::filesystem::path database() const { return runner_.dir() / "out" / "sosei.db"; }
  SoseiRunner runner_{"import-wait"};
};

TEST_F(ImportWait, GivesUpAfterItsWaitWithNothingWrittenAndSaysWhatToDo) {
  HeldWriter other(database());
  const auto r = runner_.run("import kama_values --wait 0");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("別の sosei（取り込みなど）が書き込み中で、0秒待っても終わりませんでした"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("何も書き込んでいません"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--wait"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("database is locked"), std::string::npos) << r.err;  // SQLite's words stay in the log
  EXPECT_EQ(r.err.find("待ちます"), std::string::npos) << r.err;            // --wait 0 does not wait
  other.release();
  EXPECT_EQ(runs_of(database(), "kama_values"), 0);

  // In English on request, and the next import (nobody writing) stores normally.
  HeldWriter again(database());
  const auto en = runner_.run("import kama_values --wait 0 --lang en");
  EXPECT_NE(en.err.find("had not finished after 0 s; nothing was written"), std::string::npos) << en.err;
  again.release();
  EXPECT_EQ(runner_.run("import kama_values").exit_code, 0);
  EXPECT_EQ(runs_of(database(), "kama_values"), 1);
}

TEST_F(ImportWait, AWaitThatIsNotADurationIsAUsageErrorInTheReadersLanguage) {
  const auto ja = runner_.run("import kama_values --wait soon");
  EXPECT_EQ(ja.exit_code, 2);
  EXPECT_NE(ja.err.find("--wait「soon」を読めません"), std::string::npos) << ja.err;
  const auto en = runner_.run("import kama_values --wait soon --lang en");
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_NE(en.err.find("cannot read --wait 'soon'"), std::string::npos) << en.err;
  EXPECT_EQ(runs_of(database(), "kama_values"), 0);
}

TEST_F(ImportWait, SaysThatItWaitsAndImportsOnceTheOtherWriterFinishes) {
  HeldWriter other(database());
  // stderr through the pipe (to see the waiting line as it comes), stdout to a file.
  const auto out = runner_.dir() / "wait.out";
  const std::string cmd = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei --config '" + runner_.config().string() +
                          "' import kama_values --wait 10m 2>&1 >'" + out.string() + "' </dev/null";
  FILE* process = ::popen(cmd.c_str(), "r");
  ASSERT_NE(process, nullptr);
  std::string said;
  char line[4096];
  // The signal, not a sleep: the line appears once the import has met the held writer.
  while (said.find("待ちます") == std::string::npos && std::fgets(line, sizeof line, process)) said += line;
  EXPECT_NE(said.find("書き込み中です。終わるまで最大10分待ちます"), std::string::npos) << said;
  other.release();
  while (std::fgets(line, sizeof line, process)) said += line;
  const int status = ::pclose(process);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << said;
  EXPECT_NE(read_file(out).find("kama_values: 成功"), std::string::npos) << read_file(out);
  EXPECT_EQ(runs_of(database(), "kama_values"), 1);
}

TEST_F(ImportWait, AnUnreadableWaitIsAUsageError) {
  const auto r = runner_.run("import kama_values --wait soon");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--wait「soon」を読めません"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace sosei::test_support
