// A bound on the nesting of JSON request bodies, checked on the text before any parser builds a tree:
// every body the server reads is a flat object, and a deep one only costs whoever walks it later.
#pragma once

#include <string_view>

#include "text/lang.hpp"

namespace sosei::serve {

inline constexpr int kMaxJsonDepth = 16;

// Throws HttpError(400), worded in `lang`, when arrays and objects in `body` nest deeper than
// kMaxJsonDepth. Brackets inside strings do not count; whether the rest is JSON is the parser's job.
void check_json_depth(std::string_view body, text::Lang lang);

}  // namespace sosei::serve
