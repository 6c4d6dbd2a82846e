// The /signoff page (signoff_page.cpp): the sign-off buttons and the commentary form of docs/signoff.md.
#pragma once

#include <optional>
#include <string>

#include "config/model.hpp"
#include "serve/entry_page.hpp"

namespace sosei::serve {

// `outcome`: what the last post did, shown above the forms. Every text from data is escaped.
// In the reader's language (the city's, or ?lang=en).
std::string signoff_page(const config::Strategy& strategy, const std::optional<EntryOutcomeView>& outcome,
                         text::Lang lang);

}  // namespace sosei::serve
