// `sosei flags [--kpi] [--department] [--open] [--json]` and `sosei flags resolve ID --note "…"`:
// the data-quality flags the rules raised (docs/quality.md), and closing one with a reason.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/flags.hpp"
#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "present/record_json.hpp"
#include "text/catalogue.hpp"
#include "text/numbers.hpp"
#include "text/periods.hpp"
#include "text/quality_text.hpp"

namespace sosei::cli {
namespace {

std::string number(const std::optional<double>& v, text::Lang lang) {
  return v ? text::format_number_trimmed(*v, 2, lang) : "";
}

std::string expected_text(const store::FlagRaise& r, text::Lang lang) {
  if (!r.expected_min && !r.expected_max) return "—";
  return number(r.expected_min, lang) + "～" + number(r.expected_max, lang);
}

std::string key_text(const store::QualityFlag& f, const text::Locale& l) {
  std::string t = f.key.series + " " + text::period_text(f.key.period, l.years, l.lang);
  for (const auto& [k, v] : f.key.dimensions) t.append(" ").append(k).append("=").append(v);
  return t;
}

}  // namespace

void add_flags_commands(CLI::App& app, CommandEnv env) {
  auto* flags = app.add_subcommand("flags", "List the data-quality flags raised by the validation rules");
  struct Args {
    app::FlagFilter filter;
    bool json = false;
    int64_t id = 0;
    std::string note;
  };
  auto a = std::make_shared<Args>();
  flags->add_option("--kpi", a->filter.kpi, "only this KPI (or SOURCE/SERIES)");
  flags->add_option("--department", a->filter.department, "only the KPIs of this department (e.g. 商工観光課)");
  flags->add_flag("--open", a->filter.open_only, "only open flags");
  flags->add_flag("--json", a->json, "print as JSON");
  add_locale_options(flags, env.session);
  flags->callback([env, a, flags] {
    if (flags->got_subcommand("resolve")) return;
    const auto rows = app::list_flags(env.session.config(), env.session.store(app::StoreOpen::ReadOnly), a->filter);
    // Nothing found for an id the strategy does not have: most likely a typo, not a clean bill.
    if (rows.empty() && !a->filter.kpi.empty()) require_known_series(env.session, a->filter.kpi);
    if (a->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& r : rows) out.push_back(present::to_json(r.flag, r.department));  // stable English keys
      std::cout << out.dump(2) << '\n';
      env.exit_code = kOk;
      return;
    }
    const text::Locale l = env.session.locale();
    const text::Catalogue& c = text::catalogue(l.lang);
    TextTable table({c.flag_id, c.kpi, c.department, c.flag_level, c.flag_rule, c.value, c.flag_expected, c.flag_detail,
                     c.flag_state, c.flag_closed});
    table.align_right(0);
    table.align_right(5);
    for (const auto& r : rows) {
      const store::QualityFlag& f = r.flag;
      const std::string closed = f.state == store::FlagState::Resolved ? f.closed_by + ": " + f.note
                                 : f.state == store::FlagState::Cleared
                                     ? (l.lang == text::Lang::Ja ? "実行 " : "run ") + std::to_string(f.closed_run_id)
                                     : "";
      table.add(
          {std::to_string(f.id), key_text(f, l), r.department,
           text::state_text(store::to_string(f.raised.level), l.lang), text::rule_text(f.raised.rule, l.lang),
           number(f.raised.value, l.lang), expected_text(f.raised, l.lang),
           f.raised.location + (f.raised.detail.empty() ? "" : " " + text::flag_detail_text(f.raised.detail, l.lang)),
           text::state_text(store::to_string(f.state), l.lang), closed});
    }
    if (table.empty())
      std::cout << c.flags_none << '\n';
    else
      table.print(std::cout);
    env.exit_code = kOk;
  });

  auto* resolve = flags->add_subcommand("resolve", "Close an open flag with the reason (recorded with the OS user)");
  resolve->add_option("id", a->id, "the flag's ID (sosei flags)")->required();
  resolve->add_option("--note", a->note, "why it is closed (checked with the department, corrected at source…)")
      ->required();
  add_locale_options(resolve, env.session);
  resolve->callback([env, a] {
    if (a->note.empty()) throw UsageError(text::catalogue(env.session.locale().lang).flag_note_missing);
    const text::Catalogue& c = text::catalogue(env.session.locale().lang);
    store::Store& store = env.session.store(app::StoreOpen::MustExist);
    if (!app::resolve_flag(env.session.config(), store, a->id, app::cli_signer(), a->note)) {
      std::cerr << fmt::format(fmt::runtime(c.flag_not_open), a->id) << '\n';
      env.exit_code = kRunFailed;
      return;
    }
    std::cout << fmt::format(fmt::runtime(c.flag_resolved), a->id) << '\n';
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
