// Configuration files that are not what they seem are refused with the place and a reason, never
// read forever or half-read: a named pipe, a device, a huge file, UTF-16 or Shift_JIS text, two YAML
// documents, tags, runaway nesting, alias bombs and numbers no KPI can mean (issue 18 §3).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <functional>

#include "config/load.hpp"
#include "temp_files.hpp"

namespace sosei::config {
namespace {

using ::testing::HasSubstr;
using testing::position_of;
using ::testing::StartsWith;
using testing::TempFiles;
using text::Lang;

const std::string kStrategy = R"(strategy:
  name: 総合戦略
  city: 嘉麻市
  period: {from: FY2025, to: FY2029}
goals:
  - no: 1
    name: 働く
    measures:
      - name: 雇用の創出
        projects:
          - name: 創業支援事業
            kpis:
              - id: startups
                name: 創業者数
                unit: 件
                department: 産業振興課
                baseline: {value: 5件, year: R5}
                target: {value: 5年間に40件, kind: cumulative}
)";

ConfigError error_of(const std::function<void()>& load) {
  try {
    load();
  } catch (const ConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "no ConfigError";
  return ConfigError({}, text::verbatim(""));
}

// The strategy `text` must be refused at `needle` (line and column) with `ja` and `en` in the message.
void expect_refused_at(const std::string& text, const std::string& needle, const std::string& ja,
                       const std::string& en) {
  TempFiles files;
  const std::string path = files.write("strategy.yaml", text);
  const ConfigError e = error_of([&] { load_strategy(path); });
  const auto [line, column] = position_of(text, needle);
  ASSERT_GT(line, 0) << needle;
  const std::string place = path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  EXPECT_THAT(e.message(Lang::Ja), StartsWith(place));
  EXPECT_THAT(e.message(Lang::Ja), HasSubstr(ja));
  EXPECT_THAT(e.message(Lang::En), StartsWith(place));
  EXPECT_THAT(e.message(Lang::En), HasSubstr(en));
}

// A file refused as a whole: no line, the message names the file.
void expect_file_refused(const std::string& path, const std::string& ja, const std::string& en) {
  const ConfigError e = error_of([&] { load_strategy(path); });
  EXPECT_EQ(e.where().line, 0) << e.what();
  EXPECT_THAT(e.message(Lang::Ja), StartsWith(path + " "));
  EXPECT_THAT(e.message(Lang::Ja), HasSubstr(ja));
  EXPECT_THAT(e.message(Lang::En), HasSubstr(en));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(RefusedFiles, ANamedPipeIsRefusedInsteadOfWaitingForAWriter) {
  TempFiles files;
  const std::string fifo = files.path("strategy.yaml");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_file_refused(fifo, "通常のファイルではありません", "is not a regular file");
}

TEST(RefusedFiles, ADeviceOrAFolderIsRefused) {
  expect_file_refused("/dev/zero", "通常のファイルではありません", "is not a regular file");
  TempFiles files;
  files.write("folder/x", "");
  expect_file_refused(files.path("folder"), "通常のファイルではありません", "is not a regular file");
}

TEST(RefusedFiles, AFileOverTheSizeCapIsRefusedUnread) {
  TempFiles files;
  const std::string path = files.write("strategy.yaml", kStrategy);
  std::filesystem::resize_file(path, (std::size_t{8} << 20) + 1);  // sparse: no 8 MiB written
  expect_file_refused(path, "大きすぎます。設定ファイルは 8 MiB まで", "at most 8 MiB");
}

TEST(RefusedFiles, ThatCapIsNamedWhereSoseiYamlNamesTheFile) {
  TempFiles files;
  ASSERT_EQ(::mkfifo(files.path("strategy.yaml").c_str(), 0600), 0);
  const std::string config = "database: sosei.db\nstrategy: strategy.yaml\ngrading: {default: kama}\n";
  const std::string path = files.write("sosei.yaml", config);
  const ConfigError e = error_of([&] { load_config(path); });
  const auto [line, column] = position_of(config, "strategy.yaml");
  EXPECT_EQ(e.where().line, line);
  EXPECT_EQ(e.where().column, column);
  EXPECT_THAT(e.what(), HasSubstr("通常のファイルではありません"));
}

TEST(RefusedFiles, Utf16IsRefusedAtTheStart) {
  expect_refused_at(
      "\xFF\xFE"
      "s\0t\0",
      "\xFF\xFE", "UTF-16 で保存されています", "saved as UTF-16");
  expect_refused_at(
      "\xFE\xFF"
      "\0s\0t",
      "\xFE\xFF", "UTF-16 で保存されています", "saved as UTF-16");
}

TEST(RefusedFiles, NulBytesAreRefusedWhereTheyAre) {
  // UTF-16LE without a BOM: every other byte is NUL.
  expect_refused_at(std::string("s\0t\0r\0", 6), std::string("\0", 1), "NUL 文字（0x00）", "a NUL byte (0x00)");
  expect_refused_at(kStrategy + std::string("# \0", 3), std::string("\0", 1), "NUL 文字", "NUL byte");
}

TEST(RefusedFiles, ShiftJisIsRefusedAtTheFirstByteThatIsNotUtf8) {
  // 「総合」 in Shift_JIS: 0x91 0x8D 0x8D 0x87.
  const std::string text = replaced(kStrategy, "name: 総合戦略", "name: \x91\x8D\x8D\x87戦略");
  expect_refused_at(text, "\x91", "UTF-8 として読めないバイト（0x91）", "not UTF-8 (0x91)");
  expect_refused_at(replaced(kStrategy, "嘉麻市", "嘉\xED\xA0\x80市"), "\xED", "0xED", "0xED");  // a surrogate
  expect_refused_at(replaced(kStrategy, "嘉麻市", "\xC0\xAF"), "\xC0", "0xC0", "0xC0");          // an overlong "/"
}

TEST(RefusedFiles, AUtf8BomIsFine) {
  EXPECT_NO_THROW(load_strategy(TempFiles().write("s.yaml", "\xEF\xBB\xBF" + kStrategy)));
}

TEST(RefusedFiles, ASecondDocumentIsRefusedWhereItStarts) {
  const std::string two = kStrategy + "---\n" + kStrategy;
  expect_refused_at(two, "---", "2 つ目の YAML 文書", "a second YAML document starts here");
  // A first document opened with --- is one document.
  EXPECT_NO_THROW(load_strategy(TempFiles().write("s.yaml", "---\n" + kStrategy)));
}

TEST(RefusedFiles, TagsAreRefusedWhereTheyAre) {
  expect_refused_at(replaced(kStrategy, "city: 嘉麻市", "city: !!binary R0lGODlh"), "!!binary",
                    "タグ「!!binary」は使えません", "the tag '!!binary' is not allowed");
  expect_refused_at(replaced(kStrategy, "period: {", "period: !range {"), "!range", "タグ「!range」",
                    "the tag '!range'");
  expect_refused_at(replaced(kStrategy, "goals:\n", "goals: !!seq\n"), "!!seq", "タグ「!!seq」", "'!!seq'");
}

TEST(RefusedFiles, NestingDeeperThanTheModelIsNamedAtItsLine) {
  // The root map and strategy's map are two levels, so the 22nd bracket opens the 24th: still allowed;
  // the 23rd is refused where it is.
  const std::string deep = replaced(kStrategy, "city: 嘉麻市", "city: " + std::string(24, '[') + std::string(24, ']'));
  TempFiles files;
  const ConfigError e = error_of([&] { load_strategy(files.write("strategy.yaml", deep)); });
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(e.where().column, 9 + 22);  // "  city: " then 22 brackets
  EXPECT_THAT(e.message(Lang::Ja), HasSubstr("入れ子が深すぎます（設定ファイルの入れ子は 24 段まで）"));
  EXPECT_THAT(e.message(Lang::En), HasSubstr("too deeply nested"));
  // Far past yaml-cpp's own recursion guard, the same sentence, not a crash or "bad file".
  const std::string runaway = "a: " + std::string(100000, '[');
  const ConfigError r = error_of([&] { load_strategy(files.write("runaway.yaml", runaway)); });
  EXPECT_EQ(r.where().line, 1);
  EXPECT_THAT(r.message(Lang::En), HasSubstr("too deeply nested"));
}

TEST(RefusedFiles, AnAliasBombIsRefusedBeforeAnythingExpandsIt) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  TempFiles files;
  const ConfigError e = error_of([&] { load_strategy(files.write("strategy.yaml", bomb)); });
  EXPECT_GT(e.where().line, 1);
  EXPECT_THAT(e.message(Lang::Ja), HasSubstr("別名（*）を展開すると値が 100000 個を超えます"));
  EXPECT_THAT(e.message(Lang::En), HasSubstr("stand for more than 100000 values"));
}

TEST(RefusedFiles, AnAliasInsideItsOwnAnchorIsRefused) {
  expect_refused_at("strategy: &loop [1, *loop]\n", "*loop", "別名「*loop」が、それが指す「&loop」の中",
                    "the alias '*loop' is used inside the '&loop' it names");
  expect_refused_at("strategy: &m {name: *m}\n", "*m", "別名「*m」", "'*m'");
}

TEST(RefusedFiles, AFewAliasesAreStillFine) {
  const std::string text =
      replaced(kStrategy, "department: 産業振興課", "department: &dept 産業振興課\n                note: *dept");
  TempFiles files;
  const Strategy s = load_strategy(files.write("s.yaml", text));
  ASSERT_EQ(s.kpis.size(), 1u);
  EXPECT_EQ(s.kpis[0].note, "産業振興課");
}

TEST(RefusedFiles, NumbersNoKpiCanMeanAreRefused) {
  expect_refused_at(replaced(kStrategy, "{value: 5件, year: R5}", "{value: 1e308, year: R5}"), "1e308",
                    "数値 1e+308 は KPI の値として大きすぎます。絶対値が 1e+15 以下", "too large for a KPI");
  expect_refused_at(replaced(kStrategy, "{value: 5年間に40件, kind: cumulative}",
                             "{value: 5年間に40件, number: -2e16, kind: cumulative}"),
                    "-2e16", "大きすぎます", "magnitude is at most 1e+15");
  expect_refused_at(replaced(kStrategy, "{value: 5件, year: R5}", "{value: 1e999, year: R5}"), "1e999", "大きすぎます",
                    "too large");
  expect_refused_at(replaced(kStrategy, "{value: 5件, year: R5}", "{value: -inf, year: R5}"), "-inf", "大きすぎます",
                    "too large");
  expect_refused_at(replaced(kStrategy, "unit: 件", "unit: 件\n                max: 1e300"), "1e300", "大きすぎます",
                    "too large");
  // 1e15 itself is a number a KPI may hold, and a YAML number in e-notation is read whole.
  TempFiles files;
  const Strategy s =
      load_strategy(files.write("s.yaml", replaced(kStrategy, "{value: 5件, year: R5}", "{value: 1e15, year: R5}")));
  EXPECT_EQ(s.kpis[0].baseline.number, 1e15);
}

}  // namespace
}  // namespace sosei::config
