// Grading scheme files: the shipped ones load, mistakes are reported at file:line:col, an unknown
// name lists the schemes there are, and switching scheme regrades the same values.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "evaluate/scheme_loader.hpp"
#include "fixture.hpp"

namespace sosei::evaluate::test {
namespace {

namespace fs = std::filesystem;

class SchemeFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("sosei-scheme-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream((dir_ / name).string(), std::ios::binary) << text;
    return (dir_ / name).string();
  }
  // The message of the ConfigError that loading `text` throws.
  std::string error_of(const std::string& text) {
    const std::string path = write("bad.yaml", text);
    try {
      load_scheme(path);
    } catch (const config::ConfigError& e) {
      return e.what();
    }
    return "no error";
  }
  fs::path dir_;
};

const std::string kGood =
    "title: t\n"
    "bands:\n"
    "  - {symbol: ○, label: 達成, min_percent: 80}\n"
    "  - {symbol: △, label: 未達成}\n"
    "other: {symbol: ×, label: その他}\n";

// A scheme file is read as every configuration file is: a pipe is never waited on, a tag or a second
// document is refused at its place.
TEST_F(SchemeFiles, FilesThatAreNotWhatTheySeemAreRefused) {
  const std::string fifo = (dir_ / "pipe.yaml").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  try {
    load_scheme(fifo);
    ADD_FAILURE() << "read a named pipe";
  } catch (const config::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("通常のファイルではありません"), std::string::npos) << e.what();
  }
  EXPECT_NE(error_of(kGood + "---\n" + kGood).find("bad.yaml:6:1: ここから 2 つ目の YAML 文書"), std::string::npos);
  EXPECT_NE(error_of("title: !!binary dGl0bGU=\n").find("bad.yaml:1:8: タグ「!!binary」"), std::string::npos);
}

TEST_F(SchemeFiles, ShippedSchemesLoad) {
  const auto names = scheme_names(std::string(SOSEI_TEST_SOURCE_DIR) + "/config/grading");
  EXPECT_EQ(names, (std::vector<std::string>{"abcd", "abcdx", "kama", "pro_rata"}));
  const GradingScheme kama = scheme("kama");
  EXPECT_EQ(kama.name, "kama");
  ASSERT_EQ(kama.bands.size(), 2u);
  EXPECT_EQ(kama.bands[0].symbol, "○");
  EXPECT_EQ(*kama.bands[0].min_percent, 80);
  EXPECT_EQ(kama.other.symbol, "×");
  EXPECT_EQ(scheme("abcd").bands.size(), 4u);
  EXPECT_EQ(scheme("pro_rata").grade_on, GradeOn::Pace);
}

TEST_F(SchemeFiles, MissingPeriodIsCarryForwardOrNoValue) {
  EXPECT_EQ(load_scheme(write("mini.yaml", kGood)).missing_period, MissingPeriod::CarryForward);
  EXPECT_EQ(load_scheme(write("x.yaml", kGood + "missing_period: no_value\n")).missing_period, MissingPeriod::NoValue);
  EXPECT_NE(error_of(kGood + "missing_period: zero\n").find("missing_period is 'carry_forward' or 'no_value'"),
            std::string::npos);
}

TEST_F(SchemeFiles, MinimalSchemeUsesDefaults) {
  const GradingScheme s = load_scheme(write("mini.yaml", kGood));
  EXPECT_EQ(s.name, "mini");
  EXPECT_EQ(s.grade_on, GradeOn::Ratio);
  EXPECT_FALSE(s.round_ratio_to);
  EXPECT_EQ(s.reach_not_achieved.to, MapTo::Bottom);
  EXPECT_EQ(s.missing.to, MapTo::Other);
}

TEST_F(SchemeFiles, ErrorsPointAtLineAndColumn) {
  const std::string path = (dir_ / "bad.yaml").string();
  EXPECT_EQ(error_of(kGood + "colour: red\n"),
            path +
                ":6:1: unknown key 'colour' in a grading scheme; expected one of: at_least, bands, grade_on, "
                "missing_period, off_track_below_percent, other, reach, round_ratio_to, series_break, statuses, title");
  EXPECT_EQ(error_of("bands:\n  - {symbol: ○, label: a, min_percent: 50}\n  - {symbol: △, label: b, min_percent: 80}\n"
                     "  - {symbol: ×, label: c}\nother: {symbol: ー}\n"),
            path + ":3:5: min_percent must decrease from band to band (best first)");
  EXPECT_EQ(error_of("bands:\n  - {symbol: ○, min_percent: 80}\n  - {symbol: △, min_percent: 0}\nother: {symbol: ×}\n"),
            path + ":3:5: the last band '△' takes every score below the others: remove min_percent");
  EXPECT_EQ(error_of("bands:\n  - {symbol: ○, min_percent: 80}\n  - {symbol: △}\n"),
            path + ":1:1: missing key 'other' (the grade for values that cannot be measured)");
  EXPECT_EQ(error_of(kGood + "reach: {achieved: ◎}\n"),
            path + ":6:19: unknown grade '◎'; write top, bottom, score, other or one of the band symbols");
  EXPECT_EQ(error_of(kGood + "statuses: {done: score}\n"),
            path + ":6:18: a status has no score: map 'done' to a grade");
  EXPECT_EQ(error_of(kGood + "grade_on: target\n"), path + ":6:11: grade_on is 'ratio' or 'pace', not 'target'");
  EXPECT_EQ(error_of("bands:\n  - {symbol: ○, min_percent: eighty}\n  - {symbol: △}\nother: {symbol: ×}\n"),
            path + ":2:30: expected min_percent as a number (a percent: 80 or 80%)");
  EXPECT_EQ(error_of("bands:\n  - {symbol: ○, min_percent: 80}\n  - {symbol: ○}\nother: {symbol: ×}\n"),
            path + ":3:5: band symbol '○' is used twice");
  EXPECT_EQ(error_of(""), path + ":1:1: the grading scheme is empty");
  const std::string syntax = error_of("bands: [\n");
  EXPECT_EQ(syntax.rfind(path + ":", 0), 0u) << syntax;
}

TEST_F(SchemeFiles, UnknownNameListsTheSchemes) {
  write("kama.yaml", kGood);
  write("abcd.yaml", kGood);
  try {
    load_scheme_named(dir_.string(), "nope");
    FAIL() << "no error";
  } catch (const UnknownScheme& e) {
    EXPECT_EQ(std::string(e.what()), "no grading scheme 'nope' in " + dir_.string() + " (schemes: abcd, kama)");
  }
}

TEST_F(SchemeFiles, PercentSignAccepted) {
  const GradingScheme s =
      load_scheme(write("p.yaml", "bands:\n  - {symbol: A, min_percent: 80%}\n  - {symbol: B}\nother: {symbol: X}\n"));
  EXPECT_EQ(*s.bands[0].min_percent, 80);
}

// The same values regraded by switching the scheme: 90 % is ○ in kama, B in abcd; 50 % is △ and C.
TEST(Regrade, SwitchingSchemeRegradesTheSameValues) {
  const config::Kpi k = kpi(config::TargetKind::Level, 600, 576);
  const std::vector<store::StoredObservation> ninety = {fy(2025, 540)}, half = {fy(2025, 300)};
  EXPECT_EQ(run(k, ninety, "kama").grade.symbol, "○");
  EXPECT_EQ(run(k, ninety, "abcd").grade.symbol, "B");
  EXPECT_EQ(run(k, half, "kama").grade.symbol, "△");
  EXPECT_EQ(run(k, half, "abcd").grade.symbol, "C");
  EXPECT_EQ(run(k, {fy(2025, 600)}, "abcd").grade.symbol, "A");
  EXPECT_EQ(run(k, {fy(2025, 299)}, "abcd").grade.symbol, "D");
}

}  // namespace
}  // namespace sosei::evaluate::test
