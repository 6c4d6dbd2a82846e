// `sosei hub indicators --hub FILE [--prefecture 40|福岡県 | --group NAME] [--indicator ID]
// [--period FY2024] [--json]`: the hub's shared indicators per city and summed up the hierarchy
// (app/hub_indicators.hpp does the work; docs/hub.md, "Shared indicators").
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/hub_indicators.hpp"
#include "app/user_input.hpp"
#include "cli/commands.hpp"
#include "cli/hub_file.hpp"
#include "cli/text_table.hpp"
#include "common/prefectures.hpp"
#include "present/hub_indicator_text.hpp"
#include "present/hub_json.hpp"
#include "text/hub_messages.hpp"
#include "text/periods.hpp"

namespace sosei::cli {
namespace {

using text::HubMessages;

struct IndicatorArgs {
  std::string hub_file = "config/hub.yaml";
  std::string prefecture;
  std::string group;
  std::string indicator;
  std::string period;
  bool json = false;
};

void print_view(const app::IndicatorView& view, const text::Locale& locale) {
  const text::Lang lang = locale.lang;
  const HubMessages& m = text::hub_messages(lang);
  const config::SharedIndicator& i = *view.indicator;
  const std::string name = present::indicator_name(i, lang);
  if (!view.period) {
    std::cout << text::say(lang, &HubMessages::indicator_no_period, name, i.id) << '\n';
  } else {
    std::cout << text::say(lang, &HubMessages::indicator_title, name, i.id, i.unit.empty() ? "-" : i.unit,
                           present::aggregate_text(i, lang), text::period_text(*view.period, locale.years, lang))
              << '\n';
  }
  const bool ratio = i.aggregate == config::IndicatorAggregate::Ratio;
  std::vector<std::string> headings{m.heading_code, m.heading_city, m.heading_kpi, m.heading_value};
  if (ratio) headings.insert(headings.end(), {m.heading_numerator, m.heading_denominator});
  headings.push_back(m.heading_note);
  TextTable table(headings);
  for (std::size_t c = 3; c < (ratio ? 6u : 4u); ++c) table.align_right(c);
  const auto row = [&](std::vector<std::string> cells, const std::optional<double>& numerator,
                       const std::optional<double>& denominator, std::string state) {
    if (ratio)
      cells.insert(cells.end(),
                   {present::indicator_number(numerator, lang), present::indicator_number(denominator, lang)});
    cells.push_back(std::move(state));
    table.add(std::move(cells));
  };
  for (const auto& c : view.cities)
    row({c.code, c.name, c.kpi, present::indicator_number(c.value, lang)}, c.numerator, c.denominator,
        present::indicator_state_text(c, locale));
  for (const auto& p : view.prefectures) {
    const auto pref = *prefecture_of(p.prefecture);
    row({"", text::say(lang, &HubMessages::prefecture_total, lang == text::Lang::En ? pref.name_en : pref.name), "",
         present::indicator_number(p.value, lang)},
        p.numerator, p.denominator, "");
  }
  if (i.aggregate != config::IndicatorAggregate::Level)
    row({"", m.totals, "", present::indicator_number(view.total.value, lang)}, view.total.numerator,
        view.total.denominator, "");
  table.print(std::cout);
  if (!view.total.without.empty()) {
    std::string names;
    for (const auto& n : view.total.without) names += (names.empty() ? "" : m.list_separator) + n;
    std::cout << text::say(lang, &HubMessages::indicator_without, view.total.without.size(), names) << '\n';
  }
}

void run_indicators(const IndicatorArgs& args, CommandEnv env) {
  const text::Locale locale{env.session.reader_lang(), text::YearStyle::Era};
  const config::Hub hub = load_hub_file(args.hub_file, env, locale.lang);
  if (hub.indicators.empty()) throw UsageError(text::hub_messages(locale.lang).no_indicators);
  app::HubIndicatorsRequest request;
  request.hub = &hub;
  request.database_override = env.session.options().database;
  request.indicator = args.indicator;
  if (!args.period.empty()) {
    request.period = app::read_period(args.period);
    if (!request.period) throw UsageError(text::say(locale.lang, &HubMessages::bad_period, args.period));
  }
  std::vector<app::IndicatorView> views;
  try {
    request.scope = app::hub_scope(hub, args.prefecture, args.group);
    views = app::hub_indicators(request);
  } catch (const app::HubRequestError& e) {
    throw UsageError(e.text()(locale));
  }
  bool unreadable = false;
  for (const auto& v : views)
    for (const auto& c : v.cities) unreadable |= c.state == app::IndicatorState::Unreadable;
  env.exit_code = unreadable ? kRunFailed : kOk;
  if (args.json) {
    std::cout << present::to_json(hub, request.scope, views).dump(2) << '\n';
    return;
  }
  const std::size_t cities = views.empty() ? 0 : views.front().cities.size();
  std::cout << hub_scope_line(hub, request.scope, cities, locale.lang) << "\n";
  for (const auto& view : views) {
    std::cout << '\n';
    print_view(view, locale);
  }
}

}  // namespace

void add_hub_indicator_command(CLI::App& hub, CommandEnv env) {
  auto args = std::make_shared<IndicatorArgs>();
  auto* cmd = hub.add_subcommand(
      "indicators",
      "The hub's shared indicators (indicators: in the hub file) per city and summed per prefecture and over the "
      "scope: counts add, rates add their numerators and denominators, levels are not added. Cities without a "
      "value are named. Which KPI reports an indicator, each city's strategy says (indicator:), read from its "
      "config: in the hub file");
  cmd->add_option("--hub", args->hub_file, "the hub file (default: config/hub.yaml)");
  cmd->add_option("--prefecture", args->prefecture, "only this prefecture's cities: 40, 福岡県 or Fukuoka");
  cmd->add_option("--group", args->group, "only the cities of this group of the hub file (e.g. 嘉飯圏域)");
  cmd->add_option("--indicator", args->indicator, "only this indicator (its id in the hub file)");
  cmd->add_option(
      "--period", args->period,
      "the period to show (FY2024, R6, 令和6年度, 2024); default: for each indicator the latest any city has");
  cmd->add_flag("--json", args->json, "print as JSON (stable keys)");
  cmd->add_option("--lang", env.session.locale_options().lang, "what people read in ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
  cmd->callback([env, args] { run_indicators(*args, env); });
}

}  // namespace sosei::cli
