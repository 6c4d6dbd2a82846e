// As-of and scheme resolution, and the evaluation of stored values.
#include "app/evaluation.hpp"

#include "app/user_input.hpp"
#include "config/load.hpp"
#include "evaluate/as_of.hpp"
#include "evaluate/scheme_loader.hpp"
#include "evaluate/store_input.hpp"
#include "text/config_messages.hpp"

namespace sosei::app {

Date as_of_date(const Environment& env, std::string_view text) {
  if (text.empty()) return env.today();
  return *explicit_as_of(text);
}

std::optional<Date> explicit_as_of(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string error;
  const auto date = evaluate::parse_as_of(text, &error);
  if (!date)
    throw InputError(text::phrase(&text::Catalogue::input_as_of_unreadable, std::string(text), english_reason(error)));
  return date;
}

evaluate::GradingScheme grading_scheme(const Environment& env, std::string_view name) {
  // An unknown name is evaluate::UnknownScheme, a ConfigError: worded in the reader's language.
  const auto& config = env.config();
  return evaluate::load_scheme_named(config.grading_dir, name.empty() ? config.default_scheme : std::string(name));
}

std::map<std::string, evaluate::GradingScheme> all_grading_schemes(const Environment& env) {
  const auto& config = env.config();
  std::map<std::string, evaluate::GradingScheme> schemes;
  for (const std::string& name : evaluate::scheme_names(config.grading_dir))
    schemes.emplace(name, evaluate::load_scheme_named(config.grading_dir, name));
  if (!schemes.contains(config.default_scheme))
    throw config::ConfigError({}, text::phrase(&text::ConfigMessages::default_scheme_no_file, config.default_scheme,
                                               config.grading_dir, config.default_scheme));
  return schemes;
}

evaluate::ObservationsByKpi stored_observations(const Environment& env, store::Store& store) {
  return evaluate::load_observations(store, env.config().strategy);
}

evaluate::Evaluation evaluate_observations(const Environment& env, const evaluate::ObservationsByKpi& observations,
                                           const Date& as_of, const evaluate::GradingScheme& scheme) {
  return evaluate::evaluate(env.config().strategy, observations, scheme, as_of);
}

evaluate::Evaluation evaluate_stored(const Environment& env, store::Store& store, const Date& as_of,
                                     const evaluate::GradingScheme& scheme) {
  return evaluate_observations(env, stored_observations(env, store), as_of, scheme);
}

}  // namespace sosei::app
