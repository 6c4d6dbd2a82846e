// Runs a plugin .so through the real host into a CaptureSink, for plugins' runtime tests (encodings,
// XLSX, HTTP: what sosei/testing.hpp's fake host does not do), with a fresh fixture folder per test
// and the host's log lines captured.
#pragma once

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "host/run_context.hpp"
#include "support/capture_sink.hpp"

namespace plugin_test {

namespace fs = std::filesystem;

class PluginHarness : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sosei-" + std::string(plugin_name()) + "-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    log_sink_ = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_);
    spdlog::default_logger()->sinks().push_back(log_sink_);
  }
  void TearDown() override {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), log_sink_), sinks.end());
    fs::remove_all(dir_);
  }

  virtual const char* plugin_name() const = 0;
  virtual const char* plugin_file() const = 0;

  std::string write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  sosei::host::RunResult run(sosei::host::ResolvedSettings settings, bool skip = false, long timeout_ms = 5000,
                             std::map<std::string, std::string> states = {}) {
    sink_ = sosei::test_support::CaptureSink();
    sink_.skip_bad_rows = skip;
    sink_.states = std::move(states);
    sosei::host::RunSettings rs;
    rs.source_id = plugin_name();
    rs.settings = std::move(settings);
    rs.fetch.attempts = 1;
    rs.fetch.timeout_ms = timeout_ms;
    rs.fetch.connect_timeout_ms = timeout_ms;
    context_ = std::make_unique<sosei::host::RunContext>(sosei::host::load_plugin(plugin_file()), std::move(rs), sink_);
    return context_->run();
  }

  std::string error() const { return context_ ? context_->error() : ""; }
  std::string log() const { return log_.str(); }

  // The observations of one series, in emission order.
  std::vector<sosei::test_support::CapturedObservation> of(const std::string& series) const {
    std::vector<sosei::test_support::CapturedObservation> out;
    for (const auto& o : sink_.observations)
      if (o.series == series) out.push_back(o);
    return out;
  }

  fs::path dir_;
  sosei::test_support::CaptureSink sink_;
  std::unique_ptr<sosei::host::RunContext> context_;
  std::ostringstream log_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> log_sink_;
};

}  // namespace plugin_test
