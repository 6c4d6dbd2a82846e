// The query parameters every view understands (?as_of=, ?scheme=, and for the dashboard ?lang=,
// ?years=, ?approved_only=), checked: a bad one is a 400 saying what is accepted.
#pragma once

#include <map>
#include <string>

#include "app/environment.hpp"
#include "evaluate/scheme.hpp"
#include "report/report_model.hpp"

namespace sosei::serve {

using Params = std::multimap<std::string, std::string>;          // as cpp-httplib parses a query string
using Schemes = std::map<std::string, evaluate::GradingScheme>;  // by name, loaded at start

struct ViewQuery {
  Date as_of;
  const evaluate::GradingScheme* scheme = nullptr;  // one of the loaded schemes
  report::ReportOptions report;
  bool approved_only = false;  // ?approved_only=1: the dashboard as the final report (未確定 unapproved)
};

// Today (the environment's) when as_of is absent; the configured scheme when scheme is absent.
// Throws HttpError(400).
ViewQuery read_view_query(const Params& params, const Schemes& schemes, const app::Environment& env);

// The one value of a parameter; empty when absent. Throws HttpError(400) when given twice, so that
// ?as_of=R7&as_of=R8 is not silently read as one of them.
std::string single_param(const Params& params, const std::string& name);

}  // namespace sosei::serve
