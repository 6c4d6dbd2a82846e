// What the city's staff read in the terminal (issue 13): Japanese by default, English with --lang en,
// numbers by each KPI's display rule (no raw doubles), era years, times in Asia/Tokyo with their
// offset, and tables that fit 160 columns unless --wide.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "e2e/sosei_runner.hpp"

namespace {

using sosei::test_support::SoseiRunner;

// Terminal columns of a UTF-8 line: CJK and full-width characters take two.
std::size_t columns(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++w;
      ++i;
    } else if (b >= 0xF0) {
      w += 2;
      i += 4;
    } else if (b >= 0xE0) {
      const char32_t c = ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      // Box and general punctuation (—, …) are narrow; kana, kanji, ○△ and full-width forms wide.
      w += (c >= 0x2E80 || c == 0x25CB || c == 0x25B3) ? 2 : 1;
      i += 3;
    } else {
      w += (b == 0xC3 && static_cast<unsigned char>(s[i + 1]) == 0x97) ? 2 : 1;  // ×
      i += 2;
    }
  }
  return w;
}

std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);) widest = std::max(widest, columns(line));
  return widest;
}

class JapaneseOutput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runner_ = new SoseiRunner("japanese-output");
    const auto r = runner_->run("import --all");
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    import_log_ = new std::string(r.err);
  }
  static void TearDownTestSuite() {
    delete runner_;
    runner_ = nullptr;
    delete import_log_;
    import_log_ = nullptr;
  }
  static SoseiRunner* runner_;
  static std::string* import_log_;  // what `import --all` wrote to the terminal's stderr
};
SoseiRunner* JapaneseOutput::runner_ = nullptr;
std::string* JapaneseOutput::import_log_ = nullptr;

TEST_F(JapaneseOutput, EvaluateSpeaksJapaneseWithRoundedNumbers) {
  const auto r = runner_->run("evaluate --as-of FY2025 --wide");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("基準日 2026年3月31日"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("目標比"), std::string::npos);
  EXPECT_NE(r.out.find("実績の算出"), std::string::npos);
  // school_scores: 98.28562664063583 is shown by its rule (標準化得点, one decimal).
  EXPECT_EQ(r.out.find("98.2856"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("98.3"), std::string::npos);
  EXPECT_NE(r.out.find("令和7年度"), std::string::npos);
  EXPECT_NE(r.out.find("統計の断絶: 比較困難"), std::string::npos);
  EXPECT_NE(r.out.find("評価期間の値がないため測定不能"), std::string::npos);
  EXPECT_EQ(r.out.find("expected"), std::string::npos);
  EXPECT_EQ(r.out.find("sum of"), std::string::npos);
  EXPECT_EQ(r.out.find("not_carried_out"), std::string::npos);
  EXPECT_NE(r.out.find("未実施"), std::string::npos);
}

TEST_F(JapaneseOutput, EnglishOnRequest) {
  const auto r = runner_->run("evaluate --as-of FY2025 --wide --lang en --years western");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("as of 2026-03-31"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sum of FY2025 (8) = 8"), std::string::npos);
  EXPECT_NE(r.out.find("series break: not comparable"), std::string::npos);
  EXPECT_EQ(r.out.find("98.2856"), std::string::npos);
  // The narrow table cuts the long English KPI names to fit: it printed the header, then stopped with
  // "basic_string::_M_create".
  const auto narrow = runner_->run("evaluate --as-of FY2025 --lang en");
  ASSERT_EQ(narrow.exit_code, 0) << narrow.err;
  EXPECT_NE(narrow.out.find("…"), std::string::npos) << narrow.out;
}

// The global options may come before the command, as --config and --db do.
TEST_F(JapaneseOutput, LangAndYearsMayComeBeforeTheCommand) {
  const auto r = runner_->run("--lang en --years western evaluate --as-of FY2025 --wide");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("as of 2026-03-31"), std::string::npos) << r.out;
  const auto refused = runner_->run("--lang de status");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("「de」は使えません"), std::string::npos) << refused.err;
}

// The bundled demo's one warning (a housing_grants value outside its expected range), as logged.
TEST_F(JapaneseOutput, TheTerminalLogSpeaksJapaneseInTheCitysTime) {
  ASSERT_NE(import_log_, nullptr);
  EXPECT_NE(import_log_->find(" +09:00 警告 [kama_values] 検証ルール: 警告 1 件"), std::string::npos) << *import_log_;
  EXPECT_EQ(import_log_->find("warning"), std::string::npos) << *import_log_;
}

// Notes are stored with the values and shown in the report (a tooltip on each figure) and in `values`:
// every note the bundled plugins and the demo data wrote is Japanese, none is an English sentence.
TEST_F(JapaneseOutput, EveryStoredNoteOfTheDemoIsJapanese) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((runner_->dir() / "out" / "sosei.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT DISTINCT series, note FROM observations WHERE note <> ''", -1, &s, nullptr),
            SQLITE_OK);
  int notes = 0;
  while (sqlite3_step(s) == SQLITE_ROW) {
    const std::string series = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    const std::string note = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    ++notes;
    // A Japanese sentence has kana or kanji (UTF-8 lead bytes E3–E9); a route name alone ("10 A - D",
    // a plugin's dimension note) is not a sentence and is left as the feed names it.
    const bool japanese = note.find_first_of("\xE3\xE4\xE5\xE6\xE7\xE8\xE9") != std::string::npos;
    const bool sentence = note.find(' ') != std::string::npos && note.size() > 12;
    EXPECT_TRUE(japanese || !sentence) << series << ": " << note;
    for (const char* english : {" of ", "missing", "decides", "total", "as of", "mean of"})
      EXPECT_EQ(note.find(english), std::string::npos) << series << ": " << note;
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  EXPECT_GT(notes, 5);
  const auto coverage = runner_->run("values disaster_coverage");
  EXPECT_NE(coverage.out.find("全 17,500 世帯のうち自主防災組織のある地区に 6,118 世帯"), std::string::npos)
      << coverage.out;
}

TEST_F(JapaneseOutput, WesternYearsInJapaneseAreNeverBare) {
  const auto r = runner_->run("values startups --years western");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2025年度"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("FY2025"), std::string::npos);
}

TEST_F(JapaneseOutput, EvaluateFitsOneHundredSixtyColumnsUnlessWide) {
  const auto narrow = runner_->run("evaluate --as-of FY2025", "COLUMNS=80");
  ASSERT_EQ(narrow.exit_code, 0) << narrow.err;
  EXPECT_LE(widest_line(narrow.out), 160u) << narrow.out;
  const auto wide = runner_->run("evaluate --as-of FY2025 --wide");
  EXPECT_GT(widest_line(wide.out), 160u);
}

TEST_F(JapaneseOutput, ValuesAreRoundedByTheKpisRule) {
  const auto r = runner_->run("values school_scores");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("98.2856"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("98.3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("期間"), std::string::npos);
  const auto bus = runner_->run("values city_bus_riders");
  EXPECT_NE(bus.out.find("100,084"), std::string::npos) << bus.out;
}

// A breakdown's keys and coded values by the names their plugin declares (路線, 自主防災組織=活動なし),
// in the reader's language; --json keeps the stored keys.
TEST_F(JapaneseOutput, BreakdownsAreNamedAsThePluginNamesThem) {
  const auto routes = runner_->run("values bus_ridership/fiscal_year_boardings");
  ASSERT_EQ(routes.exit_code, 0) << routes.err;
  EXPECT_NE(routes.out.find("路線=INATSUKI"), std::string::npos) << routes.out;
  EXPECT_EQ(routes.out.find("route="), std::string::npos) << routes.out;
  const auto districts = runner_->run("values disaster_coverage/district_households");
  EXPECT_NE(districts.out.find("自主防災組織=活動なし"), std::string::npos) << districts.out;
  EXPECT_NE(runner_->run("history bus_ridership/fiscal_year_boardings R5 --lang en").out.find("Route=INATSUKI"),
            std::string::npos);
  EXPECT_NE(runner_->run("values bus_ridership/fiscal_year_boardings --json").out.find("\"route\""), std::string::npos);
}

TEST_F(JapaneseOutput, RunsAndStatusShowTokyoTimeWithItsOffset) {
  const auto runs = runner_->run("runs --limit 3");
  ASSERT_EQ(runs.exit_code, 0) << runs.err;
  EXPECT_NE(runs.out.find("+09:00"), std::string::npos) << runs.out;
  EXPECT_NE(runs.out.find("成功"), std::string::npos);
  EXPECT_EQ(runs.out.find("Z "), std::string::npos);
  const auto status = runner_->run("status --as-of 2026-08-01");
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("+09:00"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("前回成功（開始）"), std::string::npos);
  EXPECT_NE(status.out.find("KPIデータの状況（2026年8月1日 現在）"), std::string::npos);
  // The bundled schedules in words, the due dates as dates: nothing a reader must decode.
  for (const char* words : {"毎日 6:30", "毎週月曜 7:00", "毎月5日 7:00", "毎年9月1日 7:00", "2026年7月31日"})
    EXPECT_NE(status.out.find(words), std::string::npos) << words << "\n" << status.out;
  EXPECT_EQ(status.out.find("* * *"), std::string::npos) << status.out;
  const auto english = runner_->run("status --as-of 2026-08-01 --lang en");
  for (const char* words : {"daily 06:30", "Mondays 07:00", "yearly, 1 Sep, 07:00", "2026-07-31"})
    EXPECT_NE(english.out.find(words), std::string::npos) << words << "\n" << english.out;
}

TEST_F(JapaneseOutput, PluginsAndTokensSpeakJapanese) {
  const auto plugins = runner_->run("plugins");
  ASSERT_EQ(plugins.exit_code, 0) << plugins.err;
  for (const char* heading : {"名前", "版", "API版", "担当課", "ファイル"})
    EXPECT_NE(plugins.out.find(heading), std::string::npos) << heading << "\n" << plugins.out;
  EXPECT_NE(runner_->run("plugins --lang en").out.find("version"), std::string::npos);

  ASSERT_EQ(runner_->run("token create --department 産業振興課 --note 窓口").exit_code, 0);
  const auto tokens = runner_->run("token list");
  ASSERT_EQ(tokens.exit_code, 0) << tokens.err;
  for (const char* word : {"番号", "作成日時", "最終使用", "失効", "未使用", "+09:00"})
    EXPECT_NE(tokens.out.find(word), std::string::npos) << word << "\n" << tokens.out;
  EXPECT_EQ(tokens.out.find("never"), std::string::npos) << tokens.out;

  const auto resume = runner_->run("resume tourism");
  EXPECT_NE(resume.out.find("tourism: 隔離されていません"), std::string::npos) << resume.out;
  const auto unknown_run = runner_->run("runs --id 999");
  EXPECT_EQ(unknown_run.exit_code, 2);
  EXPECT_NE(unknown_run.err.find("実行 999 はありません"), std::string::npos) << unknown_run.err;
}

// What a person typed wrong is refused in Japanese, naming what to write; --lang en in English.
TEST_F(JapaneseOutput, RefusalsOfWhatWasTypedSpeakJapanese) {
  const auto expect_refusal = [&](const std::string& command, const std::string& words) {
    const auto r = runner_->run(command);
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find(words), std::string::npos) << command << "\n" << r.err;
  };
  expect_refusal("values nosuchkpi", "KPI「nosuchkpi」は戦略にありません");
  expect_refusal("history startups bogus", "「bogus」は期間として読めません");
  expect_refusal("history startups R99", "期間 R99（令和99年度）は戦略の範囲（平成27年度～令和12年度）の外です");
  expect_refusal("evaluate --as-of bogus", "基準日「bogus」を読めません。2026-01-31、FY2025");
  expect_refusal("evaluations --id 99", "評価 99 はありません");
  expect_refusal("submit startups R99", "期間 R99（令和99年度）は戦略の範囲");
  expect_refusal("import", "取込元を 1 つ指定するか --all を付けてください");
  for (const char* command : {"values nosuchkpi", "history startups bogus", "evaluate --as-of bogus"})
    EXPECT_EQ(runner_->run(command).err.find("is not"), std::string::npos) << command;
  expect_refusal("evaluate --as-of bogus --lang en", "cannot read the as-of date 'bogus' (\"bogus\" is not a period");
  expect_refusal("values nosuchkpi --lang en", "no KPI 'nosuchkpi' in the strategy");
}

// The SDK words a plugin's refusals in English; a failed run and `plugin check` show them in Japanese
// (text/sdk_text.hpp), names and the header's columns as the file has them; --lang en keeps English.
TEST(JapaneseSdkRefusals, AFailedRunAndAPluginCheckSayWhatIsWrongInJapanese) {
  SoseiRunner s("japanese-sdk-refusals");
  { std::ofstream(s.dir() / "bad.csv") << "kpi,period,amount\nstartups,R7,8件\n"; }
  const auto run = s.run("import kama_values --file '" + (s.dir() / "bad.csv").string() + "'");
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("bad.csv: 1 行目: 見出しに列「value」がありません（用途: 値（value_column））。"
                         "ファイルとその見出しを確かめてください。見出しの列: \"kpi\", \"period\", \"amount\""),
            std::string::npos)
      << run.out;
  const auto runs = s.run("runs --id 1");
  EXPECT_NE(runs.out.find("1 行目: 見出しに列「value」がありません"), std::string::npos) << runs.out;
  for (const auto* r : {&run, &runs})
    for (const char* english : {"line 1", "missing column", "the header has"})
      EXPECT_EQ(r->out.find(english), std::string::npos) << english << "\n" << r->out;

  // A header of 300 columns makes the error longer than a run record keeps, and a long file name puts
  // the cut inside the SDK's sentence: it is worded before it is cut (in the worker too), so what is
  // kept is Japanese.
  const std::string wide_name = std::string(100, 'w') + ".csv";  // with its folder, about 150 characters
  {
    std::ofstream wide(s.dir() / wide_name);
    wide << "kpi,period";
    for (int i = 0; i < 300; ++i) wide << ",column_" << i;
    wide << "\nstartups,R7\n";
  }
  const auto cut = s.run("import kama_values --file '" + (s.dir() / wide_name).string() + "'");
  EXPECT_EQ(cut.exit_code, 1) << cut.out << cut.err;
  const auto cut_runs = s.run("runs --id 2");
  EXPECT_NE(cut_runs.out.find(wide_name + ": 1 行目: 見出しに列「value」がありません"), std::string::npos)
      << cut_runs.out;
  EXPECT_EQ(cut_runs.out.find("missing column"), std::string::npos) << cut_runs.out;

  const std::string plugin = std::string(SOSEI_TEST_BINARY_DIR) + "/plugins/tourism.so";
  const auto check = s.run("plugin check '" + plugin + "'");
  EXPECT_EQ(check.exit_code, 1) << check.err;
  EXPECT_NE(check.out.find("試しの実行: 失敗 — 設定「file」（ファイルを取り込む）か「url」（URL "
                           "から取得する）のどちらかを書いてください"),
            std::string::npos)
      << check.out;
  const auto english = s.run("plugin check '" + plugin + "' --lang en");
  EXPECT_NE(english.out.find("dry run: failed — set either 'file' (import a file) or 'url' (fetch it)"),
            std::string::npos)
      << english.out;
}

// The audit trail and the values' history name a token in words (トークン 3), and a comment's kind.
TEST_F(JapaneseOutput, AuditSaysTokensAndCommentKindsInWords) {
  SoseiRunner s("japanese-audit");
  ASSERT_EQ(s.run("import kama_values").exit_code, 0);
  ASSERT_EQ(s.run("token create --department 住宅課 --note 窓口").exit_code, 0);
  ASSERT_EQ(s.run("comment housing_grants R7 --kind why --text 制度の見直しによる減少").exit_code, 0);
  const auto audit = s.run("audit");
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  for (const char* words : {"トークン発行", "トークン 1 住宅課（担当課）", "説明の追加", "要因分析"})
    EXPECT_NE(audit.out.find(words), std::string::npos) << words << "\n" << audit.out;
  for (const char* code : {"token.create", "(department)", "comment.add", " why"})
    EXPECT_EQ(audit.out.find(code), std::string::npos) << code << "\n" << audit.out;
}

TEST_F(JapaneseOutput, ConfiguredLocaleEnglish) {
  SoseiRunner english("japanese-output-en");
  // locale: en in the configuration makes English the default; --lang ja still wins.
  { std::ofstream(english.config(), std::ios::app) << "locale: en\n"; }
  ASSERT_EQ(english.run("import kama_values").exit_code, 0);
  const auto r = english.run("values startups");
  EXPECT_NE(r.out.find("period"), std::string::npos) << r.out << r.err;
  const auto ja = english.run("values startups --lang ja");
  EXPECT_NE(ja.out.find("期間"), std::string::npos) << ja.out;
}

TEST(JapaneseConfigErrors, ABrokenConfigurationIsExplainedInJapaneseUnlessEnglishIsAsked) {
  SoseiRunner broken("japanese-config-error");
  int lines = 0;
  {
    std::ifstream in(broken.config());
    for (std::string line; std::getline(in, line);) ++lines;
  }
  { std::ofstream(broken.config(), std::ios::app) << "timezon: Asia/Tokyo\n"; }
  const std::string place = broken.config().string() + ":" + std::to_string(lines + 1) + ":1: ";
  const auto ja = broken.run("evaluate");
  EXPECT_EQ(ja.exit_code, 2);
  EXPECT_NE(ja.err.find("sosei: " + place +
                        "「timezon」はsosei.yamlに書けるキーではありません。次のどれかを書いてください: "),
            std::string::npos)
      << ja.err;
  const auto en = broken.run("evaluate --lang en");
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_NE(en.err.find("sosei: " + place + "unknown key 'timezon' in sosei.yaml; expected one of: "),
            std::string::npos)
      << en.err;
}

}  // namespace
