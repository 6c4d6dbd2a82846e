// The shared indicators' words and numbers (hub_indicator_text.hpp).
#include "present/hub_indicator_text.hpp"

#include "text/hub_messages.hpp"
#include "text/numbers.hpp"

namespace sosei::present {

using text::HubMessages;

std::string indicator_state_text(const app::IndicatorCityValue& c, const text::Locale& locale) {
  const HubMessages& m = text::hub_messages(locale.lang);
  switch (c.state) {
    case app::IndicatorState::Value: {
      if (c.from_predecessors.empty()) return "";
      std::string names;
      for (const auto& n : c.from_predecessors) names += (names.empty() ? "" : m.list_separator) + n;
      return text::say(locale.lang, &HubMessages::from_predecessors, names);
    }
    case app::IndicatorState::NoValue:
      return m.state_no_value;
    case app::IndicatorState::NotReported:
      return m.state_not_reported;
    case app::IndicatorState::NeedsParts:
      return text::say(locale.lang, &HubMessages::state_needs_parts, c.kpi);
    case app::IndicatorState::NoConfiguration:
      return m.state_no_configuration;
    case app::IndicatorState::NoDatabase:
      return m.state_no_database;
    case app::IndicatorState::Unreadable:
      return text::say(locale.lang, &HubMessages::state_unreachable, c.problem ? c.problem(locale) : "");
  }
  return "";
}

std::string aggregate_text(const config::SharedIndicator& i, text::Lang lang) {
  const HubMessages& m = text::hub_messages(lang);
  switch (i.aggregate) {
    case config::IndicatorAggregate::Sum:
      return m.aggregate_sum;
    case config::IndicatorAggregate::Ratio:
      return text::say(lang, &HubMessages::aggregate_ratio, text::format_number_trimmed(i.scale, 3, lang));
    case config::IndicatorAggregate::Level:
      return m.aggregate_level;
  }
  return "";
}

std::string indicator_name(const config::SharedIndicator& i, text::Lang lang) {
  return lang == text::Lang::En && !i.name_en.empty() ? i.name_en : i.name;
}

std::string indicator_number(const std::optional<double>& v, text::Lang lang) {
  return v ? text::format_number_trimmed(*v, 3, lang) : "";
}

}  // namespace sosei::present
