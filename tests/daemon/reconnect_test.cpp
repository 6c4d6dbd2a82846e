// The daemon's reconnect schedule: 1 s, 2 s, 4 s … after the loss, capped at 60 s, starting over
// once connected again; and the state file `sosei status` reads.
#include "daemon/reconnect.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "status/daemon_state.hpp"

namespace sosei::daemon {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

const sys_seconds kLoss{seconds{1'800'000'000}};

TEST(Reconnect, DelaysDoubleFromOneSecondUpToAMinute) {
  EXPECT_EQ(Reconnect::delay(1), seconds(1));
  EXPECT_EQ(Reconnect::delay(2), seconds(2));
  EXPECT_EQ(Reconnect::delay(3), seconds(4));
  EXPECT_EQ(Reconnect::delay(6), seconds(32));
  EXPECT_EQ(Reconnect::delay(7), seconds(60));
  EXPECT_EQ(Reconnect::delay(8), seconds(60));
  EXPECT_EQ(Reconnect::delay(1000), seconds(60));  // no overflow however long the server stays away
  EXPECT_EQ(Reconnect::delay(0), seconds(1));
}

TEST(Reconnect, ConnectedUntilTheFirstLoss) {
  Reconnect r;
  EXPECT_FALSE(r.reconnecting());
  EXPECT_FALSE(r.due(kLoss));
  EXPECT_EQ(r.attempt(), 0);
}

TEST(Reconnect, EachFailedAttemptWaitsTwiceAsLongAndRemembersSinceWhen) {
  Reconnect r;
  r.failed(kLoss, "server closed the connection");
  EXPECT_TRUE(r.reconnecting());
  EXPECT_EQ(r.attempt(), 1);
  EXPECT_EQ(r.since(), kLoss);
  EXPECT_EQ(r.next_at(), kLoss + seconds(1));
  EXPECT_FALSE(r.due(kLoss));
  EXPECT_TRUE(r.due(kLoss + seconds(1)));

  sys_seconds now = kLoss + seconds(1);
  r.failed(now, "database does not allow connections");
  EXPECT_EQ(r.attempt(), 2);
  EXPECT_EQ(r.next_at(), now + seconds(2));
  EXPECT_EQ(r.error(), "database does not allow connections");
  EXPECT_EQ(r.since(), kLoss);  // still away since the loss

  seconds expected[] = {seconds(4), seconds(8), seconds(16), seconds(32), seconds(60), seconds(60)};
  for (seconds wait : expected) {
    now = r.next_at();
    r.failed(now, "still away");
    EXPECT_EQ(r.next_at() - now, wait);
  }
  EXPECT_EQ(r.attempt(), 8);
}

TEST(Reconnect, AfterReconnectingTheNextLossStartsAtOneSecondAgain) {
  Reconnect r;
  r.failed(kLoss, "lost");
  r.failed(kLoss + seconds(1), "lost");
  r.failed(kLoss + seconds(3), "lost");
  r.succeeded();
  EXPECT_FALSE(r.reconnecting());
  EXPECT_TRUE(r.error().empty());
  const sys_seconds later = kLoss + seconds(3600);
  r.failed(later, "lost again");
  EXPECT_EQ(r.attempt(), 1);
  EXPECT_EQ(r.since(), later);
  EXPECT_EQ(r.next_at(), later + seconds(1));
}

TEST(DaemonStateFile, IsWrittenWholeAndReadBackBesideTheConfiguration) {
  const auto dir = std::filesystem::temp_directory_path() / ("sosei-state-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = status::daemon_state_path(dir / "sosei.yaml");
  EXPECT_EQ(path, dir / "sosei-daemon.state");
  // Named after the configuration: the cities of a hub whose files share a folder keep one each.
  EXPECT_EQ(status::daemon_state_path(dir / "kama.yaml"), dir / "kama-daemon.state");
  EXPECT_FALSE(status::read_daemon_state(path));

  status::DaemonState s;
  s.kind = status::DaemonState::Kind::Reconnecting;
  s.pid = ::getpid();
  s.since = "2026-11-28T06:00:00Z";
  s.attempt = 3;
  s.next_at = "2026-11-28T06:00:07Z";
  s.error = "server closed\nthe connection";  // one line in the file
  status::write_daemon_state(path, s);
  auto read = status::read_daemon_state(path);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->kind, status::DaemonState::Kind::Reconnecting);
  EXPECT_TRUE(read->alive);
  EXPECT_EQ(read->attempt, 3);
  EXPECT_EQ(read->next_at, "2026-11-28T06:00:07Z");
  EXPECT_EQ(read->error, "server closed the connection");
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".new"));

  s.pid = 0x3fffffff;  // no such process: a daemon killed without removing its file
  status::write_daemon_state(path, s);
  ASSERT_TRUE(status::read_daemon_state(path));
  EXPECT_FALSE(status::read_daemon_state(path)->alive);
  status::remove_daemon_state(path);
  EXPECT_FALSE(status::read_daemon_state(path));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sosei::daemon
