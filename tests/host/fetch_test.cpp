// The host's HTTP fetch service (host/http_fetch.cpp) against local servers: validators kept and
// sent, retries counted, timeouts, short bodies, the size limit, refused connections, no leftovers.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "host/http_fetch.hpp"
#include "support/http_test_server.hpp"

namespace fs = std::filesystem;
using sosei::host::FetchError;
using sosei::host::FetchOptions;
using sosei::host::FetchResult;
using sosei::host::FetchValidators;
using sosei::host::http_fetch;

namespace {

// A second local server for what HttpTestServer does not count: every request, and the
// conditional headers each one carried. /fail/<n>/<name>: 503 for the first n requests, then 200.
class CountingServer {
 public:
  CountingServer() {
    server_.Get(R"(/fail/(\d+)/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
      const int n = ++requests_;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if_none_match_.push_back(req.get_header_value("If-None-Match"));
        if_modified_since_.push_back(req.get_header_value("If-Modified-Since"));
      }
      if (n <= std::stoi(req.matches[1])) {
        res.status = 503;
        res.set_content("busy", "text/plain");
        return;
      }
      res.set_header("ETag", "\"after-" + std::to_string(n) + "\"");
      res.set_content(std::string(req.matches[2]), "text/csv");
    });
    server_.Get("/missing", [this](const httplib::Request&, httplib::Response& res) {
      ++requests_;
      res.status = 404;
      res.set_content("no such file", "text/plain");
    });
    server_.Get("/not-modified", [this](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      if (req.has_header("If-None-Match")) res.set_header("ETag", "\"fresh\"");
      res.status = 304;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~CountingServer() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int requests() const { return requests_; }
  std::vector<std::string> if_none_match() {
    std::lock_guard<std::mutex> lock(mutex_);
    return if_none_match_;
  }
  std::vector<std::string> if_modified_since() {
    std::lock_guard<std::mutex> lock(mutex_);
    return if_modified_since_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> requests_{0};
  std::mutex mutex_;
  std::vector<std::string> if_none_match_, if_modified_since_;
};

class FetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sosei-fetch-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.attempts = 1;
    options_.backoff_ms = 10;
    options_.timeout_ms = 3000;
    options_.connect_timeout_ms = 2000;
  }
  void TearDown() override { fs::remove_all(dir_); }

  FetchResult fetch(const std::string& url, const FetchValidators& previous = {}) {
    return http_fetch(url, options_, previous, dir_.string());
  }
  // The message of the FetchError that fetching `url` throws ("" and a test failure when none).
  std::string failure(const std::string& url, const FetchValidators& previous = {}) {
    try {
      fetch(url, previous);
    } catch (const FetchError& e) {
      return e.what();
    }
    ADD_FAILURE() << url << " did not fail";
    return "";
  }
  static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static FetchOptions english() {
    FetchOptions o;
    o.lang = sosei::text::Lang::En;
    return o;
  }
  std::size_t files_left() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }

  fs::path dir_;
  FetchOptions options_ = english();  // the English wording; the Japanese has its own test
  sosei::test_support::HttpTestServer server_;
};

const std::string kModified = "Wed, 01 Jan 2025 00:00:00 GMT";  // what HttpTestServer sends

TEST_F(FetchTest, SuccessKeepsTheBodyAndTheValidators) {
  server_.put("a.csv", "code,households\n01,120\n", "\"etag-a\"");
  FetchResult r = fetch(server_.url("/ok/a.csv"));
  EXPECT_FALSE(r.not_modified);
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(slurp(r.path), "code,households\n01,120\n");
  EXPECT_EQ(r.bytes, 23u);
  EXPECT_EQ(r.validators.etag, "\"etag-a\"");
  EXPECT_EQ(r.validators.last_modified, kModified);
  EXPECT_EQ(fs::path(r.path).parent_path(), dir_);
  EXPECT_EQ(server_.requests(), 1);
}

TEST_F(FetchTest, NotModifiedWhenEitherValidatorMatches) {
  server_.put("a.csv", "x\n", "\"etag-a\"");
  const FetchResult first = fetch(server_.url("/ok/a.csv"));
  fs::remove(first.path);

  FetchResult r = fetch(server_.url("/ok/a.csv"), first.validators);
  EXPECT_TRUE(r.not_modified);
  EXPECT_EQ(r.http_status, 304);
  EXPECT_TRUE(r.path.empty());
  EXPECT_EQ(r.validators.etag, "\"etag-a\"");
  EXPECT_EQ(r.validators.last_modified, kModified);

  // Each validator alone is sent and honoured.
  EXPECT_TRUE(fetch(server_.url("/ok/a.csv"), {"\"etag-a\"", ""}).not_modified);
  EXPECT_TRUE(fetch(server_.url("/ok/a.csv"), {"", kModified}).not_modified);
  // A stale ETag (the file changed) downloads again.
  FetchResult changed = fetch(server_.url("/ok/a.csv"), {"\"old\"", ""});
  EXPECT_FALSE(changed.not_modified);
  EXPECT_EQ(slurp(changed.path), "x\n");
  fs::remove(changed.path);
  EXPECT_EQ(files_left(), 0u);  // a 304 leaves no download file behind
}

TEST_F(FetchTest, ValidatorsAreSentOnEveryTry) {
  CountingServer counting;
  options_.attempts = 3;
  FetchResult r = fetch(counting.url("/fail/1/body"), {"\"v7\"", kModified});
  EXPECT_EQ(slurp(r.path), "body");
  EXPECT_EQ(counting.requests(), 2);
  EXPECT_EQ(counting.if_none_match(), (std::vector<std::string>{"\"v7\"", "\"v7\""}));
  EXPECT_EQ(counting.if_modified_since(), (std::vector<std::string>{kModified, kModified}));
  EXPECT_EQ(r.validators.etag, "\"after-2\"");  // the validators of the reply that succeeded
  EXPECT_TRUE(r.validators.last_modified.empty());
}

TEST_F(FetchTest, ServerErrorIsRetriedThenFailsWithTheUrlAndStatus) {
  CountingServer counting;
  options_.attempts = 3;
  const std::string url = counting.url("/fail/99/x");
  const std::string message = failure(url);
  EXPECT_EQ(counting.requests(), 3);
  EXPECT_NE(message.find(url), std::string::npos) << message;
  EXPECT_NE(message.find("HTTP 503"), std::string::npos) << message;
  EXPECT_NE(message.find("after 3 tries"), std::string::npos) << message;
  EXPECT_EQ(files_left(), 0u);

  // The test server's /status/500 too, with the status in the message.
  const std::string message500 = failure(server_.url("/status/500"));
  EXPECT_NE(message500.find(server_.url("/status/500")), std::string::npos) << message500;
  EXPECT_NE(message500.find("HTTP 500"), std::string::npos) << message500;
}

// The run's language (the city's, Japanese by default) words every failure; the URL and libcurl's
// own sentence stay as they are, for whoever looks further.
TEST_F(FetchTest, FailuresAreWordedInTheRunsLanguage) {
  options_.lang = sosei::text::Lang::Ja;
  CountingServer counting;
  options_.attempts = 2;
  options_.backoff_ms = 1;
  const std::string url = counting.url("/fail/99/x");
  const std::string down = failure(url);
  EXPECT_EQ(down, url +
                      ": サーバーが HTTP 503 を返しました（2 回試しました）（サーバーが止まっているのかもしれません。"
                      "次の実行でもう一度試みます）");
  const std::string missing = failure(counting.url("/missing"));
  EXPECT_NE(missing.find("HTTP 404 を返しました（取込元の設定の URL を確かめてください）"), std::string::npos)
      << missing;
  options_.attempts = 1;
  const std::string refused = failure("http://127.0.0.1:1/x.csv");
  EXPECT_NE(refused.find("http://127.0.0.1:1/x.csv: サーバーに接続できません（"), std::string::npos) << refused;
  options_.timeout_ms = 200;
  const std::string slow = failure(server_.url("/slow/1000"));
  EXPECT_NE(slow.find(": 時間内に終わりませんでした（"), std::string::npos) << slow;
  options_.max_bytes = 10;
  server_.put("big.csv", std::string(100, 'x'));
  const std::string big = failure(server_.url("/ok/big.csv"));
  EXPECT_NE(big.find("応答が上限の 10 バイトを超えています"), std::string::npos) << big;
}

TEST_F(FetchTest, ClientErrorIsNotRetried) {
  CountingServer counting;
  options_.attempts = 3;
  const std::string message = failure(counting.url("/missing"));
  EXPECT_EQ(counting.requests(), 1);
  EXPECT_NE(message.find("HTTP 404"), std::string::npos) << message;
  EXPECT_NE(message.find("check the URL"), std::string::npos) << message;
}

TEST_F(FetchTest, FlakyServerSucceedsWithinTheAttempts) {
  server_.put("f.csv", "ok\n");
  server_.flaky_failures = 2;
  options_.attempts = 3;
  FetchResult r = fetch(server_.url("/flaky/f.csv"));
  EXPECT_EQ(slurp(r.path), "ok\n");
  EXPECT_EQ(server_.requests(), 1);  // HttpTestServer counts the served (third) request only

  CountingServer counting;
  FetchResult counted = fetch(counting.url("/fail/2/fine"));
  EXPECT_EQ(slurp(counted.path), "fine");
  EXPECT_EQ(counting.requests(), 3);
}

TEST_F(FetchTest, FlakyServerFailsWhenAttemptsRunOut) {
  CountingServer counting;
  options_.attempts = 2;
  const std::string message = failure(counting.url("/fail/2/x"));
  EXPECT_EQ(counting.requests(), 2);
  EXPECT_NE(message.find("after 2 tries"), std::string::npos) << message;
}

TEST_F(FetchTest, ZeroAttemptsStillTriesOnceAndFailsWithoutWaiting) {
  CountingServer counting;
  options_.attempts = 0;
  options_.backoff_ms = 5000;
  const auto start = std::chrono::steady_clock::now();
  const std::string message = failure(counting.url("/fail/9/x"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(3000));  // no backoff sleep
  EXPECT_EQ(counting.requests(), 1);
  EXPECT_NE(message.find("server may be down"), std::string::npos) << message;
}

TEST_F(FetchTest, SlowReplyPastTheTimeoutFails) {
  options_.timeout_ms = 200;
  const auto start = std::chrono::steady_clock::now();
  const std::string message = failure(server_.url("/slow/1000"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
  EXPECT_NE(message.find(server_.url("/slow/1000")), std::string::npos) << message;
  EXPECT_NE(message.find("timed out"), std::string::npos) << message;
  EXPECT_EQ(files_left(), 0u);
}

TEST_F(FetchTest, TruncatedBodyFails) {
  server_.put("t.csv", std::string(4000, 'x'));
  options_.attempts = 2;
  const std::string message = failure(server_.url("/truncated/t.csv"));
  EXPECT_NE(message.find(server_.url("/truncated/t.csv")), std::string::npos) << message;
  EXPECT_EQ(files_left(), 0u);  // the partial file is not left behind
}

TEST_F(FetchTest, SizeLimit) {
  server_.put("big.csv", std::string(1000, 'b'));
  server_.put("exact.csv", std::string(100, 'e'));
  options_.max_bytes = 100;
  const std::string message = failure(server_.url("/ok/big.csv"));
  EXPECT_NE(message.find(server_.url("/ok/big.csv")), std::string::npos) << message;
  EXPECT_NE(message.find("limit of 100 bytes"), std::string::npos) << message;
  EXPECT_EQ(files_left(), 0u);
  FetchResult exact = fetch(server_.url("/ok/exact.csv"));  // exactly the limit is fine
  EXPECT_EQ(exact.bytes, 100u);
}

TEST_F(FetchTest, ConnectionRefusedFailsWithTheUrl) {
  // A port that was just free: bind a socket without listening, note the port, close it.
  int port = 0;
  {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
    port = ntohs(address.sin_port);
    ::close(fd);
  }
  ASSERT_GT(port, 0);
  options_.attempts = 2;
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/x.csv";
  const std::string message = failure(url);
  EXPECT_NE(message.find(url), std::string::npos) << message;
  EXPECT_NE(message.find("after 2 tries"), std::string::npos) << message;
  EXPECT_EQ(files_left(), 0u);
}

TEST_F(FetchTest, NotModifiedKeepsTheValidatorsItSends) {
  CountingServer counting;
  FetchResult r = fetch(counting.url("/not-modified"), {"\"old\"", kModified});
  EXPECT_TRUE(r.not_modified);
  EXPECT_EQ(r.validators.etag, "\"fresh\"");         // updated by the 304
  EXPECT_EQ(r.validators.last_modified, kModified);  // not in the 304: kept
}

TEST_F(FetchTest, NotModifiedWithoutValidatorsIsAnError) {
  // A 304 to an unconditional request cannot mean "the file you have": there is none.
  CountingServer counting;
  const std::string message = failure(counting.url("/not-modified"));
  EXPECT_NE(message.find("304"), std::string::npos) << message;
  EXPECT_NE(message.find(counting.url("/not-modified")), std::string::npos) << message;
}

TEST_F(FetchTest, UnwritableDownloadFolderIsExplained) {
  const std::string message = [&] {
    try {
      http_fetch(server_.url("/ok/a.csv"), options_, {}, (dir_ / "missing" / "folder").string());
    } catch (const FetchError& e) {
      return std::string(e.what());
    }
    return std::string();
  }();
  EXPECT_NE(message.find("cannot create a download file"), std::string::npos) << message;
}

}  // namespace
