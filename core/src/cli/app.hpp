// The whole `sosei` command line: the global options and every subcommand, in the reader's language.
// main() parses with it; the tests walk it (every description has its Japanese).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "text/lang.hpp"

namespace sosei::cli {

// Adds the global options and every subcommand to `app`, then words their descriptions and CLI11's own
// labels in `lang` (cli/help_texts.hpp).
void add_everything(CLI::App& app, GlobalOptions& globals, CommandEnv env, text::Lang lang);

// The language of --help and of parse refusals, known before parsing: `--lang en` (or `--lang=en`)
// anywhere on the command line, else Japanese.
text::Lang help_lang(int argc, const char* const* argv);

}  // namespace sosei::cli
