// The built `sosei` binary: `sosei token create|list|revoke`, `sosei serve` refusing a non-loopback
// address without a token, and serving the bundled Kama configuration — an entry by a department's
// token over HTTP — until SIGTERM stops it cleanly.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "e2e/sosei_runner.hpp"

namespace sosei::serve::test {
namespace {

using nlohmann::json;
using test_support::SoseiRunner;

// `sosei serve` as a child process; its first stdout line gives the address.
class ServeProcess {
 public:
  ServeProcess(const SoseiRunner& runner, const std::vector<std::string>& args,
               const std::vector<std::string>& command = {"serve"}) {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    const std::string binary = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
    const std::string config = runner.config().string();
    const std::string err = (runner.dir() / "serve-stderr.txt").string();
    std::vector<std::string> argv_text{binary, "--config", config};
    argv_text.insert(argv_text.end(), command.begin(), command.end());
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      const int fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, STDERR_FILENO);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') first_line_ += c;
    close(out[0]);
    std::smatch m;
    if (std::regex_search(first_line_, m, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) port_ = std::stoi(m[1]);
    stderr_file_ = err;
  }
  ~ServeProcess() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  int port() const { return port_; }
  const std::string& first_line() const { return first_line_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60);
    return c;
  }
  // Sends `signal` and returns the exit code (-1 when it did not exit normally).
  int stop(int signal) {
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string stderr_text() const { return test_support::read_file(stderr_file_); }

 private:
  pid_t pid_ = -1;
  bool waited_ = false;
  int port_ = 0;
  std::string first_line_;
  std::string stderr_file_;
};

// Issue 16: the bundled example hub (config/hub.yaml) over the demo's database: `sosei hub summary`
// prints Kama's saved grades and names the two neighbours without a database; `sosei hub serve`
// answers the same as JSON until SIGTERM.
TEST(HubCommands, SummaryAndServeOnTheBundledExampleHub) {
  SoseiRunner s("hub");
  ASSERT_EQ(s.run("import --all").exit_code, 0);
  ASSERT_EQ(s.run("evaluate --as-of R7 --save").exit_code, 0);
  const std::string hub = (s.dir() / "config" / "hub.yaml").string();
  const auto table = s.run("hub summary --hub '" + hub + "'");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("嘉飯圏域 KPI ハブ（例）: 全 3 団体"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("402273  嘉麻市  2026年3月31日"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("402052  飯塚市  データベースなし"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("評価のない団体 2 : 飯塚市、桂川町"), std::string::npos) << table.out;
  const auto stored = json::parse(s.run("evaluations --json").out);
  ASSERT_EQ(stored.size(), 1u);

  ServeProcess server(s, {"--hub", hub, "--port", "0"}, {"hub", "serve"});
  ASSERT_GT(server.port(), 0) << server.first_line() << server.stderr_text();
  const auto r = server.client().Get("/api/hub?group=%E5%98%89%E9%A3%AF%E5%9C%8F%E5%9F%9F");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = json::parse(r->body);
  ASSERT_EQ(j["cities"].size(), 3u);
  EXPECT_EQ(j["cities"][1]["code"], "402273");
  EXPECT_EQ(j["cities"][1]["evaluation"]["grades"], stored[0]["grades"]);
  // 嘉麻市's own dashboard and API at the hub, from its configuration (`config:` in the hub file).
  auto page = server.client().Get("/city/402273/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("嘉麻市"), std::string::npos);
  EXPECT_EQ(server.client().Get("/city/402052/api/evaluation")->status, 404);  // no config for 飯塚市

  // Once the hub has a token, the running server asks every request for one and reads its scope.
  const std::string in_hub = " --hub '" + hub + "'";
  const auto created = s.run("hub token create --scope prefecture:福岡県 --note 県企画課 --json" + in_hub);
  ASSERT_EQ(created.exit_code, 0) << created.err;
  const std::string token = json::parse(created.out)["token"];
  EXPECT_NE(created.err.find("ハブのトークン 1 を作りました（範囲: prefecture:40）"), std::string::npos) << created.err;
  EXPECT_EQ(server.client().Get("/api/hub")->status, 401);
  const httplib::Headers bearer{{"Authorization", "Bearer " + token}};
  EXPECT_EQ(server.client().Get("/api/hub", bearer)->status, 200);
  EXPECT_EQ(server.client().Get("/api/hub?prefecture=13", bearer)->status, 403);
  EXPECT_EQ(server.client().Get("/city/402273/api/evaluation", bearer)->status, 200);
  // A department's token of 嘉麻市 (in its store) reads 嘉麻市's pages, not the hub's.
  const auto city_token = s.run("token create --department 産業振興課 --json");
  ASSERT_EQ(city_token.exit_code, 0) << city_token.err;
  const httplib::Headers city{{"Authorization", "Bearer " + json::parse(city_token.out)["token"].get<std::string>()}};
  EXPECT_EQ(server.client().Get("/city/402273/", city)->status, 200);
  EXPECT_EQ(server.client().Get("/api/hub", city)->status, 403);

  const json listed = json::parse(s.run("hub token list --json" + in_hub).out);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["scope"], "prefecture:40");
  EXPECT_EQ(listed[0]["note"], "県企画課");
  EXPECT_EQ(listed[0].dump().find(token), std::string::npos);  // never the token
  const auto revoked = s.run("hub token revoke 1" + in_hub);
  EXPECT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_NE(revoked.out.find("ハブのトークン 1 を失効させました"), std::string::npos) << revoked.out;
  EXPECT_EQ(s.run("hub token revoke 1" + in_hub).exit_code, 2);
  // Its last token revoked, the hub does not fall open: nobody reads it until a new token exists.
  EXPECT_EQ(server.client().Get("/api/hub", bearer)->status, 401);
  EXPECT_EQ(server.client().Get("/api/hub")->status, 401);
  const auto bad_scope = s.run("hub token create --scope prefecture:99" + in_hub);
  EXPECT_EQ(bad_scope.exit_code, 2);
  EXPECT_NE(bad_scope.err.find("都道府県ではありません"), std::string::npos) << bad_scope.err;
  EXPECT_EQ(server.stop(SIGTERM), 0) << server.stderr_text();

  const auto refused = s.run("hub serve --hub '" + hub + "' --bind 0.0.0.0 --port 0");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("リバースプロキシ"), std::string::npos) << refused.err;
}

// Issue 16: `sosei hub daemon` on the bundled example hub schedules 嘉麻市 (the one city with a
// config), says which cities it leaves out and why, imports 嘉麻市's due sources into its database,
// and stops cleanly on SIGTERM. Its log is read from a pipe line by line: each step waits for the
// line that says it happened, not for a time.
TEST(HubCommands, DaemonSchedulesTheCitiesWithAConfigUntilSigterm) {
  SoseiRunner s("hub-daemon");
  const std::string hub = (s.dir() / "config" / "hub.yaml").string();
  int err[2];
  ASSERT_EQ(pipe2(err, O_CLOEXEC), 0);
  const std::string binary = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(err[1], STDERR_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    execl(binary.c_str(), binary.c_str(), "hub", "daemon", "--hub", hub.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(err[1]);
  std::string log;
  // Reads the log until a line holds `text`; false at the end of the log.
  const auto read_until = [&](const std::string& text) {
    char c = 0;
    std::string line;
    while (read(err[0], &c, 1) == 1) {
      log += c;
      if (c != '\n') {
        line += c;
        continue;
      }
      if (line.find(text) != std::string::npos) return true;
      line.clear();
    }
    return false;
  };
  EXPECT_TRUE(read_until("sosei hub daemon を開始しました（pid")) << log;
  EXPECT_NE(log.find("402052（飯塚市）は予定に入れません: ハブファイルにこの団体の config:"), std::string::npos) << log;
  EXPECT_NE(log.find("404217（桂川町）は予定に入れません"), std::string::npos) << log;
  // tools/run-demo's sources, never run here: due at once.
  EXPECT_TRUE(read_until("[402273 kama_values] 成功")) << log;
  kill(pid, SIGTERM);
  EXPECT_FALSE(read_until("never printed"));
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << log;
  EXPECT_EQ(WEXITSTATUS(status), 0) << log;
  EXPECT_NE(log.find("sosei hub daemon を停止しました"), std::string::npos) << log;
  EXPECT_EQ(s.run("runs --source kama_values --json").exit_code, 0);
  EXPECT_NE(s.run("runs --source kama_values --json").out.find("succeeded"), std::string::npos);

  // A hub with no city it can schedule says so in Japanese and exits 1.
  std::ofstream(s.dir() / "config" / "empty-hub.yaml")
      << "hub: {name: 空のハブ}\ncities:\n  - {code: \"402052\", name: 飯塚市, database: iizuka.db}\n";
  const auto none = s.run("hub daemon --hub '" + (s.dir() / "config" / "empty-hub.yaml").string() + "'");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("どの団体も取込みを予定できません"), std::string::npos) << none.err;
}

TEST(TokenCommand, CreateListRevoke) {
  SoseiRunner s("token");
  // A token written into a mistyped database would not work on the server: no database, no token.
  auto no_database = s.run("token create --department 産業振興課");
  EXPECT_EQ(no_database.exit_code, 2);
  EXPECT_NE(no_database.err.find("sosei init"), std::string::npos) << no_database.err;
  ASSERT_EQ(s.run("init").exit_code, 0);
  auto created = s.run("token create --department 産業振興課 --note 窓口");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_TRUE(std::regex_match(created.out, std::regex("sosei_[A-Za-z0-9_-]{43}\n"))) << created.out;
  EXPECT_NE(created.err.find("トークン 1（産業振興課）: 表示はこの一度だけです"), std::string::npos) << created.err;

  const json list = json::parse(s.run("token list --json").out);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], 1);
  EXPECT_EQ(list[0]["department"], "産業振興課");
  EXPECT_EQ(list[0]["note"], "窓口");
  EXPECT_EQ(list[0]["revoked"], false);
  EXPECT_TRUE(list[0]["last_used_at"].is_null());
  EXPECT_EQ(list[0].dump().find(created.out.substr(0, created.out.size() - 1)), std::string::npos);  // never the token

  auto revoked = s.run("token revoke 1");
  EXPECT_EQ(revoked.exit_code, 0);
  EXPECT_NE(revoked.out.find("トークン 1（産業振興課）を失効させました"), std::string::npos);
  EXPECT_EQ(json::parse(s.run("token list --json").out)[0]["revoked"], true);
  auto again = s.run("token revoke 1");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("失効済みです"), std::string::npos);
  EXPECT_EQ(s.run("token revoke 99").exit_code, 2);

  auto typo = s.run("token create --department 産業振興");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("担当課: "), std::string::npos) << typo.err;
  auto no_hand_kpi = s.run("token create --department 交通政策課");
  EXPECT_EQ(no_hand_kpi.exit_code, 0);
  EXPECT_NE(no_hand_kpi.err.find("entered_by_hand"), std::string::npos) << no_hand_kpi.err;
  EXPECT_EQ(s.run("token create").exit_code, 2);  // --department is required
}

TEST(ServeCommand, RefusesANonLoopbackAddressWithoutAToken) {
  SoseiRunner s("serve-refused");
  auto r = s.run("serve --bind 0.0.0.0 --port 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sosei token create --department"), std::string::npos) << r.err;
  EXPECT_NE(s.run("serve --help").out.find("--bind"), std::string::npos);
}

TEST(ServeCommand, ServesTheBundledCityAndStopsOnSigterm) {
  SoseiRunner s("serve");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  const std::string token = s.run("token create --department 産業振興課").out.substr(0, 49);

  ServeProcess serve(s, {"--port", "0"});
  ASSERT_GT(serve.port(), 0) << serve.first_line() << serve.stderr_text();
  auto kpis = serve.client().Get("/api/kpis");
  ASSERT_TRUE(kpis);
  ASSERT_EQ(kpis->status, 200);
  bool startups_by_hand = false;
  const json listed = json::parse(kpis->body);
  for (const auto& k : listed["kpis"])
    if (k["id"] == "startups") startups_by_hand = k["entered_by_hand"];
  EXPECT_TRUE(startups_by_hand);

  const httplib::Headers auth{{"Authorization", "Bearer " + token}};
  const std::string r8 = R"({"kpi": "startups", "period": "R8", "value": "6件", "note": "速報値"})";
  auto entered = serve.client().Post("/api/entries", auth, r8, "application/json");
  ASSERT_TRUE(entered);
  EXPECT_EQ(entered->status, 201) << entered->body;
  // The same value confirmed: only the note changes (速報値 → 確定値), a revision by the same token.
  const std::string confirmed = R"({"kpi": "startups", "period": "R8", "value": "6件", "note": "確定値"})";
  EXPECT_EQ(serve.client().Post("/api/entries", auth, confirmed, "application/json")->status, 201);
  // R7 came with the city's CSV: the entry may not undo it.
  const std::string r7 = R"({"kpi": "startups", "period": "R7", "value": "9件"})";
  EXPECT_EQ(serve.client().Post("/api/entries", auth, r7, "application/json")->status, 409);
  EXPECT_EQ(serve.client().Get("/")->status, 200);
  EXPECT_EQ(serve.client().Get("/metrics")->status, 200);

  EXPECT_EQ(serve.stop(SIGTERM), 0);
  EXPECT_NE(serve.stderr_text().find("処理中のリクエストを終えてから停止します"), std::string::npos)
      << serve.stderr_text();
  const json runs = json::parse(s.run("runs --json --source hand:産業振興課").out);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0]["plugin"], "hand-entry");

  // history says who entered and who confirmed it: the department and the token (docs/serve.md).
  const auto history = s.run("history startups R8 --json");
  ASSERT_EQ(history.exit_code, 0) << history.err;
  const json h = json::parse(history.out);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0]["first_note"], "速報値");
  EXPECT_EQ(h[0]["first_by"]["department"], "産業振興課");
  EXPECT_EQ(h[0]["first_by"]["token_id"], 1);
  ASSERT_EQ(h[0]["revisions"].size(), 1u);
  const json& revision = h[0]["revisions"][0];
  EXPECT_EQ(revision["note_changed"], true);
  EXPECT_EQ(revision["value_changed"], false);
  EXPECT_EQ(revision["old_note"], "速報値");
  EXPECT_EQ(revision["new_note"], "確定値");
  EXPECT_EQ(revision["by"]["source"], "hand:産業振興課");
  EXPECT_EQ(revision["by"]["token_id"], 1);
  EXPECT_EQ(revision["by"]["run_id"], runs[0]["id"]);
  const auto table = s.run("history startups R8");
  EXPECT_NE(table.out.find("速報値 → 確定値"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("産業振興課 トークン 1"), std::string::npos) << table.out;
}

}  // namespace
}  // namespace sosei::serve::test
