// Hand entry: one value of one KPI typed by a department (the /entry form or POST /api/entries),
// stored as an import run of source "hand:<department>" with plugin "hand-entry". The value and
// period are read as the city writes them (5件, R7) and validated like any import.
#pragma once

#include <string>
#include <string_view>

#include "config/model.hpp"
#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::serve {

inline constexpr std::string_view kHandEntryPlugin = "hand-entry";
inline constexpr std::string_view kHandSourcePrefix = "hand:";

struct EntryRequest {
  std::string kpi;
  std::string period;  // R7, 令和7年度, FY2025, 2025 …
  std::string value;   // 5件, 1,234, 未実施 …
  std::string note;
};

struct EntryResult {
  store::RunRecord run;
  std::string kpi;
  Period period;
  Value value;
  bool inserted = false;  // the first value of this KPI and period
  bool revised = false;   // replaced a different value (one revision)
};

// {"kpi": "...", "period": "...", "value": "...", "note": "..."}: kpi, period and value are required
// strings, note an optional string; nothing else. Throws HttpError(400) saying what is wrong.
EntryRequest parse_entry_json(std::string_view body, text::Lang lang);

// The token's department enters `request`. Throws HttpError: 404 unknown KPI; 403 a KPI of another
// department or not entered by hand; 400 a value, unit or period that does not fit the KPI; 409 the
// value of that period comes from an import source, or the period is approved and locked (the run
// records the refused entry; the message is in `locale`'s language). `store` is the server's writes
// connection.
EntryResult enter_by_hand(const config::Strategy& strategy, store::Store& store, const store::ApiToken& token,
                          const EntryRequest& request, const text::Locale& locale);

}  // namespace sosei::serve
