// Text that is not what it claims (issue 17 §5): a CP932 file once opened as UTF-8 and saved again is
// valid UTF-8 made mostly of U+FFFD, the replacement character; bytes that are not Japanese text at all
// decode as CP932 mostly into its user-defined area (U+E000–U+F8FF). Both would otherwise reach the
// plugin as a file whose header is "missing"; they are refused for what they are.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sosei::input {

// Looks at UTF-8 text (the first 64 KiB of a file, as decoded): when at least half of its non-ASCII
// characters, and at least 4, are U+FFFD or private-use characters, says so ("120 of 130 non-ASCII
// characters are U+FFFD"); nothing otherwise.
std::optional<std::string> mis_encoding(std::string_view utf8);

}  // namespace sosei::input
