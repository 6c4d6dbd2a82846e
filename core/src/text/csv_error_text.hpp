// The SDK's CSV refusals (sosei/csv.hpp's CsvError: "line 12: missing column \"人数\" …") as the
// city's staff read them. The SDK words them in English, once, for every plugin; a plugin passes them
// on (often after its file's name: "rides.csv: line 12: …"), and the host words them here.
#pragma once

#include <string>
#include <string_view>

#include "text/lang.hpp"

namespace sosei::text {

// `message` with CsvError's texts in Japanese wherever they stand in it, each occurrence: "line 12: "
// at the start or after ": " becomes 「12 行目: 」 ("line 0: ", an empty input's, is dropped), and each
// refusal its Japanese sentence, names, numbers and column lists kept as they are. English, or a
// message without such a text, is returned as it is; a Japanese result is returned as it is too.
std::string csv_error_text(std::string_view message, Lang lang);

}  // namespace sosei::text
