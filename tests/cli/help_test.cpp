// `sosei --help` in the reader's language: every command's and option's description has its Japanese,
// CLI11's own words are Japanese too, English with --lang en, and a refusal of the command line says
// what is wrong in Japanese and where to read more.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/help_texts.hpp"
#include "cli/parse_refusal_ja.hpp"

namespace sosei::cli {
namespace {

struct Tree {
  explicit Tree(text::Lang lang) { add_everything(app, globals, CommandEnv{session, exit_code}, lang); }
  CLI::App app{"sosei — regional-revitalization KPIs from data to council report", "sosei"};
  GlobalOptions globals;
  Session session{globals};
  int exit_code = 0;
};

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST(Help, EveryDescriptionHasItsJapanese) {
  Tree tree(text::Lang::En);
  const auto missing = help_without_japanese(tree.app);
  EXPECT_TRUE(missing.empty()) << missing.size() << " without Japanese:\n" << joined(missing);
}

TEST(Help, IsJapaneseByDefaultWithCli11sOwnWordsToo) {
  Tree tree(text::Lang::Ja);
  const std::string top = tree.app.help();
  EXPECT_NE(top.find("使い方: sosei [オプション] コマンド"), std::string::npos) << top;
  EXPECT_NE(top.find("このヘルプを表示して終了します"), std::string::npos) << top;
  EXPECT_NE(top.find("コマンド:"), std::string::npos) << top;
  EXPECT_EQ(top.find("Print this help"), std::string::npos) << top;
  EXPECT_EQ(top.find("Subcommands:"), std::string::npos) << top;
  const std::string import = tree.app.get_subcommand("import")->help();
  EXPECT_NE(import.find("オプション:"), std::string::npos) << import;
  EXPECT_NE(import.find("引数:"), std::string::npos) << import;
  EXPECT_NE(import.find(std::string(japanese_help("import every configured source, in order"))), std::string::npos)
      << import;
  EXPECT_NE(import.find("--dry-run"), std::string::npos) << import;  // what a person types stays as it is
}

TEST(Help, IsEnglishWithLangEn) {
  Tree tree(text::Lang::En);
  const std::string import = tree.app.get_subcommand("import")->help();
  EXPECT_NE(import.find("Usage: import [OPTIONS] [source]"), std::string::npos) << import;
  EXPECT_NE(import.find("import every configured source, in order"), std::string::npos) << import;
  EXPECT_EQ(import.find("オプション"), std::string::npos) << import;
}

TEST(Help, TheLanguageIsKnownBeforeParsing) {
  auto lang = [](std::vector<const char*> argv) { return help_lang(static_cast<int>(argv.size()), argv.data()); };
  EXPECT_EQ(lang({"sosei", "import", "--help"}), text::Lang::Ja);
  EXPECT_EQ(lang({"sosei", "import", "--lang", "en", "--help"}), text::Lang::En);
  EXPECT_EQ(lang({"sosei", "report", "--help", "--lang=en"}), text::Lang::En);
  EXPECT_EQ(lang({"sosei", "import", "--lang", "ja", "--help"}), text::Lang::Ja);
  EXPECT_EQ(lang({"sosei", "import", "--lang"}), text::Lang::Ja);  // no value: the default
}

// What main() prints for a command line it cannot read (app.exit), in the reader's language.
std::string refusal(text::Lang lang, std::vector<const char*> argv) {
  Tree tree(lang);
  try {
    tree.app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    tree.app.exit(e, out, err);
    return err.str();
  }
  return "(parsed)";
}

TEST(Help, ARefusalSaysWhatIsWrongAndWhereToReadMore) {
  const std::string unknown = refusal(text::Lang::Ja, {"sosei", "runs", "--limit", "x"});
  EXPECT_NE(unknown.find("sosei: --limit の値「x」を読み取れません。"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("使い方は sosei runs --help"), std::string::npos) << unknown;
  const std::string extra = refusal(text::Lang::Ja, {"sosei", "history", "a", "b", "c", "d"});
  EXPECT_NE(extra.find("次の引数は使えません: d"), std::string::npos) << extra;
  const std::string english = refusal(text::Lang::En, {"sosei", "runs", "--limit", "x"});
  EXPECT_EQ(english.find("値を"), std::string::npos) << english;
  EXPECT_NE(english.find("--help"), std::string::npos) << english;
}

// Every form of CLI11's refusals sosei's options meet, produced by CLI11 itself and read in Japanese:
// a CLI11 that words one differently fails here instead of showing English.
TEST(Help, CLI11sRefusalsReadInJapanese) {
  const std::vector<std::pair<std::vector<const char*>, std::string>> cases = {
      {{"sosei", "token"}, "サブコマンドを指定してください"},
      {{"sosei", "plugin", "new", "x"}, "--department を指定してください"},
      {{"sosei", "values"}, "kpi を指定してください"},
      {{"sosei", "import", "--bogus"}, "次の引数は使えません: --bogus"},
      {{"sosei", "runs", "--limit", "abc"}, "--limit の値「abc」を読み取れません"},
      {{"sosei", "report", "--as-of"}, "--as-of に値がありません"},
      {{"sosei", "evaluate", "--scheme", "a", "--scheme", "b"}, "--scheme の値は 1 個までです（2 個あります）"},
      {{"sosei", "serve", "--port"}, "--port に値がありません"},
      {{"sosei", "serve", "--port", "99999999"}, "--port: 「99999999」は 0 から 65535 までの範囲にありません"},
      {{"sosei", "status", "--lang", "fr"}, "--lang: 「fr」は使えません（使えるのは ja,en）"},
      {{"sosei", "plugin", "check", "/nosuchdir/x.so"}, "path: ファイル /nosuchdir/x.so がありません"},
  };
  for (const auto& [argv, japanese] : cases) {
    const std::string said = refusal(text::Lang::Ja, argv);
    EXPECT_NE(said.find("sosei: " + japanese + "。使い方は"), std::string::npos) << said;
    for (const char* english : {"not ", "required", "expected", "convert", "exist", "Value", "range", "Most"})
      EXPECT_EQ(said.find(english), std::string::npos) << "CLI11's English left: " << said;
  }
  // A form not known keeps CLI11's sentence, inside the Japanese kind of refusal.
  EXPECT_EQ(parse_refusal_ja("Something new: x"), "Something new: x");
  EXPECT_EQ(parse_refusal_ja("--a excludes --b"), "--a と --b は一緒に使えません");
  EXPECT_EQ(parse_refusal_ja("--a requires --b"), "--a には --b も必要です");
  EXPECT_EQ(parse_refusal_ja("--dir: Directory does not exist: /x"), "--dir: フォルダ /x がありません");
}

}  // namespace
}  // namespace sosei::cli
