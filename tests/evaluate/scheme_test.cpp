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
  // The message of the ConfigError that loading `text` throws, in `lang` (Japanese by default).
  std::string error_of(const std::string& text, text::Lang lang = text::Lang::Ja) {
    const std::string path = write("bad.yaml", text);
    try {
      load_scheme(path);
    } catch (const config::ConfigError& e) {
      return e.message(lang);
    }
    return "no error";
  }
  std::string english_error_of(const std::string& text) { return error_of(text, text::Lang::En); }
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
  EXPECT_NE(english_error_of(kGood + "missing_period: zero\n")
                .find("unknown missing_period 'zero'; expected one of: carry_forward, no_value"),
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
  EXPECT_EQ(english_error_of(kGood + "colour: red\n"),
            path +
                ":6:1: unknown key 'colour' in a grading scheme; expected one of: title, bands, other, grade_on, "
                "round_ratio_to, off_track_below_percent, reach, at_least, statuses, series_break, missing_period");
  EXPECT_EQ(english_error_of("bands:\n  - {symbol: ○, label: a, min_percent: 50}\n  - {symbol: △, label: b, "
                             "min_percent: 80}\n  - {symbol: ×, label: c}\nother: {symbol: ー}\n"),
            path +
                ":3:5: the min_percent of band '△' (80) is not below the band above's (50): min_percent must "
                "decrease from band to band (best first)");
  EXPECT_EQ(english_error_of(
                "bands:\n  - {symbol: ○, min_percent: 80}\n  - {symbol: △, min_percent: 0}\nother: {symbol: ×}\n"),
            path + ":3:5: the last band '△' takes every score below the others: remove its min_percent");
  EXPECT_EQ(english_error_of("bands:\n  - {symbol: ○, min_percent: 80}\n  - {symbol: △}\n"),
            path + ":1:1: missing key 'other' in a grading scheme");
  EXPECT_EQ(english_error_of(kGood + "reach: {achieved: ◎}\n"),
            path + ":6:19: unknown grade '◎': write top, bottom, score, other or one of the band symbols (○, △)");
  EXPECT_EQ(
      english_error_of(kGood + "statuses: {done: score}\n"),
      path + ":6:18: the status 'done' has no score: map it to a grade (top, bottom, other or a symbol), not score");
  EXPECT_EQ(english_error_of(kGood + "grade_on: target\n"),
            path + ":6:11: unknown grade_on 'target'; expected one of: ratio, pace");
  EXPECT_EQ(english_error_of("bands:\n  - {symbol: ○, min_percent: eighty}\n  - {symbol: △}\nother: {symbol: ×}\n"),
            path + ":2:30: 'min_percent' is not a number ('eighty'): write a percent as 80 or 80%");
  EXPECT_EQ(english_error_of("bands:\n  - {symbol: ○, min_percent: 80}\n  - {symbol: ○}\nother: {symbol: ×}\n"),
            path + ":3:5: the band symbol '○' is used twice: give each band its own symbol");
  EXPECT_EQ(english_error_of(kGood + "round_ratio_to: 1.5\n"),
            path + ":6:17: round_ratio_to '1.5' is a number of decimals: write a whole number from 0 to 6");
  EXPECT_EQ(english_error_of(""),
            path + ":1:1: the grading scheme is empty: write bands and other (config/grading/kama.yaml is an example)");
  const std::string syntax = english_error_of("bands: [\n");
  EXPECT_EQ(syntax.rfind(path + ":", 0), 0u) << syntax;
}

// Japanese is what a person reads by default: the same mistakes, at the same places.
TEST_F(SchemeFiles, ErrorsAreInJapaneseByDefault) {
  const std::string path = (dir_ / "bad.yaml").string();
  EXPECT_EQ(error_of(kGood + "colour: red\n"),
            path +
                ":6:1: 「colour」は評価基準のファイルに書けるキーではありません。次のどれかを書いてください: title, "
                "bands, other, grade_on, round_ratio_to, off_track_below_percent, reach, at_least, statuses, "
                "series_break, missing_period");
  EXPECT_EQ(error_of("bands:\n  - {symbol: ○, min_percent: 80}\n  - {symbol: △}\n"),
            path + ":1:1: キー「other」を評価基準のファイルに書いてください（ありません）");
  EXPECT_EQ(error_of(kGood + "reach: {achieved: ◎}\n"),
            path +
                ":6:19: 評価「◎」はこの評価基準にありません。top、bottom、score、other か評価区分の記号（○, △）を書いて"
                "ください");
  EXPECT_EQ(
      error_of("bands:\n  - {symbol: ○}\n  - {symbol: △}\nother: {symbol: ×}\n"),
      path + ":2:5: 評価区分「○」に min_percent がありません。min_percent を省けるのは最後（最も低い）区分だけです");
  EXPECT_EQ(
      error_of("bands:\n  - {symbol: ○, min_percent: 80, colour: red}\n  - {symbol: △}\nother: {symbol: ×}\n"),
      path +
          ":2:34: 「colour」は「bands」の 1 番目の評価区分に書けるキーではありません。次のどれかを書いてください: "
          "symbol, label, min_percent");
}

// A key that is not text (a list or a map written where a key goes) is refused at its place: the
// fuzz target config_yaml found that the loader threw yaml-cpp's own exception here, which no caller
// expects (tests/fuzz/regressions/config_yaml/crash-5551254e…).
TEST_F(SchemeFiles, KeysThatAreNotTextAreRefusedAtTheirPlace) {
  EXPECT_EQ(english_error_of("? [a, b]\n: 1\n" + kGood).rfind(dir_.string() + "/bad.yaml:1:3: ", 0), 0u)
      << english_error_of("? [a, b]\n: 1\n" + kGood);
  const std::string in_band =
      english_error_of("bands:\n  - {symbol: ○, {min: 1}: 80}\n  - {symbol: △}\nother: {symbol: ×}\n");
  EXPECT_NE(in_band.find("bad.yaml:2:17: "), std::string::npos) << in_band;
  EXPECT_NE(in_band.find("band 1 (bands)"), std::string::npos) << in_band;
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
