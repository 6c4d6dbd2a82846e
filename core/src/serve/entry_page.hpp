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

// Shared by the forms' pages (/entry, /signoff): the stylesheet, a KPI <select> (grouped by
// department; only the KPIs entered by hand when `hand_only`), a labelled text input (`name`: the
// field's name when it is not `id`), and the token input.
const char* form_style();
std::string kpi_select(const config::Strategy& strategy, const std::string& selected, bool hand_only = true,
                       const char* id = "kpi", text::Lang lang = text::Lang::Ja);
std::string field(const char* id, const char* label, const char* hint, const std::string& value, bool required,
                  const char* name = nullptr);
std::string token_field(const char* id, const char* label);

}  // namespace sosei::serve
