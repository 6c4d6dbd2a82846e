// Wording the command tree's help (help_texts.hpp). The table itself is help_texts_ja.cpp.
#include "cli/help_texts.hpp"

namespace sosei::cli {
namespace {

constexpr const char* kOptionsGroup = "Options";          // CLI11's group of an option
constexpr const char* kSubcommandsGroup = "Subcommands";  // and of a command

// CLI11's own words in its help: the usage line, the positionals' heading, marks on options.
void label(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", "使い方");
  formatter->label("OPTIONS", "オプション");
  formatter->label("SUBCOMMAND", "コマンド");
  formatter->label("SUBCOMMANDS", "コマンド");
  formatter->label("Positionals", "引数");
  formatter->label("REQUIRED", "（必須）");
  formatter->label("Needs", "必要");
  formatter->label("Excludes", "併用不可");
  formatter->label("Env", "環境変数");
}

template <typename Each>
void walk(CLI::App& app, const std::string& path, const Each& each) {
  each(app, path);
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    walk(*sub, sub->get_name().empty() ? path : path + " " + sub->get_name(), each);
}

}  // namespace

void word_help(CLI::App& app, text::Lang lang) {
  if (lang != text::Lang::Ja) return;  // written in English where each command is added
  label(app);
  walk(app, app.get_name(), [](CLI::App& a, const std::string&) {
    if (const auto ja = japanese_help(a.get_description()); !ja.empty()) a.description(std::string(ja));
    if (a.get_group() == kSubcommandsGroup) a.group("コマンド");
    for (CLI::Option* o : a.get_options([](CLI::Option*) { return true; })) {
      if (const auto ja = japanese_help(o->get_description()); !ja.empty()) o->description(std::string(ja));
      if (o->get_group() == kOptionsGroup) o->group("オプション");
    }
  });
}

std::vector<std::string> help_without_japanese(CLI::App& app) {
  std::vector<std::string> out;
  auto check = [&](const std::string& path, const std::string& text) {
    if (!text.empty() && japanese_help(text).empty()) out.push_back(path + ": " + text);
  };
  walk(app, app.get_name(), [&](CLI::App& a, const std::string& path) {
    if (a.get_group().empty() && a.get_parent() != nullptr && !a.get_name().empty()) return;  // hidden (worker)
    check(path, a.get_description());
    for (CLI::Option* o : a.get_options([](CLI::Option*) { return true; }))
      check(path + " " + o->get_name(), o->get_description());
  });
  return out;
}

}  // namespace sosei::cli
