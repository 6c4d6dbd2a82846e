// `sosei evaluations [--json] [--limit N]` and `sosei evaluations --id N [--json]`: the evaluations
// kept by `evaluate --save`, newest first, and whether a revised value has made them stale.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "evaluate/explain.hpp"
#include "evaluate/format.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"

namespace sosei::cli {
namespace {

using nlohmann::json;

json number_or_null(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json to_json(const store::EvaluationRecord& r, bool with_kpis) {
  json grades = json::array();
  for (const auto& g : r.grades) grades.push_back({{"symbol", g.symbol}, {"label", g.label}, {"count", g.count}});
  json out{{"id", r.id},
           {"created_at", r.created_at},
           {"as_of", r.as_of},
           {"scheme", r.scheme},
           {"stale", r.stale},
           {"stale_since", r.stale ? json(r.stale_since) : json(nullptr)},
           {"stale_run_id", r.stale ? json(r.stale_run_id) : json(nullptr)},
           {"grades", grades}};
  if (!with_kpis) return out;
  json kpis = json::array();
  for (const auto& k : r.kpis)
    kpis.push_back({{"id", k.kpi},
                    {"counted", k.counted},
                    {"actual", number_or_null(k.actual)},
                    {"formed", k.formed},
                    {"ratio", number_or_null(k.ratio)},
                    {"progress", number_or_null(k.progress)},
                    {"grade", {{"symbol", k.grade_symbol}, {"label", k.grade_label}}},
                    {"pace_ratio", number_or_null(k.pace_ratio)},
                    {"off_track", k.off_track}});
  out["kpis"] = kpis;
  return out;
}

std::string grades_text(const store::EvaluationRecord& r) {
  std::string s;
  for (const auto& g : r.grades) s += (s.empty() ? "" : "  ") + g.symbol + " " + std::to_string(g.count);
  return s;
}

std::string stale_text(const store::EvaluationRecord& r, const text::Locale& l, const std::string& zone) {
  if (!r.stale) return "";
  const std::string since = text::timestamp_text(r.stale_since, zone);
  return l.lang == text::Lang::Ja
             ? "実行 " + std::to_string(r.stale_run_id) + " で値が改訂（" + since + "）: 再評価が必要"
             : "stale since run " + std::to_string(r.stale_run_id) + " (" + since + ")";
}

std::string optional_percent(const std::optional<double>& v, text::Lang lang) {
  return v ? text::format_percent(*v, lang) : "—";
}

void print_list(const std::vector<store::EvaluationRecord>& records, const text::Locale& l, const std::string& zone) {
  const bool ja = l.lang == text::Lang::Ja;
  TextTable table({ja ? "評価" : "evaluation", ja ? "作成日時" : "created", text::catalogue(l.lang).as_of,
                   text::catalogue(l.lang).scheme, ja ? "評価の内訳" : "grades", ja ? "状態" : "stale"});
  table.align_right(0);
  for (const auto& r : records)
    table.add({std::to_string(r.id), text::timestamp_text(r.created_at, zone), r.as_of, r.scheme, grades_text(r),
               stale_text(r, l, zone)});
  table.print(std::cout);
}

// The saved "how it was formed" is the English wording of the time (docs/cli.md): shown in English only.
void print_one(const store::EvaluationRecord& r, const config::Strategy& strategy, const text::Locale& l,
               const std::string& zone) {
  const text::Catalogue& c = text::catalogue(l.lang);
  const bool ja = l.lang == text::Lang::Ja;
  const std::string created = text::timestamp_text(r.created_at, zone);
  if (ja)
    std::cout << "評価 " << r.id << "（作成 " << created << "）: 基準日 " << r.as_of << "、評価基準 " << r.scheme;
  else
    std::cout << "evaluation " << r.id << ", created " << created << ": as of " << r.as_of << ", scheme " << r.scheme;
  std::cout << (r.stale ? (ja ? "、" : ", ") + stale_text(r, l, zone) : "") << "\n\n";
  std::vector<std::string> header{c.kpi, c.actual, c.achievement, c.grade, c.pace};
  if (!ja) header.insert(header.begin() + 2, c.formed);
  TextTable table(header);
  for (std::size_t col : ja ? std::vector<std::size_t>{1, 2, 4} : std::vector<std::size_t>{1, 3, 5})
    table.align_right(col);
  for (const auto& k : r.kpis) {
    const config::Kpi* kpi = strategy.find_kpi(k.kpi);
    std::string actual = "—";
    if (k.actual)
      actual =
          kpi ? evaluate::shown_number(*k.actual, *kpi, l.lang) : text::format_number_trimmed(*k.actual, 2, l.lang);
    const std::string score =
        k.progress ? optional_percent(k.progress, l.lang) + c.progress_suffix : optional_percent(k.ratio, l.lang);
    const std::string off =
        k.off_track ? (ja ? std::string("（") + c.off_track + "）" : std::string(" (") + c.off_track + ")") : "";
    std::vector<std::string> row{
        k.kpi + (k.counted ? "" : std::string(ja ? "（" : " (") + c.goal_numeric_target + (ja ? "）" : ")")), actual,
        score, k.grade_symbol + " " + k.grade_label, optional_percent(k.pace_ratio, l.lang) + off};
    if (!ja) row.insert(row.begin() + 2, k.formed);
    table.add(row);
  }
  table.print(std::cout);
  std::cout << '\n' << (ja ? "評価の内訳: " : "grades: ") << grades_text(r) << '\n';
}

}  // namespace

void add_evaluations_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("evaluations", "List stored evaluations (evaluate --save), newest first");
  struct Args {
    bool json = false;
    std::size_t limit = 50;
    int64_t id = 0;
  };
  auto args = std::make_shared<Args>();
  cmd->add_flag("--json", args->json, "print as JSON");
  cmd->add_option("--limit", args->limit, "at most this many evaluations (0 = all)")->capture_default_str();
  cmd->add_option("--id", args->id, "one evaluation in full, with its KPI rows");
  add_locale_options(cmd, env.session);
  cmd->callback([env, args] {
    auto& store = env.session.store(app::StoreOpen::ReadOnly);
    if (args->id) {
      auto r = store.evaluation(args->id);
      if (!r)
        throw UsageError("evaluations: " +
                         text::say(env.session.locale().lang, &text::Catalogue::evaluation_unknown, args->id));
      if (args->json)
        std::cout << to_json(*r, true).dump(2) << '\n';
      else
        print_one(*r, env.session.config().strategy, env.session.locale(), env.session.config().timezone);
    } else {
      const auto records = store.evaluations(args->limit);
      if (args->json) {
        json out = json::array();
        for (const auto& r : records) out.push_back(to_json(r, false));
        std::cout << out.dump(2) << '\n';
      } else {
        print_list(records, env.session.locale(), env.session.config().timezone);
      }
    }
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
