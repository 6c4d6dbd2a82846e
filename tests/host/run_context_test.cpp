// Running plugins through the host's function table: results, state, and faults turned into errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "host/run_context.hpp"
#include "support/capture_sink.hpp"

namespace fs = std::filesystem;
using namespace sosei;

namespace {

std::shared_ptr<host::LoadedPlugin> plugin(const std::string& variant) {
  return host::load_plugin(fs::path(TEST_PLUGIN_DIR) / variant / ("test_" + variant + ".so"));
}

host::RunSettings settings(host::ResolvedSettings s = {}) {
  host::RunSettings r;
  r.source_id = "src";
  r.settings = std::move(s);
  return r;
}

}  // namespace

TEST(RunContext, GoodPluginEmitsThroughTheSinkAndKeepsState) {
  test_support::CaptureSink sink;
  host::RunContext run(plugin("good"), settings({{"count", "3"}}), sink);
  ASSERT_EQ(run.run(), host::RunResult::Succeeded) << run.error();
  ASSERT_EQ(sink.observations.size(), 3u);
  EXPECT_EQ(sink.observations[2].series, "startups");
  EXPECT_EQ(sink.observations[2].period.year, 2027);
  EXPECT_EQ(sink.observations[2].number, 3.0);
  EXPECT_EQ(sink.observations[2].file, "generated");
  EXPECT_EQ(sink.states.at("plugin.runs"), "1");

  host::RunContext again(plugin("good"), settings({{"count", "0"}}), sink);
  ASSERT_EQ(again.run(), host::RunResult::Succeeded);
  EXPECT_EQ(sink.states.at("plugin.runs"), "2");
}

TEST(RunContext, ExceptionInPluginBecomesAnErrorNotACrash) {
  test_support::CaptureSink sink;
  host::RunContext run(plugin("throws"), settings(), sink);
  EXPECT_EQ(run.run(), host::RunResult::Failed);
  EXPECT_NE(run.error().find("department server sent nonsense"), std::string::npos) << run.error();
  EXPECT_NE(run.error().find("プラグイン「good」が失敗しました: "), std::string::npos) << run.error();
  // In the run's language.
  auto english = settings();
  english.fetch.lang = text::Lang::En;
  host::RunContext en(plugin("throws"), english, sink);
  EXPECT_EQ(en.run(), host::RunResult::Failed);
  EXPECT_NE(en.error().find("plugin 'good' failed: "), std::string::npos) << en.error();
}

TEST(RunContext, ExceptionThroughTheRawCBoundaryIsCaught) {
  test_support::CaptureSink sink;
  host::RunContext run(plugin("raw_throw"), settings(), sink);
  EXPECT_EQ(run.run(), host::RunResult::Failed);
  EXPECT_NE(run.error().find("raw plugin threw through the C boundary"), std::string::npos) << run.error();
  EXPECT_NE(run.error().find("プラグインの実行で予期しないエラー（例外）が起きました"), std::string::npos)
      << run.error();
}

TEST(RunContext, MissingInputFileFailsTheRunNamingTheFile) {
  test_support::CaptureSink sink;
  host::RunContext run(plugin("good"), settings({{"file", "/nonexistent/visitors.csv"}}), sink);
  EXPECT_EQ(run.run(), host::RunResult::Failed);
  EXPECT_NE(run.error().find("/nonexistent/visitors.csv"), std::string::npos) << run.error();
  EXPECT_TRUE(sink.observations.empty());
  // In the run's language, the system's reason too (a Japanese run said "No such file or directory").
  EXPECT_NE(run.error().find("/nonexistent/visitors.csv: 開けません（ファイルかフォルダがありません）。取込元の設定"),
            std::string::npos)
      << run.error();
  auto english = settings({{"file", "/nonexistent/visitors.csv"}});
  english.fetch.lang = text::Lang::En;
  host::RunContext in_english(plugin("good"), english, sink);
  EXPECT_EQ(in_english.run(), host::RunResult::Failed);
  EXPECT_NE(in_english.error().find("/nonexistent/visitors.csv: cannot open (no such file or folder)"),
            std::string::npos)
      << in_english.error();
}

TEST(RunContext, FingerprintCoversTheInputBytes) {
  const fs::path dir = fs::temp_directory_path() / "sosei-run-context-test";
  fs::create_directories(dir);
  auto fingerprint_of = [&](const std::string& content) {
    std::ofstream(dir / "in.txt", std::ios::binary) << content;
    test_support::CaptureSink sink;
    host::RunContext run(plugin("good"), settings({{"file", (dir / "in.txt").string()}, {"count", "0"}}), sink);
    EXPECT_EQ(run.run(), host::RunResult::Succeeded) << run.error();
    return run.fingerprint();
  };
  const auto a = fingerprint_of("kpi,period,value\n");
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, fingerprint_of("kpi,period,value\n"));
  EXPECT_NE(a, fingerprint_of("kpi,period,value \n"));
}

TEST(RunContext, SinkStopEndsTheRunWithItsReason) {
  struct StoppingSink : test_support::CaptureSink {
    int32_t accept(const Observation& o) override {
      CaptureSink::accept(o);
      return reject("generated:1", "value out of range");
    }
  } sink;
  host::RunContext run(plugin("good"), settings({{"count", "5"}}), sink);
  EXPECT_EQ(run.run(), host::RunResult::Failed);
  EXPECT_EQ(sink.observations.size(), 1u);  // the plugin stopped at the first refusal
  EXPECT_NE(run.error().find("generated:1: value out of range"), std::string::npos) << run.error();
}
