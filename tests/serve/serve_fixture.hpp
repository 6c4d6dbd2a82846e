// The serve tests' fixture: the world of serve_world.hpp in a fresh database under the build tree, and
// a Server on an ephemeral loopback port with a fixed "today".
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "app/environment.hpp"
#include "common/clock.hpp"
#include "config/model.hpp"
#include "serve/server.hpp"
#include "serve_world.hpp"
#include "store/store.hpp"

namespace sosei::serve::test {

// The world's configuration with the repository's grading schemes.
config::AppConfig app_config(const std::filesystem::path& database);
// A database path under the build tree, removed first (with its -wal and -shm).
std::filesystem::path fresh_database(const std::string& name);

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Starts the server (after the test added what it needs to the database).
  void start(const std::string& bind = "127.0.0.1");
  httplib::Client client() const;

  std::filesystem::path database_;
  config::AppConfig config_;
  ServeOptions options_;  // what start() serves with (its bind and port are start()'s)
  // "Today" for the server: 2026-08-01 at noon in Tokyo.
  ManualClock clock_{std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 8 / 1}} +
                     std::chrono::hours{3}};
  std::unique_ptr<app::Environment> env_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::atomic<bool> listen_returned_{false};
  int port_ = 0;
};

}  // namespace sosei::serve::test
