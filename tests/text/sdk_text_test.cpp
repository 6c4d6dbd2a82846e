// The SDK's English texts in Japanese (text/sdk_text.hpp): the SDK itself throws every CsvError and
// PluginError it has, through the trampoline that hands a plugin's error to the host, and none of
// them may reach a Japanese reader in English.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sosei/csv.hpp"
#include "sosei/plugin.hpp"
#include "text/sdk_text.hpp"

namespace sosei::text {
namespace {

constexpr std::array<sosei_setting_spec, 1> kDeclared{{{"file", SOSEI_SETTING_PATH, 0, nullptr, "the table"}}};

// A host with no settings that cannot save state. set_error keeps what the plugin said, as the
// real host does when detail::guarded catches an exception from run().
const sosei_host_api& refusing_api() {
  static const sosei_host_api api = [] {
    sosei_host_api a{};
    a.api_version = SOSEI_API_VERSION;
    a.struct_size = sizeof(sosei_host_api);
    a.setting = [](sosei_host*, const char*) -> const char* { return nullptr; };
    a.state_set = [](sosei_host*, const char*, const char*) { return static_cast<int32_t>(SOSEI_ERR_IO); };
    a.set_error = [](sosei_host* h, const char* m) { reinterpret_cast<std::string*>(h)->assign(m); };
    return a;
  }();
  return api;
}

// What the host is told when `run` throws inside the SDK's trampoline.
std::string error_of(const std::function<void(const Context&)>& run) {
  std::string error;
  auto* host = reinterpret_cast<sosei_host*>(&error);
  const Context context(&refusing_api(), host, kDeclared);
  EXPECT_NE(detail::guarded(&refusing_api(), host, [&] { run(context); }), SOSEI_OK);
  return error;
}

// Reads `csv` to its end as a plugin does, the first record as the header, then `use` on it.
std::string csv_error_of(std::string_view csv, const std::function<void(const CsvReader&)>& use = {},
                         std::size_t max_record_size = std::size_t{1} << 26) {
  return error_of([&](const Context&) {
    StringByteReader in(csv);
    CsvReader reader(in, 0, 4, max_record_size);
    if (reader.next() && use) use(reader);
    while (reader.next()) {
    }
  });
}

// Every CsvError of sosei/csv.hpp, from the SDK: header names are Japanese, as a city's files have them.
std::vector<std::string> every_csv_error() {
  return {
      csv_error_of("日付,人数\n2025-04-01,5\n2025-04-02"),
      csv_error_of("日付,人数\n\"2025-04-01,5\n" + std::string(64, 'x'), {}, 16),
      csv_error_of("日付,人数\n\"2025-04-01,5\n"),
      csv_error_of("日付,人数\n", [](const CsvReader& r) { CsvHeader(r).require("乗車人数", "乗車人数を数えるため"); }),
      error_of([](const Context&) {
        StringByteReader in("");
        const CsvReader empty(in);
        CsvHeader(empty).require("乗車人数", "乗車人数を数えるため");
      }),
      csv_error_of("日付,人数\n", [](const CsvReader& r) { ColumnFinder(r).find("件数", {"人数"}, "count_column"); }),
      csv_error_of("日付,人数\n",
                   [](const CsvReader& r) {
                     ColumnFinder(r).require({"路線", "路線名"}, "路線");
                   }),
      csv_error_of("日付,人数\n",
                   [](const CsvReader& r) {
                     ColumnFinder(r).require("", {"路線", "路線名"}, "路線", "route_column");
                   }),
      csv_error_of("日付,人数\n", [](const CsvReader& r) { ColumnFinder(r).require("", {}, "路線", "route_column"); }),
  };
}

// Every PluginError and exception text of sosei/plugin.hpp, from the SDK.
std::vector<std::string> every_plugin_error() {
  return {
      error_of([](const Context& c) { c.required_setting("file"); }),
      error_of([](const Context& c) { c.open_configured_input(); }),
      error_of([](const Context& c) { c.set_state("last_modified", "x"); }),
      error_of([](const Context& c) { c.string_setting("sheet"); }),
      error_of([](const Context&) { throw 42; }),
      error_of([](const Context&) {
        StringByteReader in("");
        [[maybe_unused]] const CsvReader reader(in, '"');
      }),
      error_of([](const Context&) { with_help(kDeclared, "url", "the address"); }),
      RunStopped(SOSEI_ERR_IO).what(),
  };
}

// English words of the SDK's texts that no Japanese wording keeps.
constexpr std::array<std::string_view, 23> kEnglish{
    "line ", "column ", "columns", "header",   "expected",  "setting ",  "missing", "record",
    "quote", "input",   "either",  "unknown",  "exception", "delimiter", "looked",  "needed",
    "bytes", "fields",  "cannot",  "required", "declare",   "stopped",   "the "};

void expect_japanese(const std::string& english) {
  SCOPED_TRACE(english);
  ASSERT_FALSE(english.empty());
  for (const std::string& message : {english, "rides.csv: " + english, "rides.csv:12: " + english}) {
    const std::string ja = sdk_text(message, Lang::Ja);
    for (std::string_view word : kEnglish) EXPECT_EQ(ja.find(word), std::string::npos) << word << " in " << ja;
    EXPECT_EQ(ja.substr(0, message.size() - english.size()), message.substr(0, message.size() - english.size()));
    EXPECT_EQ(sdk_text(message, Lang::En), message);
  }
}

TEST(SdkText, EveryCsvErrorOfTheSdkReadsInJapanese) {
  for (const std::string& error : every_csv_error()) expect_japanese(error);
}

TEST(SdkText, EveryPluginErrorOfTheSdkReadsInJapanese) {
  for (const std::string& error : every_plugin_error()) expect_japanese(error);
}

TEST(SdkText, CsvErrorsAreWordedWithTheirNamesNumbersAndColumns) {
  const std::vector<std::string> e = every_csv_error();
  EXPECT_EQ(sdk_text(e[0], Lang::Ja),
            "3 行目: この行の途中で入力が終わっています。この行は 1 列しかなく（それまでの行は 2 "
            "列）、行末の改行もないため、ファイルが途中で切れています（ダウンロードやコピーの中断、zip "
            "の中身の欠けなど）。もう一度取得するか書き出し直してください。ファイルが完全なら、最後の行の末尾で改行して"
            "ください");
  EXPECT_EQ(sdk_text(e[1], Lang::Ja),
            "2 行目: この行（レコード）が 16 バイトを超えています。引用符（\"）が閉じられていないようです。閉じる \" "
            "を書いてください");
  EXPECT_EQ(sdk_text(e[2], Lang::Ja),
            "2 行目: 引用符（\"）で始まる欄が閉じられないまま入力が終わっています。閉じる \" "
            "を書いてください。ファイルが途中で切れている場合は、もう一度取得するか書き出し直してください");
  EXPECT_EQ(sdk_text(e[3], Lang::Ja),
            "1 行目: 見出しに列「乗車人数」がありません（用途: 乗車人数を数えるため）。ファイルとその見出しを確かめて"
            "ください。見出しの列: \"日付\", \"人数\"");
  EXPECT_EQ(sdk_text(e[4], Lang::Ja),
            "見出しに列「乗車人数」がありません（用途: 乗車人数を数えるため）。ファイルとその見出しを確かめて"
            "ください。見出しに列がひとつもありません");
  EXPECT_EQ(sdk_text(e[5], Lang::Ja),
            "1 行目: 見出しに列「件数」がありません（設定「count_column」で指定された列です）。設定「count_column」"
            "を見出しにある列名に直してください。見出しの列: 日付, 人数");
  EXPECT_EQ(sdk_text(e[6], Lang::Ja),
            "1 行目: 路線の列が見つかりません（探した列名: 路線 / 路線名）。ファイルとその見出しを確かめてください。"
            "見出しの列: 日付, 人数");
  EXPECT_EQ(sdk_text(e[7], Lang::Ja),
            "1 行目: 路線の列が見つかりません（探した列名: 路線 / "
            "路線名）。見出しの列名を確かめるか、列名を設定「route_column」で指定してください。見出しの列: 日付, 人数");
  EXPECT_EQ(sdk_text(e[8], Lang::Ja),
            "1 行目: 路線の列が見つかりません。見出しの列名を確かめるか、列名を設定「route_column」で指定してください。"
            "見出しの列: 日付, 人数");
}

// split_thousands is a reason a plugin rejects a row with, not a CsvError: worded the same way.
TEST(SdkText, ANumberSplitAtItsThousandsCommaIsWordedWithItsParts) {
  StringByteReader in("年度,人数,備考\nR6,1,234,\n");
  CsvReader reader(in);
  ASSERT_TRUE(reader.next());
  const CsvHeader header(reader);
  ASSERT_TRUE(reader.next());
  const auto why = split_thousands(reader, header.size(), /*number_column=*/1);
  ASSERT_TRUE(why);
  expect_japanese(*why);
  EXPECT_EQ(sdk_text("人数.csv:2: " + *why, Lang::Ja),
            "人数.csv:2: この行には見出し（3 列）より多い 4 列があり、「1」と「234」は桁区切りのカンマで分かれた1つの"
            "数に見えます。桁区切りのカンマを含む数は引用符で囲むか（\"1,000\"）、カンマなしで書いてください");
  // A wider row without such a pair (a memo right of the table, empty fields) is no split number, and
  // neither is a pair inside the header's width.
  for (const char* text : {"年度,人数\nR6,1234,,\n", "年度,人数\nR6,1234,※速報値\n", "年度,人数,コード\nR6,12,345\n",
                           "年度,人数\nR6,1234,12,3456\n", "年度,国語,数学\nR6,120,110,\n"}) {
    StringByteReader other(text);
    CsvReader fits(other);
    ASSERT_TRUE(fits.next());
    const std::size_t width = fits.size();
    ASSERT_TRUE(fits.next());
    EXPECT_FALSE(split_thousands(fits, width)) << text;
  }
  // The value column named: a split there counts though the field pushed out is empty.
  StringByteReader blank_note("年度,人数,備考\nR6,1,234,\n");
  CsvReader named(blank_note);
  ASSERT_TRUE(named.next() && named.next());
  EXPECT_FALSE(split_thousands(named, 3, /*number_column=*/0));
  EXPECT_TRUE(split_thousands(named, 3, /*number_column=*/1));

  // A header ending in an unnamed column: a figure pushed under it counts, a memo there does not.
  StringByteReader trailing("年,観光入込客数,\n2024,14,870\n2024,15000,速報値\n2024,15000,\n");
  CsvReader unnamed(trailing);
  ASSERT_TRUE(unnamed.next());
  const std::size_t all = unnamed.size(), named_columns = named_width(unnamed);
  EXPECT_EQ(named_columns, 2u);
  ASSERT_TRUE(unnamed.next());
  const auto pushed = split_thousands(unnamed, all, std::nullopt, named_columns);
  ASSERT_TRUE(pushed);
  EXPECT_NE(pushed->find("this row has 3 fields where the header has 2"), std::string::npos) << *pushed;
  EXPECT_FALSE(split_thousands(unnamed, all)) << "without `named`, inside the header's width";
  for (int row = 0; row < 2; ++row) {
    ASSERT_TRUE(unnamed.next());
    EXPECT_FALSE(split_thousands(unnamed, all, std::nullopt, named_columns)) << row;
  }
}

TEST(SdkText, PluginErrorsAreWordedWithTheirNames) {
  const std::vector<std::string> e = every_plugin_error();
  EXPECT_EQ(sdk_text(e[0], Lang::Ja), "設定「file」が必要です。sources.yaml の取込元の settings に書いてください");
  EXPECT_EQ(sdk_text(e[1], Lang::Ja),
            "設定「file」（ファイルを取り込む）か「url」（URL から取得する）のどちらかを書いてください");
  EXPECT_EQ(sdk_text(e[2], Lang::Ja), "状態「last_modified」を保存できませんでした");
  EXPECT_EQ(
      sdk_text(e[3], Lang::Ja),
      "プラグインが、設定表にない設定「sheet」を読もうとしました。設定表に加えてください（プラグインの不具合です）");
  EXPECT_EQ(sdk_text(e[4], Lang::Ja), "プラグインの中で不明な例外が起きました（プラグインの不具合です）");
  EXPECT_EQ(sdk_text(e[5], Lang::Ja), "CSV の区切り文字に引用符（\"）や改行は使えません（プラグインの不具合です）");
  EXPECT_EQ(sdk_text(e[6], Lang::Ja), "with_help: 設定表にない設定です（プラグインの不具合です）");
  EXPECT_EQ(sdk_text(e[7], Lang::Ja), "sosei が実行を止めました");
}

// A plugin puts its file's name before the SDK's text, in one of two ways; the host's own prefix
// (「プラグイン「x」が失敗しました: 」, import_messages.cpp's plugin_failed) may stand before that.
TEST(SdkText, TheSdkTextIsFoundAfterWhatThePluginWroteBeforeIt) {
  const std::string missing = every_csv_error()[3];
  EXPECT_EQ(sdk_text("rides.csv: " + missing, Lang::Ja).rfind("rides.csv: 1 行目: 見出しに列「乗車人数」", 0), 0u);
  EXPECT_EQ(sdk_text("プラグイン「bus」が失敗しました: unknown exception in plugin", Lang::Ja),
            "プラグイン「bus」が失敗しました: プラグインの中で不明な例外が起きました（プラグインの不具合です）");
  EXPECT_EQ(sdk_text("プラグイン「bus」が失敗しました: " + missing, Lang::Ja)
                .rfind("プラグイン「bus」が失敗しました: 1 行目: 見出しに列「乗車人数」", 0),
            0u);
}

// The notation refusals (notation_text) come through the same entry point, after a CsvError's line.
TEST(SdkText, NotationRefusalsComeThroughTheSameEntryPoint) {
  std::string error;
  ASSERT_FALSE(parse_value("abc", &error));
  const std::string ja = sdk_text("rides.csv: line 4: " + error, Lang::Ja);
  EXPECT_EQ(ja.rfind("rides.csv: 4 行目: 「abc」は数値として読めません（", 0), 0u) << ja;
}

// A plugin's own Japanese passes as it is; only CsvError's line is worded when it throws one.
TEST(SdkText, WhatThePluginWroteItselfIsLeftAsItIs) {
  for (const char* message : {"", "見出しに月の列がありますが、12か月そろっていません", "the file ends mid-row",
                              "deadline 5: not met", "setting 'a' or 'b' is required", "line x: odd",
                              "bus line 12: stop S3 unknown", "setting 'kpi' is required when kpi_column is empty",
                              "the host's run stopped by the host's clock", "cannot save state 'x' now"})
    EXPECT_EQ(sdk_text(message, Lang::Ja), message);
  EXPECT_EQ(sdk_text("line 7: 見出しに月の列がありますが、12か月そろっていません", Lang::Ja),
            "7 行目: 見出しに月の列がありますが、12か月そろっていません");
}

// The SDK's sentence may be closed by what the plugin wrapped it in, or end with a full stop.
TEST(SdkText, TheSdkTextMayBeClosedByAParenthesisOrAFullStop) {
  EXPECT_EQ(sdk_text("rides.csv: setting 'file' is required.", Lang::Ja),
            "rides.csv: 設定「file」が必要です。sources.yaml の取込元の settings に書いてください.");
  EXPECT_EQ(sdk_text("取込を止めました（run stopped by the host）", Lang::Ja),
            "取込を止めました（sosei が実行を止めました）");
  EXPECT_EQ(sdk_text("(cannot save state 'etag')", Lang::Ja), "(状態「etag」を保存できませんでした)");
}

// Every form of message the tests above word, from the SDK's texts.
std::vector<std::string> every_message() {
  std::vector<std::string> texts = every_csv_error();
  for (std::string& e : every_plugin_error()) texts.push_back(std::move(e));
  for (const char* value : {"abc", "12\"5", "5ドル"}) {
    std::string error;
    EXPECT_FALSE(parse_value(value, &error));
    texts.push_back(error);
  }
  std::vector<std::string> out;
  for (const std::string& text : texts)
    for (const char* prefix :
         {"", "rides.csv: ", "rides.csv:12: ", "rides.csv: line 4: ", "プラグイン「bus」が失敗しました: "}) {
      out.push_back(prefix + text);
      out.push_back(prefix + text + "; b.csv: " + text);
    }
  for (const char* message : {"line 7: 見出しに月の列がありますが、12か月そろっていません",
                              "bus line 12: stop S3 unknown", "setting 'kpi' is required when kpi_column is empty"})
    out.emplace_back(message);
  return out;
}

// The host words a message in the worker and again in the parent: twice is once.
TEST(SdkText, WordingTwiceIsWordingOnce) {
  for (const std::string& message : every_message()) {
    SCOPED_TRACE(message);
    const std::string once = sdk_text(message, Lang::Ja);
    EXPECT_EQ(sdk_text(once, Lang::Ja), once);
  }
}

// A message may hold the same refusal twice (a plugin joins its files' errors): both are worded.
TEST(SdkText, EachOccurrenceOfASdkTextIsWorded) {
  const std::string unclosed = every_csv_error()[2].substr(std::string_view("line 2: ").size());
  EXPECT_EQ(sdk_text("a.csv: line 3: " + unclosed + "; b.csv: line 9: " + unclosed, Lang::Ja),
            "a.csv: 3 行目: 引用符（\"）で始まる欄が閉じられないまま入力が終わっています。閉じる \" "
            "を書いてください。ファイルが途中で切れている場合は、もう一度取得するか書き出し直してください; b.csv: 9 "
            "行目: 引用符（\"）で始まる欄が閉じられないまま入力が終わっています。閉じる \" "
            "を書いてください。ファイルが途中で切れている場合は、もう一度取得するか書き出し直してください");
  const std::string missing = every_csv_error()[6];
  EXPECT_EQ(
      sdk_text("a.csv: " + missing + "; b.csv: " + missing, Lang::Ja),
      "a.csv: 1 行目: 路線の列が見つかりません（探した列名: 路線 / 路線名）。ファイルとその見出しを確かめてください。"
      "見出しの列: 日付, 人数; b.csv: 1 行目: 路線の列が見つかりません（探した列名: 路線 / "
      "路線名）。ファイルとその見出しを確かめてください。見出しの列: 日付, 人数");
  for (const std::string& error : every_csv_error()) {
    const std::string ja = sdk_text("a.csv: " + error + "; b.csv: " + error, Lang::Ja);
    for (std::string_view word : kEnglish) EXPECT_EQ(ja.find(word), std::string::npos) << word << " in " << ja;
  }
}

// A header of a hundred thousand columns, or a row quoted whole, is worded in one pass over it.
TEST(SdkText, AHeaderOfAMegabyteIsWordedInOnePass) {
  std::string csv = "日付";
  for (int i = 0; i < 100000; ++i) csv += ",列" + std::to_string(i);
  const std::string english =
      csv_error_of(csv + "\n", [](const CsvReader& r) { CsvHeader(r).require("人数", "合計"); });
  ASSERT_GT(english.size(), 1000000u);
  const auto start = std::chrono::steady_clock::now();
  const std::string ja = sdk_text("rides.csv: " + english, Lang::Ja);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ(ja.rfind("rides.csv: 1 行目: 見出しに列「人数」がありません（用途: 合計）", 0), 0u);
  EXPECT_TRUE(ja.ends_with(", \"列99999\""));
}

}  // namespace
}  // namespace sosei::text
