// `sosei runs`: the import run log, newest first.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"
#include "text/phrase.hpp"

namespace sosei::cli {
namespace {

// A source `runs --source` can name: a configured one, one that has runs in the store (a source since
// removed from the configuration), or hand entry of a department of the strategy (hand:産業振興課).
void check_source(Session& session, store::Store& store, const std::string& source) {
  const auto& config = session.config();
  if (config.find_source(source)) return;
  for (const auto& s : store.run_summaries())
    if (s.source == source) return;
  constexpr std::string_view kHand = "hand:";
  if (source.starts_with(kHand))
    for (const auto& kpi : config.strategy.kpis)
      if (kpi.department == source.substr(kHand.size())) return;
  std::string ids;
  for (const auto& s : config.sources) ids += (ids.empty() ? "" : ", ") + s.id;
  throw UsageError("runs: ソース「" + source +
                   "」はありません。設定されているソース: " + (ids.empty() ? "（なし）" : ids) + "（" +
                   (config.sources_file.empty() ? config.config_file : config.sources_file) +
                   "）。手入力は hand:課名（例: hand:産業振興課）です。");
}

}  // namespace

void add_runs_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("runs", "List import runs, newest first");
  struct Args {
    bool json = false;
    std::string source;
    std::size_t limit = 50;
    int64_t id = 0;
  };
  auto args = std::make_shared<Args>();
  cmd->add_flag("--json", args->json, "print as JSON");
  cmd->add_option("--source", args->source, "only runs of this source");
  cmd->add_option("--limit", args->limit, "at most this many runs (0 = all)")->capture_default_str();
  cmd->add_option("--id", args->id, "one run in full, with its rejected rows");
  add_locale_options(cmd, env.session);
  cmd->callback([env, args] {
    auto& store = env.session.store(app::StoreOpen::ReadOnly);
    std::vector<store::RunRecord> runs;
    if (args->id) {
      auto r = store.run(args->id);
      if (!r) throw UsageError(text::say(env.session.locale().lang, &text::Catalogue::run_unknown, args->id));
      runs.push_back(*r);
    } else {
      if (!args->source.empty()) check_source(env.session, store, args->source);
      runs = store.runs(args->limit, args->source);
    }
    if (args->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& r : runs) out.push_back(to_json(r, args->id != 0));
      std::cout << (args->id ? out[0] : out).dump(2) << '\n';
    } else {
      const text::Locale l = env.session.locale();
      const text::Catalogue& c = text::catalogue(l.lang);
      const std::string& zone = env.session.config().timezone;
      TextTable table(
          {c.run, c.source, c.plugin, c.started, c.status, c.accepted, c.rejected, c.new_values, c.revised, c.error});
      for (auto col : {0, 5, 6, 7, 8}) table.align_right(col);
      if (!args->id) table.fit(default_table_width(), 9);
      for (const auto& r : runs)
        table.add({std::to_string(r.id), r.source, r.plugin + " " + r.plugin_version,
                   text::timestamp_text(r.started_at, zone), text::state_text(store::to_string(r.status), l.lang),
                   std::to_string(r.accepted), std::to_string(r.rejected), std::to_string(r.inserted),
                   std::to_string(r.revised), r.error});
      table.print(std::cout);
      if (args->id)
        for (const auto& x : runs[0].rejections)
          std::cout << c.rejected << " " << x.location << ": " << x.reason << '\n';
    }
    env.exit_code = kOk;
  });
}

}  // namespace sosei::cli
