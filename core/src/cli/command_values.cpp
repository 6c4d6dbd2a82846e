// `sosei values KPI` and `sosei history KPI PERIOD`: what the store holds for a series.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string_view>

#include "app/report.hpp"
#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "evaluate/explain.hpp"
#include "sosei/notation.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"
#include "text/quality_text.hpp"

namespace sosei::cli {
namespace {

// "路線=稲築線" for route=INATSUKI: a key and a coded value by the names their plugin declares in the
// reader's language, else as stored.
std::string dims_text(const store::Dimensions& d, const DisplayNames& names, text::Lang lang) {
  auto named = [lang](const DisplayName* n, const std::string& stored) {
    if (!n) return stored;
    const std::string& preferred = lang == text::Lang::En ? n->en : n->ja;
    const std::string& other = lang == text::Lang::En ? n->ja : n->en;
    return !preferred.empty() ? preferred : !other.empty() ? other : stored;
  };
  std::string s;
  for (const auto& [k, v] : d) {
    if (!s.empty()) s += ' ';
    s.append(named(names.find_dimension(k), k)).append("=").append(named(names.find_value(k, v), v));
  }
  return s;
}

// The names for a series' dimensions, read from the plugins only when some row has dimensions.
template <class Rows, class KeyOf>
DisplayNames names_if_needed(Session& session, const std::string& series, const Rows& rows, KeyOf key_of) {
  for (const auto& r : rows)
    if (!key_of(r).dimensions.empty()) return app::dimension_names(session.env(), series);
  return {};
}

// Who made a change: a hand entry's department and token ("hand:産業振興課" + "token 3"), else the
// import source and where in its input the value was ("kama_values" + "kama-kpi-values.csv:12").
nlohmann::json who_json(const std::string& source, int64_t run_id, const std::string& location) {
  nlohmann::json j{{"source", source}, {"run_id", run_id}, {"location", location}};
  constexpr std::string_view kHand = "hand:";
  if (source.starts_with(kHand)) {
    j["department"] = source.substr(kHand.size());
    if (location.starts_with("token ")) {
      try {
        j["token_id"] = std::stoll(location.substr(6));
      } catch (const std::exception&) {
      }
    }
  }
  return j;
}

// A stored value for people: by the KPI's display rule, or for a plugin's own series with at most
// two decimals.
std::string shown_value(const Value& v, const config::Kpi* kpi, text::Lang lang) {
  if (kpi) return evaluate::shown_value(v, *kpi, lang);
  return v.is_number() ? text::format_number_trimmed(v.number, 2, lang) : text::status_text(v.kind, lang);
}

std::string who_text(const std::string& source, int64_t run_id, const std::string& location, bool ja) {
  constexpr std::string_view kHand = "hand:";
  const std::string run = (ja ? "実行 " : "run ") + std::to_string(run_id);
  if (source.starts_with(kHand))
    // A hand entry's location is the token that entered it ("token 3": トークン 3).
    return source.substr(kHand.size()) +
           (location.empty() ? "" : " " + text::actor_text(location, ja ? text::Lang::Ja : text::Lang::En)) +
           (ja ? "（" + run + "）" : " (" + run + ")");
  return source + " " + run + (location.empty() ? "" : " " + location);
}

std::string note_text(const std::string& note) { return note.empty() ? "—" : note; }

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
    require_known_series(env.session, v->series);
    auto rows = env.session.store(app::StoreOpen::ReadOnly).values({v->series, std::nullopt, std::nullopt});
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
      const DisplayNames names =
          names_if_needed(env.session, v->series, rows,
                          [](const store::StoredObservation& o) -> const store::ObservationKey& { return o.key; });
      for (const auto& o : rows)
        table.add({text::period_text(o.key.period, l.years, l.lang), dims_text(o.key.dimensions, names, l.lang),
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
  add_locale_options(history, env.session);
  history->callback([env, h] {
    require_known_series(env.session, h->series);
    const auto& strategy = env.session.config().strategy;
    const Period period = from_user_input(env.session.locale(), "history", [&] {
      return app::read_value_period(strategy, strategy.find_kpi(h->series), h->period);
    });
    auto histories = env.session.store(app::StoreOpen::ReadOnly).history(h->series, period);
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
                          {"new_note", r.new_note},
                          {"value_changed", r.old_value != r.new_value},
                          {"note_changed", r.old_note != r.new_note},
                          {"by", who_json(r.source, r.run_id, r.location)}});
        out.push_back({{"series", x.key.series},
                       {"period", x.key.period.str()},
                       {"dimensions", x.key.dimensions},
                       {"first_value", to_json(x.first_value)},
                       {"first_run_id", x.first_run_id},
                       {"first_at", x.first_at},
                       {"first_note", x.first_note},
                       {"first_by", who_json(x.first_source, x.first_run_id, x.first_location)},
                       {"revisions", revs}});
      }
      std::cout << out.dump(2) << '\n';
    } else {
      const text::Locale l = env.session.locale();
      const text::Catalogue& c = text::catalogue(l.lang);
      const bool ja = l.lang == text::Lang::Ja;
      const config::Kpi* kpi = strategy.find_kpi(h->series);
      const std::string& zone = env.session.config().timezone;
      auto value = [&](const Value& v) { return shown_value(v, kpi, l.lang); };
      TextTable table({c.dimensions, c.changed_at, c.run, ja ? "変更内容" : "change", c.changed_by});
      const DisplayNames names = names_if_needed(env.session, h->series, histories,
                                                 [](const auto& x) -> const store::ObservationKey& { return x.key; });
      for (const auto& x : histories) {
        table.add({dims_text(x.key.dimensions, names, l.lang), text::timestamp_text(x.first_at, zone),
                   std::to_string(x.first_run_id),
                   (ja ? "取込 " : "imported ") + value(x.first_value) +
                       (x.first_note.empty() ? "" : (ja ? "（" + x.first_note + "）" : " (" + x.first_note + ")")),
                   who_text(x.first_source, x.first_run_id, x.first_location, ja)});
        for (const auto& r : x.revisions) {
          std::string change;
          if (r.old_value != r.new_value) change = value(r.old_value) + " → " + value(r.new_value);
          if (r.old_note != r.new_note)
            change += (change.empty() ? ""
                       : ja           ? "、"
                                      : ", ") +
                      ((ja ? "注記 " : "note ") + note_text(r.old_note) + " → " + note_text(r.new_note));
          if (change.empty()) change = ja ? "統計の断絶の印" : "series break mark";  // only the flags changed
          table.add({dims_text(x.key.dimensions, names, l.lang), text::timestamp_text(r.changed_at, zone),
                     std::to_string(r.run_id), change, who_text(r.source, r.run_id, r.location, ja)});
        }
      }
      if (table.empty())
        std::cout << (ja ? h->series + " の " + text::period_text(period, l.years, l.lang) + " の値はありません"
                         : "no value of " + h->series + " for " + period.str())
                  << '\n';
      else
        table.print(std::cout);
    }
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
