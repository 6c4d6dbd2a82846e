// Query parameters of the views (view_query.hpp).
#include "serve/view_query.hpp"

#include <iterator>

#include "app/evaluation.hpp"
#include "app/user_input.hpp"
#include "serve/http_error.hpp"
#include "text/catalogue.hpp"
#include "text/phrase.hpp"

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
  // The language first: every refusal below is worded in the one asked for, else the city's.
  text::Lang says = env.config().lang;
  const auto refuse = [&says](const std::string& message) { return HttpError(400, message); };
  const auto param = [&](const std::string& name) {
    const auto [first, last] = params.equal_range(name);
    if (first == last) return std::string();
    if (std::next(first) != last) throw refuse(text::say(says, &text::Catalogue::view_param_twice, name));
    return first->second;
  };
  const std::string lang = param("lang");
  if (lang == "en") {
    q.report.lang = report::Lang::En;
    says = text::Lang::En;
  } else if (lang == "ja") {
    says = text::Lang::Ja;
  } else if (!lang.empty()) {
    throw refuse(text::say(says, &text::Catalogue::view_lang_unknown, lang));
  }
  const std::string years = param("years");
  if (years == "western")
    q.report.years = report::YearStyle::Western;
  else if (!years.empty() && years != "era")
    throw refuse(text::say(says, &text::Catalogue::view_years_unknown, years));
  try {
    q.as_of = app::as_of_date(env, param("as_of"));
  } catch (const app::InputError& e) {
    throw refuse(text::say(says, &text::Catalogue::view_as_of, e.message(text::Locale{says, q.report.years})));
  }
  std::string name = param("scheme");
  if (name.empty()) name = env.config().default_scheme;
  const auto scheme = schemes.find(name);
  if (scheme == schemes.end()) {
    std::string names;
    for (const auto& [known, _] : schemes) names += (names.empty() ? "" : ", ") + known;
    throw refuse(text::say(says, &text::Catalogue::view_scheme_unknown, name, names));
  }
  q.scheme = &scheme->second;
  const std::string approved_only = param("approved_only");
  if (approved_only == "1" || approved_only == "true")
    q.approved_only = true;
  else if (!approved_only.empty() && approved_only != "0" && approved_only != "false")
    throw refuse(text::catalogue(says).view_approved_only);
  return q;
}

}  // namespace sosei::serve
