// `sosei hub daemon` in this process, driven tick by tick on a ManualClock: the scheduled sources of
// every city of a hub, each into its own city's store, at most the hub's max_concurrent at once;
// cities that cannot be scheduled are left out with the reason and the others run. On PostgreSQL,
// many cities in one shared database each take their own daemon lock (the lock was one per database).

#include <sstream>

#include "common/clock.hpp"
#include "config/load.hpp"
#include "daemon/daemon_loop.hpp"
#include "daemon/hub_daemon.hpp"
#include "daemon_fixture.hpp"
#include "support/postgres_database.hpp"

using namespace sosei;
using namespace sosei::test_support;

namespace {

constexpr std::chrono::sys_seconds kHalfPast =
    date::sys_days{date::year{2026} / 11 / 28} + std::chrono::hours{5} + std::chrono::minutes{30};

// A hub of cities, each a folder with its own sosei.yaml, strategy (naming the city's code) and one
// hourly source of the fault plugin; the hub file lists them.
class HubDaemonTest : public DaemonFixture {
 protected:
  // A city's folder; `database` is written into its sosei.yaml (the hub may override it).
  void add_city(const std::string& code, const std::string& name, const std::string& strategy_code) {
    const fs::path city = dir_ / code;
    fs::create_directories(city);
    std::string strategy = slurp(dir_ / "strategy.yaml");
    const std::string line = "  city: テスト市\n";
    strategy.replace(strategy.find(line), line.size(),
                     "  city: " + name + "\n  city_code: \"" + strategy_code + "\"\n");
    write(city / "strategy.yaml", strategy);
    write(city / "sources.yaml", "sources:\n" + source("hourly", "{every: 1h}", "{mode: none}"));
    std::string config = slurp(config_path());
    write(city / "sosei.yaml", config);
  }
  fs::path config_path() const { return dir_ / "sosei.yaml"; }

  // The hub file: `cities` is the YAML list's text.
  std::string write_hub(const std::string& cities, int max_concurrent) {
    const fs::path hub = dir_ / "hub.yaml";
    write(hub, "hub: {name: テストハブ, max_concurrent: " + std::to_string(max_concurrent) + shared_ + "}\ncities:\n" +
                   cities);
    return hub.string();
  }
  static std::string city_line(const std::string& code, const std::string& name, bool with_config = true,
                               bool own_database = true) {
    std::string line = "  - {code: \"" + code + "\", name: " + name;
    if (own_database) line += ", database: " + code + "/sosei.db";
    if (with_config) line += ", config: " + code + "/sosei.yaml";
    return line + "}\n";
  }

  daemon::HubDaemonOptions options(const Clock& clock) const {
    daemon::HubDaemonOptions o;
    o.worker_executable = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
    o.clock = &clock;
    return o;
  }

  // Ticks until nothing runs; a finished run rings the loop, so this waits for that event.
  static void finish_runs(daemon::HubDaemon& d) {
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (d.running() > 0 && std::chrono::steady_clock::now() < deadline) {
      d.wait(1s);
      d.tick();
    }
    ASSERT_EQ(d.running(), 0u) << "runs still in flight after 60 s";
  }

  virtual std::string location_of(const std::string& code) const { return (dir_ / code / "sosei.db").string(); }
  int succeeded(const std::string& code) const {
    store::StoreConfig config;
    config.location = location_of(code);
    config.city = code;
    auto s = store::open_store(config);
    int n = 0;
    for (const auto& r : s->runs(0, "hourly")) n += r.status == store::RunStatus::Succeeded ? 1 : 0;
    return n;
  }

  std::string shared_;  // ", database: URI" when the cities share one PostgreSQL database
};

TEST_F(HubDaemonTest, EachCityImportsIntoItsOwnStoreAtMostMaxConcurrentAtOnce) {
  add_city("402273", "嘉麻市", "402273");
  add_city("402052", "飯塚市", "402052");
  const config::Hub hub = config::load_hub(write_hub(city_line("402273", "嘉麻市") + city_line("402052", "飯塚市"), 1));
  LogCapture log;
  ManualClock clock(kHalfPast);
  daemon::HubDaemon d(hub, options(clock));
  EXPECT_EQ(d.scheduled(), (std::vector<std::string>{"402273", "402052"}));
  EXPECT_TRUE(d.unscheduled().empty());

  d.tick();  // both are due (never run); the hub runs one import at a time
  EXPECT_EQ(d.running(), 1u);
  finish_runs(d);
  d.tick();
  EXPECT_EQ(d.running(), 1u);  // the other city's, now that the slot is free
  finish_runs(d);
  EXPECT_EQ(succeeded("402273"), 1);
  EXPECT_EQ(succeeded("402052"), 1);
  EXPECT_NE(log.text().find("[402273 hourly] 取込を始めます"), std::string::npos) << log.text();
  EXPECT_NE(log.text().find("[402052 hourly] 成功"), std::string::npos) << log.text();

  clock.advance(30min);  // 06:00: both due again; one slot: one city, then the other
  d.tick();
  EXPECT_EQ(d.running(), 1u);
  finish_runs(d);
  d.tick();
  finish_runs(d);
  EXPECT_EQ(succeeded("402273"), 2);
  EXPECT_EQ(succeeded("402052"), 2);

  d.handle_signal(SIGTERM);
  EXPECT_FALSE(d.tick());  // nothing runs: every city has stopped
}

TEST_F(HubDaemonTest, TwoSlotsRunTwoCitiesAtOnce) {
  add_city("402273", "嘉麻市", "402273");
  add_city("402052", "飯塚市", "402052");
  const config::Hub hub = config::load_hub(write_hub(city_line("402273", "嘉麻市") + city_line("402052", "飯塚市"), 2));
  ManualClock clock(kHalfPast);
  daemon::HubDaemon d(hub, options(clock));
  d.tick();
  EXPECT_EQ(d.running(), 2u);
  finish_runs(d);
  EXPECT_EQ(succeeded("402273"), 1);
  EXPECT_EQ(succeeded("402052"), 1);
}

// One bad city does not keep the others from running: no config, a config of another city, a
// city whose own daemon already schedules it — each left out with its reason in the log.
TEST_F(HubDaemonTest, CitiesThatCannotBeScheduledAreLeftOutWithTheReasonAndTheOthersRun) {
  add_city("402273", "嘉麻市", "402273");
  add_city("402052", "飯塚市", "402273");  // its strategy names 嘉麻市's code
  add_city("404217", "桂川町", "404217");
  const config::Hub hub =
      config::load_hub(write_hub(city_line("402273", "嘉麻市") + city_line("402052", "飯塚市") +
                                     city_line("404217", "桂川町") + city_line("403423", "宇美町", false),
                                 4));
  ManualClock clock(kHalfPast);
  // 桂川町 runs its own daemon.
  daemon::DaemonOptions own;
  own.config_path = (dir_ / "404217" / "sosei.yaml").string();
  own.database_override = location_of("404217");
  own.worker_executable = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
  own.clock = &clock;
  daemon::Daemon own_daemon(own);

  LogCapture log;
  daemon::HubDaemon d(hub, options(clock));
  EXPECT_EQ(d.scheduled(), (std::vector<std::string>{"402273"}));
  ASSERT_EQ(d.unscheduled().size(), 3u);
  EXPECT_EQ(d.unscheduled()[0].code, "402052");
  EXPECT_NE(d.unscheduled()[0].reason.find("402273"), std::string::npos) << d.unscheduled()[0].reason;
  EXPECT_EQ(d.unscheduled()[1].code, "404217");
  EXPECT_NE(d.unscheduled()[1].reason.find("another sosei daemon"), std::string::npos) << d.unscheduled()[1].reason;
  EXPECT_EQ(d.unscheduled()[2].code, "403423");
  EXPECT_NE(d.unscheduled()[2].reason.find("config:"), std::string::npos) << d.unscheduled()[2].reason;
  EXPECT_NE(log.text().find("402052（飯塚市）は予定に入れません"), std::string::npos) << log.text();

  d.tick();
  EXPECT_EQ(d.running(), 1u);
  finish_runs(d);
  EXPECT_EQ(succeeded("402273"), 1);
  EXPECT_FALSE(fs::exists(dir_ / "402052" / "sosei.db"));  // nothing made for the misconfigured city
}

// SIGHUP reloads each city's configuration, but never one that names another city: the daemon lock
// it holds is its city's.
TEST_F(HubDaemonTest, AReloadThatWouldChangeTheCityIsRefused) {
  add_city("402273", "嘉麻市", "402273");
  const config::Hub hub = config::load_hub(write_hub(city_line("402273", "嘉麻市"), 1));
  LogCapture log;
  ManualClock clock(kHalfPast);
  daemon::HubDaemon d(hub, options(clock));
  std::string strategy = slurp(dir_ / "402273" / "strategy.yaml");
  const std::string code = "city_code: \"402273\"";
  strategy.replace(strategy.find(code), code.size(), "city_code: \"402052\"");
  write(dir_ / "402273" / "strategy.yaml", strategy);
  d.handle_signal(SIGHUP);
  EXPECT_NE(log.text().find("the city_code changed (402273 → 402052)"), std::string::npos) << log.text();
  d.tick();
  finish_runs(d);
  EXPECT_EQ(succeeded("402273"), 1);  // still 嘉麻市's, into 嘉麻市's store
}

TEST_F(HubDaemonTest, AHubWithNoCityToScheduleIsRefused) {
  const config::Hub hub = config::load_hub(write_hub(city_line("402273", "嘉麻市", false), 1));
  ManualClock clock(kHalfPast);
  EXPECT_THROW(daemon::HubDaemon(hub, options(clock)), daemon::NoCityToSchedule);
}

// Many cities in one shared PostgreSQL database: each city's daemon lock is its own, so the hub
// schedules them all, and each city's runs are stored under its code only.
class HubDaemonOnPostgres : public HubDaemonTest {
 protected:
  void SetUp() override {
    HubDaemonTest::SetUp();
    cluster_ = store::test::postgres_cluster();
    if (!cluster_) {
      if (store::test::postgres_required()) GTEST_FAIL() << "no PostgreSQL cluster";
      GTEST_SKIP() << "no PostgreSQL cluster (SOSEI_REQUIRE_POSTGRES=1 fails instead)";
    }
    database_ = "sosei_hub_daemon_" + std::to_string(::getpid());
    store::test::drop_database(*cluster_, database_);
    ASSERT_EQ(store::test::create_database(*cluster_, database_), "");
    uri_ = store::test::postgres_uri(*cluster_, database_);
    shared_ = ", database: '" + uri_ + "'";
  }
  void TearDown() override {
    if (cluster_ && !database_.empty()) store::test::drop_database(*cluster_, database_);
    HubDaemonTest::TearDown();
  }
  std::string location_of(const std::string&) const override { return uri_; }

  std::optional<std::string> cluster_;
  std::string database_;
  std::string uri_;
};

TEST_F(HubDaemonOnPostgres, CitiesOfOneSharedDatabaseAreScheduledEachUnderItsOwnLock) {
  add_city("402273", "嘉麻市", "402273");
  add_city("402052", "飯塚市", "402052");
  const config::Hub hub = config::load_hub(
      write_hub(city_line("402273", "嘉麻市", true, false) + city_line("402052", "飯塚市", true, false), 2));
  ManualClock clock(kHalfPast);
  daemon::HubDaemon d(hub, options(clock));
  EXPECT_EQ(d.scheduled(), (std::vector<std::string>{"402273", "402052"}));
  d.tick();
  EXPECT_EQ(d.running(), 2u);
  finish_runs(d);
  EXPECT_EQ(succeeded("402273"), 1);
  EXPECT_EQ(succeeded("402052"), 1);

  // A second daemon for one of the cities is refused, naming this process; the other city's lock is
  // not in its way.
  store::StoreConfig kama_config;
  kama_config.location = uri_;
  kama_config.city = "402273";
  auto kama = store::open_store(kama_config);
  try {
    kama->lock_daemon();
    ADD_FAILURE() << "a second daemon locked 嘉麻市";
  } catch (const store::AlreadyRunning& e) {
    EXPECT_NE(std::string(e.what()).find("sosei daemon pid " + std::to_string(::getpid())), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("for city 402273"), std::string::npos) << e.what();
  }
  store::StoreConfig other_config = kama_config;
  other_config.city = "404217";
  auto other_city = store::open_store(other_config);
  EXPECT_NO_THROW(other_city->lock_daemon());
}

}  // namespace
