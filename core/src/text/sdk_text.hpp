// What the plugin SDK says in English (sosei/notation.hpp, csv.hpp, plugin.hpp) as the city's staff
// read it. The SDK is a stable public header that words its refusals once, in English, for every
// plugin; a plugin passes them on as a rejected row's reason or as its run's error, and the host
// words them here, in the reader's language, wherever they reach a person.
#pragma once

#include <string>
#include <string_view>

#include "text/lang.hpp"

namespace sosei::text {

// `message` with every SDK text in it in Japanese, wherever it stands (after the plugin's own
// "rides.csv: " or the host's prefix): notation refusals (notation_text), CsvError's (csv_error_text)
// and the PluginError and exception texts of plugin.hpp (those only where they end the message, or
// are closed by "）", ")" or "." only: words after them are the plugin's own sentence). What the SDK
// did not write (a plugin's own Japanese, an unknown text) and everything under Lang::En is returned
// as it is. Every occurrence is worded, and wording a message again changes nothing (a worker words
// it, then the parent).
std::string sdk_text(std::string_view message, Lang lang);

}  // namespace sosei::text
