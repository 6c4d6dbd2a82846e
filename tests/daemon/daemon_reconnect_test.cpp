// The daemon's loop on a PostgreSQL server that goes away: the server ends its sessions and refuses
// the database, the loop starts nothing and tries again after 1 s, 2 s, 4 s on the ManualClock, says
// so in its log and its state file (which `sosei status` prints), and schedules again once the server
// takes connections. No sleeps: each attempt is made by the tick the test calls.

#include <sstream>

#include "app/next_run.hpp"
#include "common/clock.hpp"
#include "daemon/daemon_loop.hpp"
#include "daemon_fixture.hpp"
#include "status/daemon_state.hpp"
#include "support/postgres_database.hpp"

using namespace sosei;
using namespace sosei::test_support;

namespace {

constexpr std::chrono::sys_seconds kHalfPast =
    date::sys_days{date::year{2026} / 11 / 28} + std::chrono::hours{5} + std::chrono::minutes{30};
constexpr std::chrono::sys_seconds kSix = kHalfPast + std::chrono::minutes{30};

class DaemonReconnect : public DaemonFixture {
 protected:
  void SetUp() override {
    DaemonFixture::SetUp();
    cluster_ = store::test::postgres_cluster();
    if (!cluster_) {
      if (store::test::postgres_required()) GTEST_FAIL() << "no PostgreSQL cluster";
      GTEST_SKIP() << "no PostgreSQL cluster (SOSEI_REQUIRE_POSTGRES=1 fails instead)";
    }
    database_ = "sosei_daemon_reconnect_" + std::to_string(::getpid());
    store::test::drop_database(*cluster_, database_);
    ASSERT_EQ(store::test::create_database(*cluster_, database_), "");
    uri_ = store::test::postgres_uri(*cluster_, database_);
    std::string yaml = slurp(config());
    const std::string sqlite = "database: db/sosei.db";
    yaml.replace(yaml.find(sqlite), sqlite.size(), "database: '" + uri_ + "'");
    write(config(), yaml);
  }

  void TearDown() override {
    if (cluster_ && !database_.empty()) {
      allow_connections(true);
      store::test::drop_database(*cluster_, database_);
    }
    DaemonFixture::TearDown();
  }

  std::string admin(const std::string& sql) const {
    std::string error;
    std::string out = store::test::postgres_query(store::test::postgres_uri(*cluster_, "postgres"), sql, &error);
    EXPECT_EQ(error, "") << sql;
    return out;
  }
  void allow_connections(bool allow) const {
    admin("ALTER DATABASE " + database_ + " ALLOW_CONNECTIONS " + (allow ? "true" : "false"));
  }
  // Ends every session on the database (the daemon's store and its lock) and waits, in the server,
  // until they are gone.
  void terminate_sessions() const {
    const std::string on_db = " FROM pg_stat_activity WHERE datname = '" + database_ + "'";
    admin("SELECT count(pg_terminate_backend(pid))" + on_db);
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (admin("SELECT count(*)" + on_db) != "0") ASSERT_LT(std::chrono::steady_clock::now(), deadline);
  }

  int succeeded(const std::string& source) const {
    auto s = store::open_store({uri_});
    int n = 0;
    for (const auto& r : s->runs(0, source)) n += r.status == store::RunStatus::Succeeded ? 1 : 0;
    return n;
  }

  std::optional<std::string> cluster_;
  std::string database_;
  std::string uri_;
};

daemon::DaemonOptions options_for(const fs::path& config, const Clock& clock, text::Lang lang = text::Lang::Ja) {
  daemon::DaemonOptions o;
  o.config_path = config.string();
  o.worker_executable = std::string(SOSEI_TEST_BINARY_DIR) + "/sosei";
  o.clock = &clock;
  o.lang = lang;
  return o;
}

void finish_runs(daemon::Daemon& d) {
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (d.running() > 0 && std::chrono::steady_clock::now() < deadline) {
    d.wait(1s);
    d.tick();
  }
  ASSERT_EQ(d.running(), 0u) << "runs still in flight after 60 s";
}

status::DaemonState state_of(const daemon::Daemon& d) {
  auto s = status::read_daemon_state(d.state_file());
  EXPECT_TRUE(s) << d.state_file();
  return s.value_or(status::DaemonState{});
}

TEST_F(DaemonReconnect, WaitsOneTwoFourSecondsSayingSoAndSchedulesAgainOnceTheServerTakesConnections) {
  set_sources(source("hourly", "{every: 1h}", "{mode: none}"));
  LogCapture log;
  ManualClock clock(kHalfPast);
  daemon::Daemon d(options_for(config(), clock));
  EXPECT_EQ(state_of(d).kind, status::DaemonState::Kind::Running);
  d.tick();
  finish_runs(d);
  ASSERT_EQ(succeeded("hourly"), 1);

  allow_connections(false);
  terminate_sessions();
  clock.set(kSix);  // the source is due: the loop asks the store and finds it gone
  d.tick();
  EXPECT_TRUE(d.reconnecting());
  EXPECT_EQ(d.running(), 0u);
  EXPECT_NE(log.text().find("データベースに接続できません"), std::string::npos) << log.text();
  auto s = state_of(d);
  EXPECT_EQ(s.kind, status::DaemonState::Kind::Reconnecting);
  EXPECT_EQ(s.since, app::iso_seconds(kSix));
  EXPECT_EQ(s.attempt, 1);
  EXPECT_EQ(s.next_at, app::iso_seconds(kSix + 1s));

  // While away, `sosei status` cannot read the store but says what the daemon is doing.
  std::string out, err;
  EXPECT_NE(sosei("status --json", &out, &err), 0);
  EXPECT_NE(out.find("\"reconnecting\""), std::string::npos) << out << err;
  EXPECT_NE(out.find("\"attempt\": 1"), std::string::npos) << out;
  EXPECT_NE(sosei("status", &out, &err), 0);
  EXPECT_NE(out.find("再接続中"), std::string::npos) << out << err;

  clock.advance(1s);
  d.tick();  // attempt 1: refused
  EXPECT_NE(log.text().find("再接続 1 回目に失敗しました"), std::string::npos) << log.text();
  EXPECT_EQ(state_of(d).attempt, 2);
  EXPECT_EQ(state_of(d).next_at, app::iso_seconds(kSix + 3s));
  clock.advance(1s);
  d.tick();  // not due yet
  EXPECT_EQ(log.text().find("再接続 2 回目"), std::string::npos) << log.text();
  clock.advance(1s);
  d.tick();  // attempt 2: refused; the next in 4 s
  EXPECT_NE(log.text().find("再接続 2 回目に失敗しました"), std::string::npos) << log.text();
  EXPECT_EQ(state_of(d).next_at, app::iso_seconds(kSix + 7s));
  EXPECT_EQ(d.running(), 0u);

  allow_connections(true);
  clock.advance(3s);
  d.tick();
  EXPECT_TRUE(d.reconnecting());  // 06:00:06, the attempt is at 06:00:07
  clock.advance(1s);
  d.tick();  // attempt 3 connects, and the due source starts in the same tick
  EXPECT_FALSE(d.reconnecting());
  EXPECT_NE(log.text().find("データベースに再接続しました（3 回目の試行"), std::string::npos) << log.text();
  EXPECT_EQ(state_of(d).kind, status::DaemonState::Kind::Running);
  EXPECT_EQ(d.running(), 1u);
  finish_runs(d);
  EXPECT_EQ(succeeded("hourly"), 2);

  ASSERT_EQ(sosei("status --json", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"daemon\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"running\""), std::string::npos) << out;
}

TEST_F(DaemonReconnect, StartsReconnectingWhenTheServerRefusesAtStartAndLogsInEnglishWithLangEn) {
  set_sources(source("hourly", "{every: 1h}", "{mode: none}"));
  allow_connections(false);
  LogCapture log;
  ManualClock clock(kHalfPast);
  daemon::Daemon d(options_for(config(), clock, text::Lang::En));
  EXPECT_TRUE(d.reconnecting());
  EXPECT_NE(log.text().find("cannot reach the database"), std::string::npos) << log.text();
  d.tick();
  EXPECT_EQ(d.running(), 0u);
  allow_connections(true);
  clock.advance(1s);
  d.tick();  // connects, makes the timers from the (empty) history and runs the never-run source
  EXPECT_FALSE(d.reconnecting());
  EXPECT_NE(log.text().find("reconnected to the database (attempt 1"), std::string::npos) << log.text();
  EXPECT_EQ(d.running(), 1u);
  finish_runs(d);
  EXPECT_EQ(succeeded("hourly"), 1);
}

}  // namespace
