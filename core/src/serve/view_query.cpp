// Query parameters of the views (view_query.hpp).
#include "serve/view_query.hpp"

#include <iterator>

#include "app/evaluation.hpp"
#include "app/user_input.hpp"
#include "serve/http_error.hpp"

namespace sosei::serve {

std::string single_param(const Params& params, const std::string& name) {
  const auto [first, last] = params.equal_range(name);
  if (first == last) return "";
  if (std::next(first) != last)
    throw HttpError(400, "the parameter " + name + " is given more than once: give it once");
  return first->second;
}

ViewQuery read_view_query(const Params& params, const Schemes& schemes, const app::Environment& env) {
  ViewQuery q;
  try {
    q.as_of = app::as_of_date(env, single_param(params, "as_of"));
  } catch (const app::InputError& e) {
    throw HttpError(400, std::string("as_of: ") + e.what() + " (e.g. as_of=2026-03-31, as_of=FY2025 or as_of=R7)");
  }
  std::string name = single_param(params, "scheme");
  if (name.empty()) name = env.config().default_scheme;
  const auto scheme = schemes.find(name);
  if (scheme == schemes.end()) {
    std::string names;
    for (const auto& [known, _] : schemes) names += (names.empty() ? "" : ", ") + known;
    throw HttpError(400, "unknown grading scheme '" + name + "': use one of " + names);
  }
  q.scheme = &scheme->second;

  const std::string lang = single_param(params, "lang");
  if (lang == "en")
    q.report.lang = report::Lang::En;
  else if (!lang.empty() && lang != "ja")
    throw HttpError(400, "lang: '" + lang + "' is not a language of the report: use ja or en");
  const std::string years = single_param(params, "years");
  if (years == "western")
    q.report.years = report::YearStyle::Western;
  else if (!years.empty() && years != "era")
    throw HttpError(400, "years: '" + years + "' is not a year style: use era (R7) or western (2025)");
  const std::string approved_only = single_param(params, "approved_only");
  if (approved_only == "1" || approved_only == "true")
    q.approved_only = true;
  else if (!approved_only.empty() && approved_only != "0" && approved_only != "false")
    throw HttpError(400, "approved_only: use 1 (only approved values are graded) or 0");
  return q;
}

}  // namespace sosei::serve
