// The /entry page: a plain HTML form (no script) where a department picks one of the KPIs entered
// by hand, types the period, the value as the city writes it and a note, and gives its token.
#pragma once

#include <optional>
#include <string>

#include "config/model.hpp"
#include "serve/hand_entry.hpp"

namespace sosei::serve {

// What the last submission did, shown above the form.
struct EntryOutcomeView {
  bool ok = false;
  std::string message;   // "登録しました …" or the error
  EntryRequest entered;  // refilled into the form (never the token)
};

// Every text from configuration or input is escaped.
// The page's words are in `lang`.
std::string entry_page(const config::Strategy& strategy, const std::optional<EntryOutcomeView>& outcome,
                       text::Lang lang);

// The sentence the page shows after a successful entry.
std::string describe_entry(const EntryResult& result, const text::Locale& reader);

}  // namespace sosei::serve
