// What `sosei --help` says, in Japanese: every description of a command and an option is written in
// English where it is added (one place per command) and given its Japanese here, keyed by that English
// text. The help is worded by walking the finished command tree, so no command needs to know the
// language at the time it is built; a description without its Japanese is found by the tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "text/lang.hpp"

namespace sosei::cli {

// The Japanese of an English description; empty when there is none.
std::string_view japanese_help(std::string_view english);

// Words every description under `app` (commands, options, groups) and CLI11's labels in `lang`:
// Japanese from the table, English as written.
void word_help(CLI::App& app, text::Lang lang);

// The descriptions under `app` that have no Japanese (for the tests): "command: text".
std::vector<std::string> help_without_japanese(CLI::App& app);

}  // namespace sosei::cli
