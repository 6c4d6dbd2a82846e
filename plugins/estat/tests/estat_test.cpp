// Unit tests of the estat plugin on the fake host (sosei/testing.hpp) with replies written by code in
// the API's documented shape (stats_reply.hpp): the three ways of forming a value, paging, the API's
// error and "no data" statuses, special marks, a wrong area, a revised table, the secret's places,
// recorded replies read from a folder (replay_dir).
// The real host and a local HTTP server are in estat_runtime_test.cpp.
#include <gtest/gtest.h>
#include <sosei/testing.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "stats_reply.hpp"

extern "C" const sosei_plugin_descriptor* sosei_plugin_entry(void);

namespace {

using namespace estat_test;
using Settings = std::map<std::string, std::string>;

constexpr const char* kAppId = "0123456789abcdef0123456789abcdef01234567";
constexpr const char* kEnv = "SOSEI_ESTAT_TEST_APP_ID";
constexpr const char* kBase = "https://api.example.test/rest/3.0/app/json";

// The request the plugin sends: parameters in its fixed order (estat_settings.cpp).
std::string url(const std::string& filters, unsigned long long start = 1) {
  std::string u =
      std::string(kBase) + "/getStatsData?appId=" + kAppId + "&lang=J&statsDataId=0003420482&cdArea=40227" + filters +
      "&metaGetFlg=Y&cntGetFlg=N&explanationGetFlg=N&annotationGetFlg=Y&sectionHeaderFlg=1&replaceSpChars=0";
  if (start > 1) u += "&startPosition=" + std::to_string(start);
  return u;
}
const std::string kMigration = "&cdCat01=001%2C002";
const std::string kBirths = "&cdCat01=010";

class EstatPlugin : public ::testing::Test {
 protected:
  void SetUp() override { ::setenv(kEnv, kAppId, 1); }
  void TearDown() override { ::unsetenv(kEnv); }

  static Settings net_migration() {
    return {{"kpi", "net_migration"}, {"stats_data_id", "0003420482"}, {"area", "40227"},    {"cd_cat01", "001"},
            {"minus", "cat01=002"},   {"value", "difference"},         {"app_id_env", kEnv}, {"base_url", kBase}};
  }
  static Settings births_settings() {
    return {{"kpi", "births"},    {"stats_data_id", "0003420482"},
            {"area", "40227"},    {"cd_cat01", "010"},
            {"app_id_env", kEnv}, {"base_url", kBase}};
  }

  // Runs on the host kept in host_ (its canned replies and state survive between runs).
  int32_t run(const Settings& settings, bool skip_bad_rows = false) {
    for (const auto& [name, value] : settings) host_.setting(name, value);
    host_.skip_bad_rows(skip_bad_rows);
    const int32_t rc = host_.run(sosei_plugin_entry());
    expect_no_secret();
    return rc;
  }
  void reply(const std::string& u, const Reply& r) { host_.http(u, {200, stats_reply(r)}); }

  // The application ID is in the request only: never in an error, a log line, a note or the state.
  void expect_no_secret() const {
    EXPECT_EQ(host_.error().find(kAppId), std::string::npos) << host_.error();
    for (const auto& l : host_.logs()) EXPECT_EQ(l.message.find(kAppId), std::string::npos) << l.message;
    for (const auto& r : host_.rejections()) EXPECT_EQ(r.reason.find(kAppId), std::string::npos) << r.reason;
    for (const auto& o : host_.observations()) {
      EXPECT_EQ(o.note.find(kAppId), std::string::npos) << o.note;
      EXPECT_EQ(o.file.find(kAppId), std::string::npos) << o.file;
    }
    for (const auto& [k, v] : host_.saved_state()) {
      EXPECT_EQ(k.find(kAppId), std::string::npos) << k;
      EXPECT_EQ(v.find(kAppId), std::string::npos) << v;
    }
  }

  sosei::testing::FakeHost host_;
};

TEST_F(EstatPlugin, ACellPerYearFeedsBirths) {
  reply(url(kBirths), reply_of(birth_cells(2019, 2023)));
  ASSERT_EQ(run(births_settings()), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.fetched().size(), 1u);
  const auto& o = host_.observations();
  ASSERT_EQ(o.size(), 5u);
  EXPECT_EQ(o[0].series, "births");
  EXPECT_EQ(o[0].period.kind, SOSEI_PERIOD_CALENDAR_YEAR);
  EXPECT_EQ(o[0].period.year, 2019);
  EXPECT_EQ(o[0].number, births(2019));
  EXPECT_EQ(o[4].period.year, 2023);
  EXPECT_EQ(o[4].number, births(2023));
  EXPECT_EQ(o[4].file, "e-Stat 統計表 0003420482");
}

TEST_F(EstatPlugin, DifferenceGivesNetMigration) {
  reply(url(kMigration), reply_of(migration_cells(2016, 2020)));
  ASSERT_EQ(run(net_migration()), SOSEI_OK) << host_.error();
  const auto& o = host_.observations();
  ASSERT_EQ(o.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(o[static_cast<std::size_t>(i)].period.year, 2016 + i);
    EXPECT_EQ(o[static_cast<std::size_t>(i)].number, in_migrants(2016 + i) - out_migrants(2016 + i));
  }
  EXPECT_LT(o[0].number, 0) << "the fixtures' city loses people, as 嘉麻市 does";
}

TEST_F(EstatPlugin, FromAndToYearKeepTheRange) {
  reply(url(kBirths), reply_of(birth_cells(2015, 2024)));
  auto s = births_settings();
  s["from_year"] = "2020";
  s["to_year"] = "2022";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 3u);
  EXPECT_EQ(host_.observations()[0].period.year, 2020);
  EXPECT_EQ(host_.observations()[2].period.year, 2022);
}

TEST_F(EstatPlugin, SumYearsOverAWindowOfDifferences) {
  reply(url(kMigration), reply_of(migration_cells(2015, 2024)));
  auto s = net_migration();
  s["value"] = "sum_years";
  s["from_year"] = "2016";
  s["to_year"] = "2020";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 1u);
  long long sum = 0;
  for (int y = 2016; y <= 2020; ++y) sum += in_migrants(y) - out_migrants(y);
  EXPECT_EQ(host_.observations()[0].number, sum);
  EXPECT_EQ(host_.observations()[0].period.year, 2020);
  EXPECT_EQ(host_.observations()[0].note, "2016〜2020年の5年間の合計");

  s["to_year"] = "2026";  // 2025 and 2026 are not published yet
  EXPECT_EQ(run(s), SOSEI_ERR_REJECTED);
  ASSERT_EQ(host_.rejections().size(), 1u);
  EXPECT_NE(host_.rejections()[0].reason.find("2025年、2026年 のセルがありません"), std::string::npos)
      << host_.rejections()[0].reason;
  EXPECT_TRUE(host_.observations().empty());
}

TEST_F(EstatPlugin, PagingFollowsNextKey) {
  auto cells = birth_cells(2015, 2024);
  Reply first = reply_of({cells.begin(), cells.begin() + 4});
  first.next_key = 5;
  Reply second = reply_of({cells.begin() + 4, cells.begin() + 8});
  second.from = 5;
  second.next_key = 9;
  Reply third = reply_of({cells.begin() + 8, cells.end()});
  third.from = 9;
  reply(url(kBirths), first);
  reply(url(kBirths, 5), second);
  reply(url(kBirths, 9), third);
  ASSERT_EQ(run(births_settings()), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.fetched().size(), 3u);
  ASSERT_EQ(host_.observations().size(), 10u);
  EXPECT_EQ(host_.observations()[9].number, births(2024));
}

TEST_F(EstatPlugin, ANextKeyThatGoesBackIsABrokenReply) {
  Reply first = reply_of(birth_cells(2019, 2020));
  first.next_key = 1;
  reply(url(kBirths), first);
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("NEXT_KEY 1"), std::string::npos) << host_.error();
}

TEST_F(EstatPlugin, AnErrorStatusFailsTheRunWithTheApisMessage) {
  Reply r;
  r.status = 100;
  r.error_message = "認証に失敗しました。アプリケーションIDを確認して下さい。";
  reply(url(kBirths), r);
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("STATUS 100"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("認証に失敗しました。"), std::string::npos) << host_.error();
  EXPECT_TRUE(host_.observations().empty());

  r.status = 202;
  r.error_message = "システムエラーが発生しました。";
  reply(url(kBirths), r);
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_IO);
}

TEST_F(EstatPlugin, StatusTwoKeepsTheCellsAndWarns) {
  Reply r = reply_of(birth_cells(2020, 2021));
  r.status = 2;
  r.error_message = "正常に終了しましたが、一部にエラーがあります。";
  reply(url(kBirths), r);
  ASSERT_EQ(run(births_settings()), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().size(), 2u);
  bool warned = false;
  for (const auto& l : host_.logs())
    warned = warned || (l.level == SOSEI_LOG_WARN && l.message.find("一部にエラーがあります") != std::string::npos);
  EXPECT_TRUE(warned);
}

TEST_F(EstatPlugin, NoDataIsAClearFailure) {
  Reply r;
  r.status = 1;
  r.error_message = "正常に終了しましたが、該当データはありませんでした。";
  reply(url(kBirths), r);
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("地域 40227"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("該当データはありませんでした"), std::string::npos) << host_.error();
}

TEST_F(EstatPlugin, AWrongAreaNamesTheAreasTheReplyHas) {
  auto cells = birth_cells(2019, 2020);
  for (auto& c : cells) c.area = "40228";  // the API answered for another city
  reply(url(kBirths), reply_of(cells));
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("地域 40227"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("応答にある地域: 40228"), std::string::npos) << host_.error();
}

TEST_F(EstatPlugin, SixDigitAreaCodesLoseTheirCheckDigit) {
  reply(url(kBirths), reply_of(birth_cells(2020, 2020)));
  auto s = births_settings();
  s["area"] = "402273";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().size(), 1u);
  s["area"] = "402274";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("6桁目は 3"), std::string::npos) << host_.error();
  s["area"] = "飯塚市";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
}

TEST_F(EstatPlugin, SpecialMarksAreMissingValuesWithTheirMeaning) {
  std::vector<ReplyCell> cells = birth_cells(2019, 2019);
  cells.push_back(cell(year_code(2020), "010", "x"));
  cells.push_back(cell(year_code(2021), "010", "***"));
  cells.push_back(cell(year_code(2022), "010", "-"));
  cells.push_back(cell(year_code(2023), "010", "…"));
  cells.push_back(cell(year_code(2024), "010", "-12"));  // a negative number is a number
  reply(url(kBirths), reply_of(cells));
  ASSERT_EQ(run(births_settings()), SOSEI_OK) << host_.error();
  const auto& o = host_.observations();
  ASSERT_EQ(o.size(), 6u);
  EXPECT_EQ(o[0].value_kind, SOSEI_VALUE_NUMBER);
  EXPECT_EQ(o[1].value_kind, SOSEI_VALUE_MISSING);
  EXPECT_EQ(o[1].note, "e-Stat の記号「x」（秘匿）: 数値がありません");
  EXPECT_EQ(o[2].value_kind, SOSEI_VALUE_MISSING);
  EXPECT_NE(o[2].note.find("該当数値なし"), std::string::npos) << o[2].note;
  EXPECT_EQ(o[3].value_kind, SOSEI_VALUE_MISSING);
  EXPECT_NE(o[3].note.find("計数のない場合"), std::string::npos) << o[3].note;
  EXPECT_EQ(o[4].value_kind, SOSEI_VALUE_MISSING);
  EXPECT_EQ(o[5].value_kind, SOSEI_VALUE_NUMBER);
  EXPECT_EQ(o[5].number, -12);
}

TEST_F(EstatPlugin, AMarkInADifferenceOrWindowLeavesNoValue) {
  auto cells = migration_cells(2016, 2020);
  cells[3].value = "x";  // 転出者数 2017
  reply(url(kMigration), reply_of(cells));
  ASSERT_EQ(run(net_migration()), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().at(1).value_kind, SOSEI_VALUE_MISSING);
  EXPECT_NE(host_.observations().at(1).note.find("秘匿"), std::string::npos);

  auto s = net_migration();
  s["value"] = "sum_years";
  s["from_year"] = "2016";
  s["to_year"] = "2020";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 1u);
  EXPECT_EQ(host_.observations()[0].value_kind, SOSEI_VALUE_MISSING);
  EXPECT_NE(host_.observations()[0].note.find("2017年 は e-Stat の記号「x」"), std::string::npos)
      << host_.observations()[0].note;
}

TEST_F(EstatPlugin, ADifferenceWithoutOneSideIsABadRow) {
  auto cells = migration_cells(2016, 2018);
  cells.pop_back();  // no 転出者数 for 2018
  reply(url(kMigration), reply_of(cells));
  EXPECT_EQ(run(net_migration()), SOSEI_ERR_REJECTED);
  ASSERT_EQ(host_.rejections().size(), 1u);
  EXPECT_NE(host_.rejections()[0].reason.find("2018年: cat01 002（転出者数） のセルがありません"), std::string::npos)
      << host_.rejections()[0].reason;
}

TEST_F(EstatPlugin, ARevisedTableIsImportedAndAnIdenticalReplyIsUnchanged) {
  reply(url(kBirths), reply_of(birth_cells(2019, 2023)));
  ASSERT_EQ(run(births_settings()), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.saved_state().count("estat.fingerprint"), 1u);

  Reply same = reply_of(birth_cells(2019, 2023));
  same.date = "2025-03-01T09:00:00.000+09:00";  // a later reply of the same table
  reply(url(kBirths), same);
  EXPECT_EQ(run(births_settings()), SOSEI_UNCHANGED) << host_.error();
  EXPECT_TRUE(host_.observations().empty());

  Reply revised = reply_of(birth_cells(2019, 2023));
  revised.cells[4].value = "777";  // 2023 revised from its preliminary figure
  reply(url(kBirths), revised);
  ASSERT_EQ(run(births_settings()), SOSEI_OK) << host_.error();
  ASSERT_EQ(host_.observations().size(), 5u);
  EXPECT_EQ(host_.observations()[4].number, 777);

  auto narrower = births_settings();
  narrower["from_year"] = "2022";  // other settings: other values, even from the same reply
  ASSERT_EQ(run(narrower), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().size(), 2u);
}

TEST_F(EstatPlugin, TheSecretMissingIsAConfigurationError) {
  reply(url(kBirths), reply_of(birth_cells(2019, 2023)));
  ::unsetenv(kEnv);
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find(std::string("環境変数 ") + kEnv), std::string::npos) << host_.error();
  EXPECT_TRUE(host_.fetched().empty()) << "nothing is fetched without the ID";

  auto s = births_settings();
  s.erase("app_id_env");
  s["app_id_file"] = "/nonexistent/estat-app-id";
  host_ = sosei::testing::FakeHost();
  reply(url(kBirths), reply_of(birth_cells(2019, 2023)));
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("/nonexistent/estat-app-id"), std::string::npos) << host_.error();

  host_ = sosei::testing::FakeHost();
  s["app_id_env"] = kEnv;  // both: which one?
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("どちらか1つ"), std::string::npos) << host_.error();
}

TEST_F(EstatPlugin, TheSecretFromAFile) {
  const std::string file = ::testing::TempDir() + "estat-app-id-" + std::to_string(::getpid());
  std::ofstream(file) << kAppId << "\n";
  auto s = births_settings();
  s.erase("app_id_env");
  s["app_id_file"] = file;
  reply(url(kBirths), reply_of(birth_cells(2020, 2020)));
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().size(), 1u);
  std::remove(file.c_str());
}

// A folder of recorded replies (replay_dir), written once per test and removed after it.
class RecordedReplies {
 public:
  RecordedReplies()
      : dir_(std::filesystem::path(::testing::TempDir()) / ("estat-replay-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~RecordedReplies() { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const Reply& r) const { std::ofstream(dir_ / name) << stats_reply(r); }
  std::string dir() const { return dir_.string(); }
  std::string file(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

TEST_F(EstatPlugin, RecordedRepliesAreReadWithoutTheApiOrAnApplicationId) {
  RecordedReplies recorded;
  auto cells = migration_cells(2016, 2025);
  Reply first = reply_of({cells.begin(), cells.begin() + 12});
  first.next_key = 13;
  Reply second = reply_of({cells.begin() + 12, cells.end()});
  second.from = 13;
  recorded.write("0003420482.json", first);
  recorded.write("0003420482.13.json", second);
  ::unsetenv(kEnv);  // a replay needs no ID: the setting may stay for going live, it is not read
  auto s = net_migration();
  s["replay_dir"] = recorded.dir() + "/";
  ASSERT_EQ(run(s), SOSEI_OK) << host_.error();
  EXPECT_TRUE(host_.fetched().empty()) << "a replay never reaches the network";
  const auto& o = host_.observations();
  ASSERT_EQ(o.size(), 10u);
  for (std::size_t i = 0; i < o.size(); ++i) {
    const int year = 2016 + static_cast<int>(i);
    EXPECT_EQ(o[i].period.year, year);
    EXPECT_EQ(o[i].number, in_migrants(year) - out_migrants(year));
    EXPECT_EQ(o[i].file, "e-Stat 統計表 0003420482");
  }
  // The same recording again is unchanged, as an identical reply from the API would be.
  EXPECT_EQ(run(s), SOSEI_UNCHANGED) << host_.error();
}

TEST_F(EstatPlugin, AMissingRecordedReplyFailsTheRunNamingTheFile) {
  RecordedReplies recorded;
  auto s = births_settings();
  s["replay_dir"] = recorded.dir();
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find(recorded.file("0003420482.json")), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("replay_dir"), std::string::npos) << host_.error();
  EXPECT_TRUE(host_.observations().empty());

  // A recording that stops before the page NEXT_KEY asks for: nothing is emitted from half a table.
  Reply first = reply_of(birth_cells(2019, 2021));
  first.next_key = 4;
  recorded.write("0003420482.json", first);
  host_ = sosei::testing::FakeHost();
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find(recorded.file("0003420482.4.json")), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("NEXT_KEY 4"), std::string::npos) << host_.error();
  EXPECT_TRUE(host_.observations().empty());
}

TEST_F(EstatPlugin, ACutOffRecordingIsNamedWithWhatToDoNotTheApisAddress) {
  RecordedReplies recorded;
  const std::string whole = stats_reply(reply_of(birth_cells(2019, 2021)));
  std::ofstream(recorded.file("0003420482.json")) << whole.substr(0, whole.size() / 2);
  auto s = births_settings();
  s["replay_dir"] = recorded.dir();
  EXPECT_EQ(run(s), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("記録した応答のファイル " + recorded.file("0003420482.json") + " を読めません"),
            std::string::npos)
      << host_.error();
  EXPECT_NE(host_.error().find("保存し直してください"), std::string::npos) << host_.error();
  EXPECT_EQ(host_.error().find("base_url"), std::string::npos) << host_.error();
  EXPECT_TRUE(host_.observations().empty());
}

TEST_F(EstatPlugin, AnUnnarrowedClassIsNamed) {
  std::vector<ReplyCell> cells{cell(year_code(2020), "010", "450"), cell(year_code(2020), "010", "430")};
  cells[0].cat02 = "1";
  cells[1].cat02 = "2";
  reply(url(kBirths), reply_of(cells));
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("cat02（男女別）"), std::string::npos) << host_.error();
  EXPECT_NE(host_.error().find("cd_cat02 で1つに絞ってください"), std::string::npos) << host_.error();
}

TEST_F(EstatPlugin, AnnotationsBecomeNotes) {
  auto cells = birth_cells(2020, 2020);
  cells[0].annotation = "※1";
  reply(url(kBirths), reply_of(cells));
  ASSERT_EQ(run(births_settings()), SOSEI_OK) << host_.error();
  EXPECT_EQ(host_.observations().at(0).note, "注釈 ※1");
}

TEST_F(EstatPlugin, RepliesThatAreNotTheEnvelope) {
  host_.http(url(kBirths), {200, "<!DOCTYPE html><html><body>メンテナンス中</body></html>"});
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("JSON ではありません"), std::string::npos) << host_.error();

  host_.http(url(kBirths), {200, R"({"GET_STATS_LIST": {}})"});
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("GET_STATS_DATA.RESULT.STATUS"), std::string::npos) << host_.error();

  std::vector<ReplyCell> quarter{cell("2020000103", "010", "120")};
  reply(url(kBirths), reply_of(quarter));
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("2020000103"), std::string::npos) << host_.error();

  std::vector<ReplyCell> text{cell(year_code(2020), "010", "約500")};
  reply(url(kBirths), reply_of(text));
  EXPECT_EQ(run(births_settings()), SOSEI_ERR_INPUT);
  EXPECT_NE(host_.error().find("「約500」"), std::string::npos) << host_.error();
}

TEST_F(EstatPlugin, ConfigurationMistakes) {
  auto s = net_migration();
  s.erase("minus");
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("'minus'"), std::string::npos) << host_.error();

  host_ = sosei::testing::FakeHost();
  s = net_migration();
  s["minus"] = "cat02=002";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("cd_cat02"), std::string::npos) << host_.error();

  host_ = sosei::testing::FakeHost();
  s = net_migration();
  s["value"] = "sum_years";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
  EXPECT_NE(host_.error().find("from_year"), std::string::npos) << host_.error();

  host_ = sosei::testing::FakeHost();
  s = births_settings();
  s["value"] = "ratio";
  EXPECT_EQ(run(s), SOSEI_ERR_CONFIG);
}

}  // namespace
