// Imports through a `sosei worker` process: the same stored result as in-process, and every fault a
// plugin can have (crash, abort, throw, exit, hang, flood, unbounded memory) contained and recorded.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "import/importer.hpp"
#include "strategy_fixture.hpp"

namespace fs = std::filesystem;
using namespace sosei;
using namespace std::chrono_literals;

namespace {

// AddressSanitizer turns a segfault into its own report and abort.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

class IsolationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sosei-isolation-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = store::open_store({(dir_ / "t.db").string()});
    config_ = test_support::small_config();
    config_.sources[0].plugin = "fault";
    registry_ = host::PluginRegistry::scan({fs::path(FAULT_PLUGIN_DIR)});
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  import::ImportOutcome run(const std::string& mode, const std::string& count, bool isolate,
                            import::ImportOptions options = {}) {
    config_.sources[0].settings["mode"] = {mode, {}};
  config_.sources[0].settings["count"] = {count, {}};
  options.isolate = isolate;
  options.worker_executable = SOSEI_EXECUTABLE;
  if (options.limits.timeout.count() == 0) options.limits.timeout = 60s;
  return import::import_source(config_, config_.sources[0], registry_, *store_, options);
}

std::string
dump() {
  std::string out;
  for (const auto& series : store_->series())
    for (const auto& o : store_->values({series, std::nullopt, std::nullopt})) {
      out += series + " " + o.key.period.str();
      for (const auto& [k, v] : o.key.dimensions) out += " " + k + "=" + v;
      out += " " + o.data.value.str() + " '" + o.data.note + "' " + o.data.location + " r" +
             std::to_string(o.revision_count) + "\n";
    }
  out += "state " + store_->state("src", "plugin.runs").value_or("-") + "\n";
  return out;
}

// A fault leaves nothing but the failed run record.
void expect_contained(const import::ImportOutcome& o, const std::string& reason_part) {
  EXPECT_FALSE(o.ok());
  EXPECT_EQ(o.record.status, store::RunStatus::Failed);
  EXPECT_NE(o.record.error.find(reason_part), std::string::npos) << o.record.error;
  EXPECT_TRUE(store_->series().empty()) << dump();
  EXPECT_EQ(store_->state("src", "plugin.runs"), std::nullopt);
  ASSERT_EQ(store_->runs().size(), 1u);
  EXPECT_EQ(store_->runs()[0].status, store::RunStatus::Failed);
  EXPECT_EQ(store_->runs()[0].error, o.record.error);
}

fs::path dir_;
std::unique_ptr<store::Store> store_;
config::AppConfig config_;
host::PluginRegistry registry_;
};  // namespace

}  // namespace

TEST_F(IsolationTest, WorkerAndInProcessStoreExactlyTheSame) {
  auto in_process = run("none", "500", false);
  ASSERT_TRUE(in_process.ok()) << in_process.record.error;
  const std::string expected = dump();
  const auto in_record = store_->runs()[0];

  store_.reset();
  fs::remove(dir_ / "t.db");
  store_ = store::open_store({(dir_ / "t.db").string()});
  auto worker = run("none", "500", true);
  ASSERT_TRUE(worker.ok()) << worker.record.error;
  EXPECT_EQ(dump(), expected);
  const auto w_record = store_->runs()[0];
  EXPECT_EQ(w_record.accepted, 500);
  EXPECT_EQ(w_record.accepted, in_record.accepted);
  EXPECT_EQ(w_record.inserted, in_record.inserted);
  EXPECT_EQ(w_record.fingerprint, in_record.fingerprint);
  EXPECT_EQ(w_record.plugin, "fault");
}

TEST_F(IsolationTest, RevisionsAndStateBehaveAsInProcess) {
  ASSERT_TRUE(run("none", "5", true).ok());
  config_.sources[0].settings["value"] = {"2", {}};
  auto second = run("none", "5", true);
  ASSERT_TRUE(second.ok()) << second.record.error;
  EXPECT_EQ(second.record.revised, 1);
  EXPECT_EQ(store_->state("src", "plugin.runs"), "2");  // the worker read the state through the parent
}

TEST_F(IsolationTest, SegfaultIsContained) {
  auto o = run("segfault", "10", true);
  expect_contained(o, "SIGSEGV");
  EXPECT_NE(o.record.error.find("src/fault"), std::string::npos) << o.record.error;
}

TEST_F(IsolationTest, AbortIsContained) { expect_contained(run("abort", "10", true), "SIGABRT"); }

TEST_F(IsolationTest, ThrowIsReportedWithThePluginsMessage) {
  expect_contained(run("throw", "10", true), "the department's file server sent nonsense");
}

// Under LeakSanitizer the exit code of a process that calls exit() may become LSan's own.
TEST_F(IsolationTest, ExitIsContained) {
  expect_contained(run("exit3", "10", true), kSanitized ? "exited with code" : "exited with code 3");
}

TEST_F(IsolationTest, HangIsKilledAtTheTimeout) {
  import::ImportOptions options;
  options.limits.timeout = 1500ms;
  expect_contained(run("hang", "10", true, options), "timed out after 1 s");
}

TEST_F(IsolationTest, StdoutFloodNeitherCorruptsTheProtocolNorBlocks) {
  auto o = run("flood_stdout", "10", true);
  ASSERT_TRUE(o.ok()) << o.record.error;
  EXPECT_EQ(o.record.accepted, 10);
}

TEST_F(IsolationTest, StderrFloodNeitherCorruptsTheProtocolNorBlocks) {
  auto o = run("flood_stderr", "10", true);
  ASSERT_TRUE(o.ok()) << o.record.error;
  EXPECT_EQ(o.record.accepted, 10);
}

TEST_F(IsolationTest, UnboundedAllocationHitsTheMemoryLimit) {
  import::ImportOptions options;
  options.limits.memory_limit_bytes = 256ull << 20;
  expect_contained(run("allocate", "10", true, options), "memory");
}

TEST_F(IsolationTest, FatalRejectionReadsAsInProcess) {
  config_.sources[0].on_bad_row = config::OnBadRow::Fail;
  auto in_process = run("reject", "2", false);
  ASSERT_FALSE(in_process.ok());
  store_.reset();
  fs::remove(dir_ / "t.db");
  store_ = store::open_store({(dir_ / "t.db").string()});
  auto worker = run("reject", "2", true);
  EXPECT_EQ(worker.record.error, in_process.record.error);
  expect_contained(worker, "row 99 is unreadable");
}

TEST_F(IsolationTest, SkippedRejectionIsCountedAsInProcess) {
  config_.sources[0].on_bad_row = config::OnBadRow::Skip;
  auto o = run("reject", "4", true);
  ASSERT_TRUE(o.ok()) << o.record.error;
  EXPECT_EQ(o.record.accepted, 4);
  EXPECT_EQ(o.record.rejected, 1);
  ASSERT_EQ(o.record.rejections.size(), 1u);
  EXPECT_EQ(o.record.rejections[0].location, "fault.csv:99");
}

TEST_F(IsolationTest, AbortFlagStopsTheWorkerAndRecordsAnAbortedRun) {
  std::atomic<bool> abort{false};
  import::ImportOptions options;
  options.abort = &abort;
  std::thread stopper([&] {
    std::this_thread::sleep_for(300ms);
    abort = true;
  });
  auto o = run("hang", "10", true, options);
  stopper.join();
  EXPECT_EQ(o.record.status, store::RunStatus::Aborted);
  EXPECT_NE(o.record.error.find("aborted"), std::string::npos) << o.record.error;
  EXPECT_TRUE(store_->series().empty());
  EXPECT_EQ(store_->runs()[0].status, store::RunStatus::Aborted);
}

TEST_F(IsolationTest, MissingWorkerExecutableFailsTheRunWithAHint) {
  config_.sources[0].settings["mode"] = {"none", {}};
  import::ImportOptions options;
  options.isolate = true;
  options.worker_executable = (dir_ / "no-such-sosei").string();
  auto o = import::import_source(config_, config_.sources[0], registry_, *store_, options);
  EXPECT_FALSE(o.ok());
  EXPECT_NE(o.record.error.find("SOSEI_WORKER"), std::string::npos) << o.record.error;
}

TEST_F(IsolationTest, OtherRunsKeepWorkingAfterACrash) {
  expect_contained(run("segfault", "3", true), "SIG");
  auto o = run("none", "3", true);
  ASSERT_TRUE(o.ok()) << o.record.error;
  EXPECT_EQ(o.record.inserted, 3);
}

// Issue 14 §1: the parent finds a key repeated in a worker's run as it does in-process.
TEST_F(IsolationTest, RepeatedKeyFailsTheRunInTheWorkerPath) {
  for (bool isolate : {false, true}) {
    auto o = run("duplicate", "4", isolate);
    EXPECT_FALSE(o.ok());
    EXPECT_NE(o.record.error.find("fault.csv:999"), std::string::npos) << o.record.error;
    EXPECT_NE(o.record.error.find("fault.csv:2"), std::string::npos) << o.record.error;
    EXPECT_TRUE(store_->series().empty()) << dump();
  }
}

TEST_F(IsolationTest, RepeatedKeyIsSkippedUnderSkipInTheWorkerPath) {
  config_.sources[0].on_bad_row = config::OnBadRow::Skip;
  auto o = run("duplicate", "4", true);
  ASSERT_TRUE(o.ok()) << o.record.error;
  EXPECT_EQ(o.record.accepted, 4);
  EXPECT_EQ(o.record.rejected, 1);
  ASSERT_EQ(o.record.rejections.size(), 1u);
  EXPECT_EQ(o.record.rejections[0].location, "fault.csv:999");
  EXPECT_NE(o.record.rejections[0].reason.find("fault.csv:2"), std::string::npos);
  EXPECT_NE(dump().find("S0 1 'first'"), std::string::npos) << dump();  // the first value stays
}
