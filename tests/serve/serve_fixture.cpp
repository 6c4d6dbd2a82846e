// The serve tests' fixture (serve_fixture.hpp).
#include "serve_fixture.hpp"

#include <signal.h>

#include <chrono>

namespace sosei::serve::test {

config::AppConfig app_config(const std::filesystem::path& database) {
  return app_config(database, std::string(SOSEI_TEST_SOURCE_DIR) + "/config/grading");
}

std::filesystem::path fresh_database(const std::string& name) {
  const auto dir = std::filesystem::path(SOSEI_TEST_BINARY_DIR) / "tests" / "serve" / "scratch";
  std::filesystem::create_directories(dir);
  const auto path = dir / (name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path;
}

void ServeTest::SetUp() {
  // A client hanging up mid-response must not kill the test process (sosei serve does the same).
  signal(SIGPIPE, SIG_IGN);
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  database_ = fresh_database(std::string(info->test_suite_name()) + "-" + info->name());
  config_ = app_config(database_);
  seed(database_);
}

void ServeTest::start(const std::string& bind) {
  ServeOptions options = options_;
  options.bind = bind;
  options.port = 0;
  env_ = std::make_unique<app::Environment>(config_, &clock_);
  server_ = std::make_unique<Server>(*env_, options);
  port_ = server_->bind();
  thread_ = std::thread([this] {
    server_->listen();
    listen_returned_ = true;
  });
  // cpp-httplib 0.11 has no wait_until_ready(); listening starts within microseconds.
  while (!server_->running() && !listen_returned_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ASSERT_FALSE(listen_returned_) << "the server stopped right after it started";
}

void ServeTest::TearDown() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

httplib::Client ServeTest::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(5);
  c.set_read_timeout(30);
  return c;
}

}  // namespace sosei::serve::test
