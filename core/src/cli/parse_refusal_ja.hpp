// CLI11's own sentence about a command line it refused ("--department is required", "Could not
// convert: --limit = abc"), in Japanese. CLI11 names the option and the value, which the reader needs;
// its English wording is what a Japanese reader should not have to read.
#pragma once

#include <string>
#include <string_view>

namespace sosei::cli {

// The forms CLI11 2.3 (Debian 12) writes for the refusals sosei's options can meet; any other form is
// returned as it is, inside the Japanese label main() prints around it.
std::string parse_refusal_ja(std::string_view what);

}  // namespace sosei::cli
