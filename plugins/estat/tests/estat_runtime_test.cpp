// The real estat.so through the real host against a local e-Stat stand-in (cpp-httplib on
// 127.0.0.1): pages by startPosition, a revised table, an unreachable server, a server error, the
// secret missing, and the application ID absent from every error, log line, state key and location.
// The plugin's logic is unit-tested on the fake host in estat_test.cpp.
#include <gtest/gtest.h>
#include <httplib.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "stats_reply.hpp"
#include "support/plugin_harness.hpp"

using namespace sosei;
using namespace estat_test;

namespace {

constexpr const char* kAppId = "fedcba9876543210fedcba9876543210fedcba98";
constexpr const char* kEnv = "SOSEI_ESTAT_RUNTIME_APP_ID";

// getStatsData at /rest/3.0/app/json/getStatsData: the page whose startPosition is asked for (1
// without one); 403 for another application ID, as a check that the plugin sends it.
class EstatStandIn {
 public:
  EstatStandIn() {
    server_.Get("/rest/3.0/app/json/getStatsData", [this](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      if (req.get_param_value("appId") != kAppId) {
        res.status = 403;
        return;
      }
      const std::string start = req.has_param("startPosition") ? req.get_param_value("startPosition") : "1";
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = pages_.find(start);
      if (it == pages_.end()) {
        res.status = 404;
        return;
      }
      res.set_content(it->second, "application/json;charset=utf-8");
    });
    server_.Get("/status/500/getStatsData", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~EstatStandIn() {
    server_.stop();
    thread_.join();
  }
  EstatStandIn(const EstatStandIn&) = delete;
  EstatStandIn& operator=(const EstatStandIn&) = delete;

  void page(unsigned long long start, const Reply& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    pages_[std::to_string(start)] = stats_reply(r);
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_) + "/rest/3.0/app/json"; }
  std::string root() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests() const { return requests_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::map<std::string, std::string> pages_;
  std::atomic<int> requests_{0};
};

class EstatRuntime : public plugin_test::PluginHarness {
 protected:
  const char* plugin_name() const override { return "estat"; }
  const char* plugin_file() const override { return ESTAT_PLUGIN_FILE; }
  void SetUp() override {
    PluginHarness::SetUp();
    ::setenv(kEnv, kAppId, 1);
  }
  void TearDown() override {
    ::unsetenv(kEnv);
    PluginHarness::TearDown();
  }

  // The host here passes settings as given: declared defaults are spelled out.
  host::ResolvedSettings births_source(const std::string& base) const {
    return {{"kpi", "births"}, {"stats_data_id", "0003420482"},
            {"area", "40227"}, {"cd_cat01", "010"},
            {"value", "cell"}, {"app_id_env", kEnv},
            {"base_url", base}};
  }

  host::RunResult run_checked(host::ResolvedSettings settings) {
    auto result = run(std::move(settings), false, 5000, states_);
    states_ = sink_.states;
    EXPECT_EQ(error().find(kAppId), std::string::npos) << error();
    EXPECT_EQ(log().find(kAppId), std::string::npos) << log();
    for (const auto& [key, value] : sink_.states) {
      EXPECT_EQ(key.find(kAppId), std::string::npos) << key;
      EXPECT_EQ(value.find(kAppId), std::string::npos) << value;
    }
    for (const auto& o : sink_.observations) EXPECT_EQ(o.file.find(kAppId), std::string::npos) << o.file;
    return result;
  }

  std::map<std::string, std::string> states_;  // carried from run to run, as the store keeps them
};

TEST_F(EstatRuntime, PagesThroughTheHostAndAnUnchangedTable) {
  EstatStandIn api;
  auto cells = birth_cells(2015, 2024);
  Reply first = reply_of({cells.begin(), cells.begin() + 6});
  first.next_key = 7;
  Reply second = reply_of({cells.begin() + 6, cells.end()});
  second.from = 7;
  api.page(1, first);
  api.page(7, second);
  ASSERT_EQ(run_checked(births_source(api.base())), host::RunResult::Succeeded) << error();
  ASSERT_EQ(sink_.observations.size(), 10u);
  EXPECT_EQ(sink_.observations[0].period.year, 2015);
  EXPECT_EQ(sink_.observations[9].number, births(2024));
  EXPECT_EQ(api.requests(), 2);

  first.date = "2025-03-01T09:00:00.000+09:00";  // the same table, asked again later
  api.page(1, first);
  EXPECT_EQ(run_checked(births_source(api.base())), host::RunResult::Unchanged) << error();
  EXPECT_TRUE(sink_.observations.empty());

  second.cells.back().value = "640";  // 2024 revised
  api.page(7, second);
  ASSERT_EQ(run_checked(births_source(api.base())), host::RunResult::Succeeded) << error();
  EXPECT_EQ(sink_.observations.back().number, 640);
}

TEST_F(EstatRuntime, AnUnreachableServerFailsWithoutTheSecret) {
  std::string base;
  {
    EstatStandIn gone;
    base = gone.base();
  }  // stopped: its port now refuses connections
  EXPECT_EQ(run_checked(births_source(base)), host::RunResult::Failed);
  EXPECT_NE(error().find("appId=***"), std::string::npos) << error();
}

TEST_F(EstatRuntime, AServerErrorFailsWithoutTheSecret) {
  EstatStandIn api;
  EXPECT_EQ(run_checked(births_source(api.root() + "/status/500")), host::RunResult::Failed);
  EXPECT_NE(error().find("HTTP 500"), std::string::npos) << error();
}

TEST_F(EstatRuntime, TheSecretMissing) {
  EstatStandIn api;
  ::unsetenv(kEnv);
  EXPECT_EQ(run_checked(births_source(api.base())), host::RunResult::Failed);
  EXPECT_NE(error().find(kEnv), std::string::npos) << error();
  EXPECT_EQ(api.requests(), 0);
}

// `sosei plugin check`, the department CI's gate, passes on the plugin: settings checked against the
// declared ones, a dry run in a worker process against the stand-in, every observation fine.
TEST_F(EstatRuntime, PluginCheckPasses) {
  EstatStandIn api;
  api.page(1, reply_of(migration_cells(2016, 2020)));
  const std::string settings = write("source.yaml",
                                     "settings:\n"
                                     "  kpi: net_migration\n"
                                     "  stats_data_id: \"0003420482\"\n"
                                     "  area: \"402273\"\n"
                                     "  cd_cat01: \"001\"\n"
                                     "  value: difference\n"
                                     "  minus: cat01=002\n"
                                     "  app_id_env: " +
                                         std::string(kEnv) + "\n  base_url: " + api.base() + "\n");
  const std::string out = path("check.txt");
  const std::string command = std::string(SOSEI_BINARY) + " plugin check " + ESTAT_PLUGIN_FILE + " --settings " +
                              settings + " > " + out + " 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(out);
  const std::string report((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(status, 0) << report;
  // In Japanese, the department's language (--lang en: English).
  EXPECT_NE(report.find("試しの実行: 成功"), std::string::npos) << report;
  EXPECT_NE(report.find("観測値 5 件"), std::string::npos) << report;
  EXPECT_NE(report.find("2016年（暦年）"), std::string::npos) << report;
  EXPECT_NE(report.find("合格: 読めない行 0 件、問題のある観測値 0 件"), std::string::npos) << report;
  EXPECT_EQ(report.find(kAppId), std::string::npos) << report;
}

}  // namespace
