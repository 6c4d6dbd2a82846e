// CLI11's refusals in Japanese (parse_refusal_ja.hpp). Each pattern is one sentence of CLI11's
// Error.hpp / Validators.hpp as Debian 12's version writes it; tests/cli/help_test.cpp makes CLI11
// produce each one, so a changed wording shows up as a failing test, not as English in a refusal.
#include "cli/parse_refusal_ja.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <regex>
#include <vector>

namespace sosei::cli {
namespace {

struct Form {
  std::regex pattern;
  // {0}, {1}, … are the pattern's groups in order.
  const char* japanese;
};

const std::vector<Form>& forms() {
  static const std::vector<Form> kForms = [] {
    std::vector<Form> f;
    auto add = [&f](const char* pattern, const char* japanese) { f.push_back({std::regex(pattern), japanese}); };
    add(R"(A subcommand is required)", "サブコマンドを指定してください");
    add(R"((\S+) is required)", "{0} を指定してください");
    add(R"(The following arguments? (?:was|were) not expected: (.+))", "次の引数は使えません: {0}");
    add(R"(Could not convert: (\S+) = (.*))", "{0} の値「{1}」を読み取れません");
    // The type may carry a validator's description with spaces ("INT in [0 - 65535]").
    add(R"((\S+): (\d+) required .+ missing)", "{0} に値がありません");
    // CLI11 counts values here, not occurrences (one option given twice, or with two values).
    add(R"((\S+): At Most (\d+) required but received (\d+))", "{0} の値は {1} 個までです（{2} 個あります）");
    add(R"((\S+): At least (\d+) required but received (\d+))", "{0} の値は {1} 個以上必要です（{2} 個あります）");
    add(R"((\S+): Value (.*) not in range (\S+) to (\S+))", "{0}: 「{1}」は {2} から {3} までの範囲にありません");
    add(R"((\S+): (.*) not in \{(.*)\})", "{0}: 「{1}」は使えません（使えるのは {2}）");
    add(R"((\S+): File does not exist: (.*))", "{0}: ファイル {1} がありません");
    add(R"((\S+): Directory does not exist: (.*))", "{0}: フォルダ {1} がありません");
    add(R"((\S+): Path does not exist: (.*))", "{0}: {1} がありません");
    add(R"((\S+): File is actually a directory: (.*))", "{0}: {1} はファイルではなくフォルダです");
    add(R"((\S+) excludes (\S+))", "{0} と {1} は一緒に使えません");
    add(R"((\S+) requires (\S+))", "{0} には {1} も必要です");
    return f;
  }();
  return kForms;
}

}  // namespace

std::string parse_refusal_ja(std::string_view what) {
  // CLI11's sentences are one line and short; anything longer is passed on without matching.
  if (what.size() > 1000) return std::string(what);
  std::string text(what);  // not const: returned by move
  std::smatch m;
  for (const auto& form : forms()) {
    if (!std::regex_match(text, m, form.pattern)) continue;
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (std::size_t i = 1; i < m.size(); ++i) args.push_back(m[i].str());
    return fmt::vformat(form.japanese, args);
  }
  return text;
}

}  // namespace sosei::cli
