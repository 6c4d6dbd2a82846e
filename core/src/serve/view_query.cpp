// Query parameters of the views (view_query.hpp).
#include "serve/view_query.hpp"

#include <iterator>

#include "serve/http_error.hpp"

namespace sosei::serve {

std::string single_param(const Params& params, const std::string& name) {
  const auto [first, last] = params.equal_range(name);
  if (first == last) return "";
  if (std::next(first) != last)
    throw HttpError(400, "the parameter " + name + " is given more than once: give it once");
  return first->second;
}

ViewQuery read_view_query(const Params& params, const Schemes& schemes, const std::string& default_scheme,
                          const Date& today) {
  ViewQuery q;
  q.as_of = today;
  if (const std::string as_of = single_param(params, "as_of"); !as_of.empty()) {
    std::string error;
    const auto date = evaluate::parse_as_of(as_of, &error);
    if (!date) throw HttpError(400, "as_of: " + error + " (e.g. as_of=2026-03-31, as_of=FY2025 or as_of=R7)");
    q.as_of = *date;
  }
  std::string name = single_param(params, "scheme");
  if (name.empty()) name = default_scheme;
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
  return q;
}

}  // namespace sosei::serve
