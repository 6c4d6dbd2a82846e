// Idle, trickling and too many connections (issue 18 §2): they must not starve a normal request, a
// request that trickles in is cut at its deadline, and when every connection is being answered a new
// one gets a 503 at once. The server runs in-process; the clients are raw sockets.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <vector>

#include "raw_client.hpp"
#include "serve_fixture.hpp"

namespace sosei::serve::test {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

TEST_F(ServeTest, IdleAndTricklingConnectionsDoNotStarveARequest) {
  start();
  // 150 connections that say nothing and 150 that send half a request head, all from this address:
  // with httplib's 8 pool threads each held one for seconds, a request waited minutes.
  std::vector<std::unique_ptr<RawConnection>> hostile;
  for (int i = 0; i < 300; ++i) {
    hostile.push_back(std::make_unique<RawConnection>(port_));
    ASSERT_GE(hostile.back()->fd(), 0) << i;
    if (i % 2 == 1) hostile.back()->send("GET /api/kpis HTTP/1.1\r\nHost: x\r\nX-Slow: a");
  }
  for (int i = 1; i < 300; i += 2) hostile[i]->send("b");  // trickling on
  auto c = client();
  c.set_read_timeout(5);
  const auto before = Clock::now();
  auto r = c.Get("/api/kpis");
  const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - before);
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  EXPECT_LT(took, milliseconds(1000)) << took.count() << " ms";
  // Room was made by closing the connections that had waited longest without a request (the poll
  // returns as soon as the close arrives; the bound only keeps a failure from hanging).
  EXPECT_TRUE(hostile.front()->readable(milliseconds(2000)));
  EXPECT_EQ(hostile.front()->response(milliseconds(100)), "");
}

TEST_F(ServeTest, WhenEveryConnectionIsBeingAnsweredANewOneGetsA503) {
  options_.max_connections_per_client = 2;
  start();
  // Two requests whose heads are read and whose bodies are awaited: "100 Continue" says the server
  // is answering them.
  const std::string head =
      "POST /api/entries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
      "Expect: 100-continue\r\n\r\n";
  RawConnection first(port_);
  RawConnection second(port_);
  ASSERT_TRUE(first.send(head));
  ASSERT_EQ(status_of(first.response()), 100);
  ASSERT_TRUE(second.send(head));
  ASSERT_EQ(status_of(second.response()), 100);

  RawConnection third(port_);
  third.send("GET /api/kpis HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string busy = third.response();
  EXPECT_EQ(status_of(busy), 503) << busy;
  EXPECT_EQ(header_of(busy, "Retry-After"), "1");
  EXPECT_NE(body_of(busy).find("混み合っています"), std::string::npos) << busy;

  // They are answered, and their connections serve on.
  first.send("{}");
  EXPECT_EQ(status_of(first.response()), 401);
  second.send("{}");
  EXPECT_EQ(status_of(second.response()), 401);
  first.send("GET /api/kpis HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(first.response()), 200);
}

TEST_F(ServeTest, ARequestThatTricklesInIsCutAtItsDeadline) {
  options_.read_timeout = std::chrono::seconds(1);
  start();
  RawConnection slow(port_);
  slow.send("GET /api/kpis HTTP/1.1\r\nHost: x\r\n");
  // A header byte every 50 ms: each read is quick, only the whole request is late. The bytes are the
  // client's pace, not a wait for the server; the loop ends when the server answers (or after 5 s).
  const auto before = Clock::now();
  while (!slow.readable(milliseconds(50)) && Clock::now() - before < std::chrono::seconds(5)) slow.send("X");
  const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - before);
  const std::string response = slow.response(milliseconds(1000));
  EXPECT_EQ(status_of(response), 408) << response;
  EXPECT_LT(took, milliseconds(3000)) << took.count() << " ms";
  EXPECT_EQ(client().Get("/api/kpis")->status, 200);
}

}  // namespace
}  // namespace sosei::serve::test
