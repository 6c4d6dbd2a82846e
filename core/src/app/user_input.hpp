// A request a person typed that the application cannot read (an as-of date, a scheme name, a
// source id): the front-end shows the message as a usage error (CLI, exit 2) or a 400 (serve).
#pragma once

#include <stdexcept>
#include <string>

#include "common/period.hpp"
#include "config/model.hpp"
#include "text/phrase.hpp"

namespace sosei::app {

// Worded in the reader's language where it is shown (message); what() is the English wording.
class InputError : public std::runtime_error {
 public:
  explicit InputError(text::Phrase phrase)
      : std::runtime_error(phrase(text::Locale{text::Lang::En, text::YearStyle::Western})),
        phrase_(std::move(phrase)) {}
  // A text that reads the same in every language (a scheme's own refusal, already worded).
  explicit InputError(const std::string& text) : std::runtime_error(text), phrase_(text::verbatim(text)) {}

  std::string message(const text::Locale& locale) const { return phrase_(locale); }

 private:
  text::Phrase phrase_;
};

// The notation's reason for a refusal, in English only: the Japanese sentence says what to write
// instead (the SDK's reasons are English; docs/plugin-guide.md).
text::Phrase english_reason(std::string reason);

// A period a person typed for a KPI's value (`FY2025`, `R7`, `令和7年度`, `2024年`, `2025-04`; a bare
// year is the KPI's period type, `kpi` may be null for a plugin's series). Throws InputError when it
// cannot be read or lies outside the strategy's years, where no value is ever stored (the same rule
// the import and hand entry apply: import::in_strategy_range).
Period read_value_period(const config::Strategy& strategy, const config::Kpi* kpi, const std::string& text);

// A period a person typed where no KPI says what a bare year is (`sosei hub indicators --period`): the
// same notations, a bare or era year a fiscal year (R7 is 令和7年度), as the strategy's years are.
// None when it cannot be read.
std::optional<Period> read_period(const std::string& text);

}  // namespace sosei::app
