// `sosei values KPI` and `sosei history KPI PERIOD`: what the store holds for a series.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "evaluate/explain.hpp"
#include "sosei/notation.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"

namespace sosei::cli {
namespace {

std::string dims_text(const store::Dimensions& d) {
  std::string s;
  for (const auto& [k, v] : d) s += (s.empty() ? "" : " ") + k + "=" + v;
  return s;
}

void check_series(Session& session, const std::string& series) {
  if (series.find('/') != std::string::npos) return;  // a plugin's own series
  if (!session.config().strategy.find_kpi(series))
    throw UsageError("no KPI '" + series + "' in the strategy (see " + session.config().config_file + ")");
}

Period parse_cli_period(const std::string& text, const config::Kpi* kpi) {
  if (auto p = Period::parse(text)) return *p;
  const int32_t bare = kpi && kpi->period_type == config::PeriodType::CalendarYear ? SOSEI_PERIOD_CALENDAR_YEAR
                                                                                   : SOSEI_PERIOD_FISCAL_YEAR;
  std::string error;
  auto p = sosei::parse_period(text, bare, &error);
  if (!p) throw UsageError("history: " + error);
  return Period::from(*p);
}

// A stored value for people: by the KPI's display rule, or for a plugin's own series with at most
// two decimals.
std::string shown_value(const Value& v, const config::Kpi* kpi, text::Lang lang) {
  if (kpi) return evaluate::shown_value(v, *kpi, lang);
  return v.is_number() ? text::format_number_trimmed(v.number, 2, lang) : text::status_text(v.kind, lang);
}

}  // namespace

void add_values_commands(CLI::App& app, CommandEnv env) {
  auto* values = app.add_subcommand("values", "Show the stored values of a KPI (or a plugin's series)");
  struct Args {
    std::string series;
    std::string period;
    bool json = false;
  };
  auto v = std::make_shared<Args>();
  values->add_option("kpi", v->series, "KPI id, or SOURCE/SERIES")->required();
  values->add_flag("--json", v->json, "print as JSON");
  add_locale_options(values, env.session);
  values->callback([env, v] {
    check_series(env.session, v->series);
    auto rows = env.session.store().values({v->series, std::nullopt, std::nullopt});
    if (v->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& o : rows) out.push_back(to_json(o));
      std::cout << out.dump(2) << '\n';
    } else {
      const text::Locale l = env.session.locale();
      const text::Catalogue& c = text::catalogue(l.lang);
      const config::Kpi* kpi = env.session.config().strategy.find_kpi(v->series);
      TextTable table({c.period, c.dimensions, c.value, c.revisions, c.note, c.source});
      table.align_right(2);
      table.align_right(3);
      for (const auto& o : rows)
        table.add({text::period_text(o.key.period, l.years, l.lang), dims_text(o.key.dimensions),
                   shown_value(o.data.value, kpi, l.lang), std::to_string(o.revision_count), o.data.note, o.source});
      if (table.empty())
        std::cout << c.no_values << '\n';
      else
        table.print(std::cout);
    }
    env.exit_code = kOk;
  });

  auto* history = app.add_subcommand("history", "Show how one value of a KPI was imported and revised");
  auto h = std::make_shared<Args>();
  history->add_option("kpi", h->series, "KPI id, or SOURCE/SERIES")->required();
  history->add_option("period", h->period, "period: FY2025, R7, 令和7年度, 2024年, 2025-04 …")->required();
  history->add_flag("--json", h->json, "print as JSON");
  history->callback([env, h] {
    check_series(env.session, h->series);
    const Period period = parse_cli_period(h->period, env.session.config().strategy.find_kpi(h->series));
    auto histories = env.session.store().history(h->series, period);
    if (h->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& x : histories) {
        nlohmann::json revs = nlohmann::json::array();
        for (const auto& r : x.revisions)
          revs.push_back({{"run_id", r.run_id},
                          {"changed_at", r.changed_at},
                          {"old", to_json(r.old_value)},
                          {"new", to_json(r.new_value)},
                          {"old_note", r.old_note},
                          {"new_note", r.new_note}});
        out.push_back({{"series", x.key.series},
                       {"period", x.key.period.str()},
                       {"dimensions", x.key.dimensions},
                       {"first_value", to_json(x.first_value)},
                       {"first_run_id", x.first_run_id},
                       {"first_at", x.first_at},
                       {"revisions", revs}});
      }
      std::cout << out.dump(2) << '\n';
    } else {
      TextTable table({"dimensions", "when", "run", "change"});
      for (const auto& x : histories) {
        table.add({dims_text(x.key.dimensions), x.first_at, std::to_string(x.first_run_id),
                   "imported " + x.first_value.str()});
        for (const auto& r : x.revisions)
          table.add({dims_text(x.key.dimensions), r.changed_at, std::to_string(r.run_id),
                     r.old_value.str() + " → " + r.new_value.str()});
      }
      if (table.empty())
        std::cout << "no value of " << h->series << " for " << period.str() << '\n';
      else
        table.print(std::cout);
    }
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
