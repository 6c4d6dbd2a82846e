// A request a person typed that the application cannot read (an as-of date, a scheme name, a
// source id): the front-end shows the message as a usage error (CLI, exit 2) or a 400 (serve).
#pragma once

#include <stdexcept>
#include <string>

#include "common/period.hpp"
#include "config/model.hpp"

namespace sosei::app {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A period a person typed for a KPI's value (`FY2025`, `R7`, `令和7年度`, `2024年`, `2025-04`; a bare
// year is the KPI's period type, `kpi` may be null for a plugin's series). Throws InputError when it
// cannot be read or lies outside the strategy's years, where no value is ever stored (the same rule
// the import and hand entry apply: import::in_strategy_range).
Period read_value_period(const config::Strategy& strategy, const config::Kpi* kpi, const std::string& text);

}  // namespace sosei::app
