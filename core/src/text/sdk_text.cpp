// The SDK's texts in Japanese (sdk_text.hpp): plugin.hpp's own here, notation and CSV refusals by
// their files. tests/text/sdk_text_test.cpp makes the SDK produce every one of them and checks that
// none is left in English.
#include "text/sdk_text.hpp"

#include <array>
#include <utility>

#include "text/csv_error_text.hpp"
#include "text/notation_text.hpp"

namespace sosei::text {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// Texts without a name in them, word for word. Those that are a plugin's bug say so: the department
// that wrote it fixes it, not the person who ran it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kFixed{{
    {"set either 'file' (import a file) or 'url' (fetch it)",
     "設定「file」（ファイルを取り込む）か「url」（URL から取得する）のどちらかを書いてください"},
    {"unknown exception in plugin", "プラグインの中で不明な例外が起きました（プラグインの不具合です）"},
    {"a CSV delimiter cannot be a quote or a line end",
     "CSV の区切り文字に引用符（\"）や改行は使えません（プラグインの不具合です）"},
    {"with_help: no such setting", "with_help: 設定表にない設定です（プラグインの不具合です）"},
    {"run stopped by the host", "sosei が実行を止めました"},
}};

// Texts naming a setting or a state key: the English around the name, and the Japanese around it
// (the longer text first: it holds the shorter one's "setting '").
struct Named {
  std::string_view before;
  std::string_view after;
  std::string_view japanese_before;
  std::string_view japanese_after;
};
constexpr std::array<Named, 3> kNamed{{
    {"the plugin reads setting '", "', which its settings table does not declare", "プラグインが、設定表にない設定「",
     "」を読もうとしました。設定表に加えてください（プラグインの不具合です）"},
    {"setting '", "' is required", "設定「", "」が必要です。sources.yaml の取込元の settings に書いてください"},
    {"cannot save state '", "'", "状態「", "」を保存できませんでした"},
}};

// Whether the SDK's text that ends at `end` ends the message: these texts are whole sentences the
// SDK throws, so a plugin may put them last or wrap them ("（…）", "(…)", "….") but what goes on
// after them is the plugin's own sentence ("setting 'kpi' is required when kpi_column is empty"),
// which half in Japanese would read worse than all in English.
bool ends_the_message(std::string_view message, std::size_t end) {
  constexpr std::string_view kClose = "）";
  for (std::string_view rest = message.substr(end); !rest.empty();) {
    if (rest.starts_with(kClose))
      rest.remove_prefix(kClose.size());
    else if (rest.front() == ')' || rest.front() == '.')
      rest.remove_prefix(1);
    else
      return false;
  }
  return true;
}

// Each table looks through the whole message, on after each Japanese text it wrote: an occurrence
// that does not end the message is passed by, and one further on may.
void replace_fixed(std::string& message) {
  for (const auto& [english, japanese] : kFixed)
    for (std::size_t at = message.find(english); at != kNone;) {
      if (ends_the_message(message, at + english.size())) {
        message.replace(at, english.size(), japanese);
        at = message.find(english, at + japanese.size());
      } else {
        at = message.find(english, at + 1);
      }
    }
}

void replace_named(std::string& message) {
  for (const Named& n : kNamed)
    for (std::size_t at = message.find(n.before); at != kNone;) {
      const std::size_t name = at + n.before.size();
      const std::size_t name_end = message.find(n.after, name);
      if (name_end == kNone) break;  // nor after a later occurrence
      // A name has no quote in it: a quote before the end belongs to something else.
      if (message.find('\'', name) < name_end || !ends_the_message(message, name_end + n.after.size())) {
        at = message.find(n.before, at + 1);
        continue;
      }
      const std::string japanese =
          std::string(n.japanese_before) + message.substr(name, name_end - name) + std::string(n.japanese_after);
      message.replace(at, name_end + n.after.size() - at, japanese);
      at = message.find(n.before, at + japanese.size());
    }
}

}  // namespace

std::string sdk_text(std::string_view message, Lang lang) {
  if (lang == Lang::En) return std::string(message);
  std::string out = csv_error_text(notation_text(message, lang), lang);
  replace_named(out);
  replace_fixed(out);
  return out;
}

}  // namespace sosei::text
