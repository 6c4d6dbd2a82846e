// `sosei plugin new`: writes a ready-to-build plugin folder for a department — the plugin with a
// working example, its CMakeLists on the installed SDK package, a unit test on the fake host, a
// README to fill in, an example source configuration and a sample input.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "text/kit_messages.hpp"
#include "text/phrase.hpp"

namespace sosei::kit {

enum class PluginKind { Import, Fetch };  // reads a local file | downloads a URL

struct ScaffoldRequest {
  std::string name;        // [a-z][a-z0-9_]* (the plugin and target name)
  std::string department;  // e.g. 産業振興課
  PluginKind kind = PluginKind::Import;
  std::filesystem::path directory;  // created; must not exist or be empty
};

// Why nothing was written, in the reader's language (message()); what() is the English.
class ScaffoldError : public std::runtime_error {
 public:
  explicit ScaffoldError(text::Phrase phrase)
      : std::runtime_error(phrase(text::Locale{text::Lang::En, text::YearStyle::Western})),
        phrase_(std::move(phrase)) {}
  std::string message(text::Lang lang) const { return phrase_(text::Locale{lang, text::YearStyle::Era}); }

 private:
  text::Phrase phrase_;
};

// Writes the folder; returns the files written (relative to `directory`). Throws ScaffoldError.
std::vector<std::string> write_scaffold(const ScaffoldRequest& request);

// One file of the scaffold, with {{name}}, {{department}}, {{Name}}, {{kind}} and {{api}} filled in.
struct TemplateFile {
  const char* path;
  const char* text;
};
std::vector<TemplateFile> scaffold_templates(PluginKind kind);

}  // namespace sosei::kit
