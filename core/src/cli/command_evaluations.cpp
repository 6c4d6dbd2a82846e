// `sosei evaluations [--json] [--limit N]` and `sosei evaluations --id N [--json]`: the evaluations
// kept by `evaluate --save`, newest first, and whether a revised value has made them stale.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/text_table.hpp"
#include "evaluate/format.hpp"

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

std::string stale_text(const store::EvaluationRecord& r) {
  return r.stale ? "stale since run " + std::to_string(r.stale_run_id) + " (" + r.stale_since + ")" : "";
}

std::string optional_percent(const std::optional<double>& v) { return v ? evaluate::percent_text(*v) : "—"; }

void print_list(const std::vector<store::EvaluationRecord>& records) {
  TextTable table({"evaluation", "created", "as of", "scheme", "grades", "stale"});
  table.align_right(0);
  for (const auto& r : records)
    table.add({std::to_string(r.id), r.created_at, r.as_of, r.scheme, grades_text(r), stale_text(r)});
  table.print(std::cout);
}

void print_one(const store::EvaluationRecord& r) {
  std::cout << "evaluation " << r.id << ", created " << r.created_at << ": as of " << r.as_of << ", scheme " << r.scheme
            << (r.stale ? ", " + stale_text(r) : "") << "\n\n";
  TextTable table({"KPI", "actual", "how it was formed", "ratio", "grade", "pace"});
  for (std::size_t c : {1u, 3u, 5u}) table.align_right(c);
  for (const auto& k : r.kpis) {
    const std::string score = k.progress ? optional_percent(k.progress) + " (progress)" : optional_percent(k.ratio);
    table.add({k.kpi + (k.counted ? "" : " (数値目標)"), k.actual ? evaluate::number_text(*k.actual) : "—", k.formed,
               score, k.grade_symbol + " " + k.grade_label,
               optional_percent(k.pace_ratio) + (k.off_track ? " off track" : "")});
  }
  table.print(std::cout);
  std::cout << "\ngrades: " << grades_text(r) << '\n';
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
  cmd->callback([env, args] {
    auto& store = env.session.store(app::StoreOpen::MustExist);
    if (args->id) {
      auto r = store.evaluation(args->id);
      if (!r) throw UsageError("evaluations: no evaluation " + std::to_string(args->id));
      if (args->json)
        std::cout << to_json(*r, true).dump(2) << '\n';
      else
        print_one(*r);
    } else {
      const auto records = store.evaluations(args->limit);
      if (args->json) {
        json out = json::array();
        for (const auto& r : records) out.push_back(to_json(r, false));
        std::cout << out.dump(2) << '\n';
      } else {
        print_list(records);
      }
    }
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
