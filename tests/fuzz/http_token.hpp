// The department token of the HTTP fuzz target's world (http_request_fuzz.cpp), written into its seeds
// as it is (seed_corpus.cpp): the database holds its hash like any token's, and an input that names
// it reaches what lies behind authentication. The shape of a real token (sosei_ and 43 characters).
#pragma once

#include <string_view>

inline constexpr std::string_view kFuzzToken = "sosei_FuzzTokenOfTheServeWorldNotASecret012345678";
