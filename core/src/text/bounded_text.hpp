// Texts from outside (a plugin's error, a rejected row's reason, an exception quoting a whole input
// line) bounded before they are logged, stored with a run or sent: a 10 MiB line quoted in an error
// must not become a 10 MiB run record, API answer and webhook (docs/operations.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/lang.hpp"

namespace sosei::text {

// An ordinary message, even with a list of columns and a hint, stays under this and is kept whole.
inline constexpr std::size_t kKeptTextBytes = 1024;
// How much of a longer text is shown, in characters (at most 4 bytes each, so the result stays < 1 KiB).
inline constexpr std::size_t kExcerptChars = 200;

// `text` when it is at most kKeptTextBytes long; else its first kExcerptChars characters, cut on a
// UTF-8 character boundary, and its length: "…（全 10485760 バイト）" / "… (10485760 bytes in all)".
std::string bounded_text(std::string_view text, Lang lang);

// The length in bytes of the first `chars` characters of `text` (UTF-8; a stray continuation byte
// counts with the character before it, so a cut never splits a sequence).
std::size_t utf8_prefix_bytes(std::string_view text, std::size_t chars);

}  // namespace sosei::text
