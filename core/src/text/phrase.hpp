// A text decided now and worded later: the evaluation knows *what* to say (the sum of which
// periods, why there is no pace) when it grades; the CLI, report or dashboard says it in the reader's
// language and notation. A Phrase captures its arguments by value, so it outlives the evaluation step.
#pragma once

#include <fmt/format.h>

#include <functional>
#include <string>
#include <utility>

#include "text/catalogue.hpp"
#include "text/lang.hpp"

namespace sosei::text {

using Phrase = std::function<std::string(const Locale&)>;

// The Catalogue's texts in a language; other catalogues of the same kind (config_messages.hpp)
// declare their own texts_of beside them, found by argument-dependent lookup.
inline const Catalogue& texts_of(Lang lang, const Catalogue*) { return catalogue(lang); }

// A catalogue text with arguments; each argument is a value or a Phrase worded in the same locale.
template <class Texts, class... Args>
Phrase phrase(const char* Texts::*text, Args... args) {
  return [text, args...](const Locale& locale) {
    [[maybe_unused]] auto word = [&locale](const auto& a) -> decltype(auto) {
      if constexpr (std::is_invocable_r_v<std::string, decltype(a), const Locale&>)
        return a(locale);
      else
        return a;
    };
    return fmt::format(fmt::runtime(texts_of(locale.lang, static_cast<const Texts*>(nullptr)).*text), word(args)...);
  };
}

// A catalogue text with its arguments, worded now (for a line printed at once).
template <class... Args>
std::string say(Lang lang, const char* Catalogue::*text, const Args&... args) {
  return fmt::format(fmt::runtime(catalogue(lang).*text), args...);
}

// A text that reads the same in every language (a number, a name as the strategy wrote it).
inline Phrase verbatim(std::string s) {
  return [s = std::move(s)](const Locale&) { return s; };
}

// Phrases joined with a separator in the reader's locale.
Phrase joined(std::vector<Phrase> parts, std::string ja_separator, std::string en_separator);

}  // namespace sosei::text
