// Issue 18 §3: `sosei serve` while another process's import holds the database's writer. A hand
// entry waits within ServeOptions::write_wait and is saved once the import finishes, or is answered
// 503 with Retry-After and a message saying nothing was saved — never a 500; the pages, the API's
// reads and /metrics answer meanwhile without waiting.
#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "serve_fixture.hpp"
#include "store/store.hpp"

namespace sosei::serve::test {
namespace {

using nlohmann::json;

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string entry(const std::string& value) {
  return json{{"kpi", "startups"}, {"period", "R8"}, {"value", value}, {"note", ""}}.dump();
}

// Another process's import, running: its run holds the writer until it commits or is discarded.
struct RunningImport {
  explicit RunningImport(const std::filesystem::path& database)
      : store(store::open_store({.location = database.string()})),
        run(store->begin_import({"tourism", "tourism", "0"})) {}
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::ImportTransaction> run;
};

TEST_F(ServeTest, AnEntryThatCannotGetTheWriterIs503WithRetryAfterAndReadsDoNotWait) {
  const std::string token = add_token(database_, "産業振興課");
  options_.write_wait = std::chrono::milliseconds(50);
  start();
  RunningImport import(database_);

  auto refused = client().Post("/api/entries", bearer(token), entry("9件"), "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "5");
  const std::string error = json::parse(refused->body)["error"];
  EXPECT_NE(error.find("取り込みの書き込み中"), std::string::npos) << error;
  EXPECT_NE(error.find("値は保存していません"), std::string::npos) << error;

  // The form says the same on its page (not a bare 500).
  httplib::Params form{{"token", token}, {"kpi", "startups"}, {"period", "R8"}, {"value", "9件"}};
  auto page = client().Post("/entry", form);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 503);
  EXPECT_NE(page->body.find("値は保存していません"), std::string::npos);

  // Reads go on while the import holds the writer.
  for (const char* path : {"/", "/api/evaluation", "/api/status", "/metrics", "/api/kpis"}) {
    auto r = client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
  }

  import.run->discard();
  auto saved = client().Post("/api/entries", bearer(token), entry("9件"), "application/json");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 201) << saved->body;
}

TEST_F(ServeTest, AnEntryWaitsForARunningImportAndIsSavedWhenItFinishes) {
  const std::string token = add_token(database_, "産業振興課");
  std::promise<void> waiting;
  std::once_flag once;
  options_.write_wait = std::chrono::minutes(2);
  options_.on_write_wait = [&] { std::call_once(once, [&] { waiting.set_value(); }); };
  start();
  RunningImport import(database_);

  auto posted = std::async(std::launch::async, [&] {
    return client().Post("/api/entries", bearer(token), entry("9件"), "application/json");
  });
  waiting.get_future().wait();  // the entry met the running import's lock
  import.run->commit();
  auto r = posted.get();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(json::parse(r->body)["inserted"], true);
}

}  // namespace
}  // namespace sosei::serve::test
