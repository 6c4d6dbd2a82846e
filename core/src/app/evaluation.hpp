// The evaluation use case: which date and grading scheme a request means, and the evaluation of the
// stored values as of that date. `sosei evaluate`, `sosei report`, the dashboard, the API and
// /metrics all evaluate through here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "app/environment.hpp"
#include "evaluate/engine.hpp"
#include "evaluate/scheme.hpp"

namespace sosei::app {

// "2026-01-31", "FY2025", "R7", "令和7年度"…; empty: today in the configured time zone. Throws
// InputError saying what is accepted.
Date as_of_date(const Environment& env, std::string_view text);
// The same for many cities at once (a hub): none when `text` is empty (each city's today), the date
// otherwise; unreadable: InputError, as above.
std::optional<Date> explicit_as_of(std::string_view text);

// The scheme NAME.yaml of the grading folder; empty: the configured default. Throws
// config::ConfigError for an unknown name (evaluate::UnknownScheme, listing the schemes that exist)
// and for a broken file, to be worded in the reader's language.
evaluate::GradingScheme grading_scheme(const Environment& env, std::string_view name);

// Every scheme of the grading folder by name, for a server that answers many requests; the
// configured default must be among them (config::ConfigError otherwise).
std::map<std::string, evaluate::GradingScheme> all_grading_schemes(const Environment& env);

// What the store holds for the strategy's KPIs: read once, evaluated as often as asked (a server
// reads under its connection's lock and evaluates outside it).
evaluate::ObservationsByKpi stored_observations(const Environment& env, store::Store& store);

// The strategy's KPIs graded on `observations`, as published by `as_of`.
evaluate::Evaluation evaluate_observations(const Environment& env, const evaluate::ObservationsByKpi& observations,
                                           const Date& as_of, const evaluate::GradingScheme& scheme);

// Both in one: what `sosei evaluate` and `sosei report` do.
evaluate::Evaluation evaluate_stored(const Environment& env, store::Store& store, const Date& as_of,
                                     const evaluate::GradingScheme& scheme);

}  // namespace sosei::app
