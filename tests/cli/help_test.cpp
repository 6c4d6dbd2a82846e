// `sosei --help` in the reader's language: every command's and option's description has its Japanese,
// CLI11's own words are Japanese too, English with --lang en, and a refusal of the command line says
// what is wrong in Japanese and where to read more.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/help_texts.hpp"

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
  EXPECT_NE(unknown.find("値を読み取れません"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("使い方は sosei runs --help"), std::string::npos) << unknown;
  const std::string extra = refusal(text::Lang::Ja, {"sosei", "history", "a", "b", "c", "d"});
  EXPECT_NE(extra.find("使えない引数があります"), std::string::npos) << extra;
  EXPECT_NE(extra.find("d"), std::string::npos) << extra;  // CLI11's own sentence names it
  const std::string english = refusal(text::Lang::En, {"sosei", "runs", "--limit", "x"});
  EXPECT_EQ(english.find("値を"), std::string::npos) << english;
  EXPECT_NE(english.find("--help"), std::string::npos) << english;
}

}  // namespace
}  // namespace sosei::cli
