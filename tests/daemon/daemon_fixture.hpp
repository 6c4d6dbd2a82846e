// A scratch configuration (two-KPI strategy, sources using the fault plugin), a `sosei daemon`
// started in the background with its log captured, and waiting for conditions in the store.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "store/store.hpp"

namespace sosei::test_support {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What the in-process daemon logs while it lives: spdlog's default logger is swapped for one writing
// into a string, and put back when it goes.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()) {
    spdlog::set_default_logger(
        std::make_shared<spdlog::logger>("capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(out_)));
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;
  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

class DaemonFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sosei-daemon-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "db");
    write(dir_ / "strategy.yaml", R"(strategy:
  name: テスト戦略
  city: テスト市
  period: {from: R7, to: R11}
  data_due: "07-31"
goals:
  - no: 1
    name: 目標
    measures:
      - name: 施策
        kpis:
          - id: startups
            name: 創業者数
            unit: 件
            department: 産業振興課
            baseline: {value: 5件, year: R2}
            target: {value: 5年間に40件, kind: cumulative}
          - id: events
            name: イベント数
            unit: 件
            department: 総合政策課
            baseline: {value: 5件, year: R2}
            target: {value: 5年間に40件, kind: cumulative}
)");
    set_daemon("{max_concurrent: 2, grace_period: 5s, quarantine_after: 2}");
  }

  void TearDown() override {
    stop_daemon(SIGKILL);
    fs::remove_all(dir_);
  }

  static void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
  }

  // sosei.yaml with this `daemon:` section (flow YAML).
  void set_daemon(const std::string& daemon_yaml) {
    write(dir_ / "sosei.yaml", "database: db/sosei.db\nplugin_dirs: ['" + std::string(FAULT_PLUGIN_DIR) +
                                   "']\nlog: {level: info}\ntimezone: Asia/Tokyo\nstrategy: strategy.yaml\n"
                                   "sources: sources.yaml\ngrading: {dir: '" +
                                   std::string(SOSEI_TEST_SOURCE_DIR) +
                                   "/config/grading', default: kama}\ndaemon: " + daemon_yaml + "\n");
  }
  void set_sources(const std::string& sources_yaml) { write(dir_ / "sources.yaml", "sources:\n" + sources_yaml); }

  // One fault-plugin source: `schedule` and `settings` are flow YAML maps.
  static std::string source(const std::string& id, const std::string& schedule, const std::string& settings,
                            const std::string& kpi = "startups", const std::string& extra = "") {
    // The plugin emits the source's KPI.
    const std::string with_series = "{series: " + kpi + ", " + settings.substr(1);
    return "  - id: " + id + "\n    plugin: fault\n    kpis: [" + kpi + "]\n    schedule: " + schedule +
           "\n    settings: " + with_series + "\n" + extra;
  }

  fs::path config() const { return dir_ / "sosei.yaml"; }
  // The fault plugin's `marker` file, and the worker pid it holds.
  fs::path marker() const { return dir_ / "observations-stored"; }
  pid_t marker_pid() const { return static_cast<pid_t>(std::stol("0" + slurp(marker()))); }
  fs::path database() const { return dir_ / "db" / "sosei.db"; }
  std::string log() const { return slurp(dir_ / "daemon.log"); }

  void start_daemon() {
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      const std::string log_path = (dir_ / "daemon.log").string();
      std::freopen(log_path.c_str(), "a", stderr);
      std::freopen(log_path.c_str(), "a", stdout);
      const std::string exe = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
      const std::string cfg = config().string();
      ::execl(exe.c_str(), exe.c_str(), "--config", cfg.c_str(), "daemon", static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }

  // Sends `sig` and waits for the daemon to exit; returns its wait status (-1 if none was running).
  int stop_daemon(int sig, std::chrono::seconds wait = 30s) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, sig);
    int status = -1;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        ADD_FAILURE() << "the daemon did not stop within " << wait.count() << " s; log:\n" << log();
        break;
      }
      std::this_thread::sleep_for(20ms);
    }
    pid_ = -1;
    return status;
  }

  // Polls `condition` until it holds or `timeout` passes.
  static bool wait_for(const std::function<bool()>& condition, std::chrono::seconds timeout = 60s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (condition()) return true;
      std::this_thread::sleep_for(50ms);
    }
    return condition();
  }

  // A fresh connection per look, as another process would see the file.
  std::vector<store::RunRecord> runs(const std::string& source) const {
    auto s = store::open_store({database().string()});
    return s->runs(0, source);
  }
  int count_runs(const std::string& source, store::RunStatus status) const {
    int n = 0;
    for (const auto& r : runs(source)) n += r.status == status ? 1 : 0;
    return n;
  }
  bool quarantined(const std::string& source) const {
    auto s = store::open_store({database().string()});
    for (const auto& q : s->quarantines())
      if (q.source == source) return true;
    return false;
  }

  // Runs `sosei --config … ARGS`, returns exit code and fills out/err.
  int sosei(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) const {
    const auto o = dir_ / "cmd.out", e = dir_ / "cmd.err";
    const std::string cmd = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei --config '" + config().string() + "' " + args +
                            " >'" + o.string() + "' 2>'" + e.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    if (out) *out = slurp(o);
    if (err) *err = slurp(e);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // The daemon's worker children (pids whose parent is the daemon).
  std::vector<pid_t> workers() const {
    std::vector<pid_t> out;
    for (const auto& entry : fs::directory_iterator("/proc")) {
      const std::string name = entry.path().filename();
      if (name.find_first_not_of("0123456789") != std::string::npos) continue;
      std::ifstream stat(entry.path() / "stat");
      std::string line;
      if (!std::getline(stat, line)) continue;
      const auto close = line.rfind(')');
      if (close == std::string::npos) continue;
      std::istringstream rest(line.substr(close + 2));
      char state;
      pid_t ppid;
      rest >> state >> ppid;
      if (ppid == pid_ && state != 'Z') out.push_back(std::stoi(name));
    }
    return out;
  }

  fs::path dir_;
  pid_t pid_ = -1;
};

}  // namespace sosei::test_support
