// The rule check at the end of an import run, before it commits (issue 14 §2): every value the run
// wrote of a series with rules is judged against its own history; warnings are stored as flags,
// errors reject the value like a bad row (withdrawn under on_bad_row: skip, the run fails under
// fail). The flags of each key the run wrote are re-checked: raised again, cleared, or new.
#pragma once

#include <set>
#include <string>

#include "config/model.hpp"
#include "import/rule_stream.hpp"
#include "store/store.hpp"

namespace sosei::import {

struct QualityOutcome {
  int warnings = 0;
  int errors = 0;
  std::string stop_reason;  // set when an error fails the run (on_bad_row: fail)
};

// `series`: what the run wrote (KPI ids and "<source>/<series>"). A series `stream` judged as the run
// wrote it is not read again; any other is read through `store`, which sees the open run's writes.
QualityOutcome check_quality(const config::AppConfig& config, const std::set<std::string>& series, store::Store& store,
                             store::ImportTransaction& run, config::OnBadRow policy, RuleStream* stream = nullptr);

// The rejection reason of an error-level finding, in `lang` (the city's language).
std::string finding_reason(const std::string& series, const store::FlagRaise& f, text::Lang lang);

}  // namespace sosei::import
