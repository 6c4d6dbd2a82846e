// `sosei import SOURCE | --all`: run imports in-process and report each run.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/import_run.hpp"
#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "config/quantities.hpp"
#include "daemon/daemon.hpp"
#include "store/store.hpp"
#include "text/catalogue.hpp"
#include "text/numbers.hpp"
#include "text/phrase.hpp"

namespace sosei::cli {
namespace {

struct ImportArgs {
  std::string source;
  bool all = false;
  bool all_due = false;
  std::string file;
  bool dry_run = false;
  bool json = false;
  std::string isolation = "source";
  std::string wait = "1m";
};

std::string summary(const import::ImportOutcome& o, text::Lang lang) {
  const auto& r = o.record;
  std::string status = text::state_text(store::to_string(r.status), lang);
  if (o.dry_run) status = text::say(lang, &text::Catalogue::import_dry_run, status);
  std::string s = text::say(lang, &text::Catalogue::import_summary, r.source, status, r.accepted, r.inserted, r.revised,
                            r.rejected);
  if (!o.dry_run && r.id) s += text::say(lang, &text::Catalogue::import_run_id, r.id);
  if (r.status == store::RunStatus::Failed && r.accepted > 0) s += text::catalogue(lang).import_nothing_stored;
  if (!r.error.empty()) s += "\n" + text::say(lang, &text::Catalogue::import_error, r.error);
  // The row that stopped the run is its error already: listed once.
  for (const auto& x : r.rejections)
    if (!r.error.starts_with(x.location + ": " + x.reason))  // the error adds how to go on after it
      s += "\n" + text::say(lang, &text::Catalogue::import_rejected, x.location, x.reason);
  return s;
}

}  // namespace

void add_import_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand("import", "Import one source (or all) through its plugin");
  auto args = std::make_shared<ImportArgs>();
  cmd->add_option("source", args->source, "source id from the configuration");
  cmd->add_flag("--all", args->all, "import every configured source, in order");
  cmd->add_flag("--all-due", args->all_due,
                "import the scheduled sources that are due now (retries, quarantine and webhooks as the daemon "
                "does), then exit: for running sosei from cron instead of `sosei daemon`");
  cmd->add_option("--file", args->file, "import this file instead of the source's configured file or URL");
  cmd->add_flag("--dry-run", args->dry_run, "validate everything, store nothing");
  cmd->add_flag("--json", args->json, "print the run records as JSON");
  cmd->add_option("--isolation", args->isolation,
                  "where the plugin runs: worker (a separate process: crashes and hangs are contained), none "
                  "(in this process, for speed and debugging), source (as each source's `isolation` says)")
      ->check(CLI::IsMember({"source", "worker", "none"}))
      ->capture_default_str();
  cmd->add_option("--wait", args->wait,
                  "how long to wait for another process writing to the database (another import) before giving "
                  "up with nothing written: 30s, 10m, 1h; 0 gives up at once")
      ->capture_default_str();
  add_locale_options(cmd, env.session);
  cmd->callback([env, args] {
    const auto wait = config::parse_duration(args->wait);
    if (!wait) throw UsageError(text::say(env.session.reader_lang(), &text::Catalogue::bad_wait, args->wait));
    // Said once per wait, on stderr: a second import does not look hung while the first one runs.
    env.session.wait_for_writer(*wait, [env, limit = *wait] {
      if (limit.count() == 0) return;  // gives up at once: the refusal says it all
      const text::Lang lang = env.session.reader_lang();
      std::cerr << "sosei: "
                << text::say(lang, &text::Catalogue::waiting_for_writer, text::duration_text(limit.count(), lang))
                << std::endl;
    });
    const app::Environment& app_env = env.session.env();
    const auto& config = app_env.config();
    if (args->all_due) {
      if (args->all || !args->source.empty() || !args->file.empty() || args->dry_run)
        throw UsageError(text::catalogue(env.session.reader_lang()).due_imports_alone);
      daemon::DaemonOptions options;
      options.config_path = config.config_file;
      options.database_override = env.session.options().database;
      options.lang = env.session.locale().lang;  // of the log lines and the webhooks' messages
      const auto summary = daemon::run_due_once(options);
      const text::Lang lang = env.session.locale().lang;
      std::cout << text::say(lang, &text::Catalogue::due_imports_run, summary.started, summary.failed);
      if (summary.skipped_quarantined)
        std::cout << text::say(lang, &text::Catalogue::due_quarantined, summary.skipped_quarantined);
      std::cout << '\n';
      env.exit_code = summary.failed ? kRunFailed : kOk;
      return;
    }
    if (args->all == !args->source.empty())
      throw UsageError(text::say(env.session.reader_lang(), &text::Catalogue::import_name_one, [&] {
        std::string ids;
        for (const auto& s : config.sources) ids += (ids.empty() ? "" : ", ") + s.id;
        return ids;
      }()));
    if (args->all && !args->file.empty())
      throw UsageError(text::catalogue(env.session.reader_lang()).import_file_needs_one);
    // Checked before a run starts: once, as a usage error, not as a failed run plus its log line.
    if (!args->file.empty() && !std::filesystem::is_regular_file(args->file))
      throw UsageError("import: --file で指定されたファイル " +
                       std::filesystem::absolute(args->file).lexically_normal().string() +
                       (std::filesystem::exists(args->file) ? " はファイルではありません。" : " がありません。") +
                       "パスを確かめてください。");
    std::vector<const config::Source*> sources;
    if (args->all) {
      for (const auto& s : config.sources) sources.push_back(&s);
    } else {
      const auto* s = config.find_source(args->source);
      if (!s) {
        std::string ids;
        for (const auto& c : config.sources) ids += (ids.empty() ? "" : ", ") + c.id;
        if (config.sources_file.empty())
          throw UsageError("import: ソース「" + args->source + "」はありません。" + config.config_file +
                           " に sources（ソースを定義するファイル）の指定がありません。");
        throw UsageError("import: ソース「" + args->source + "」は " + config.sources_file +
                         " にありません。設定されているソース: " + (ids.empty() ? "（なし）" : ids) + "。");
      }
      sources.push_back(s);
    }
    const auto isolation = args->isolation == "worker" ? app::IsolationChoice::Worker
                           : args->isolation == "none" ? app::IsolationChoice::InProcess
                                                       : app::IsolationChoice::AsConfigured;
    import::ImportOptions options;
    options.file_override = args->file;
    options.dry_run = args->dry_run;
    const bool progress_line = isatty(STDERR_FILENO) && !args->json;
    nlohmann::json out = nlohmann::json::array();
    int failures = 0;
    // A first import creates the database. Said on stderr, so that a database that was moved, deleted
    // or unmounted does not silently start again empty (the daemon refuses that outright).
    const std::string& location = env.session.env().database();
    if (location.find("://") == std::string::npos && !store::store_exists(location)) {
      env.session.store(app::StoreOpen::CreateIfMissing);
      std::cerr << text::say(env.session.locale().lang, &text::Catalogue::store_created, location) << '\n';
    }
    for (const auto* source : sources) {
      if (progress_line) {
        options.on_progress = [id = source->id](uint64_t done, uint64_t total) {
          if (total)
            std::cerr << "\r" << id << ": " << done << " / " << total << std::flush;
          else
            std::cerr << "\r" << id << ": " << done << std::flush;
        };
      }
      app::apply_source_limits(*source, isolation, options);
      const auto outcome = from_user_input(env.session.locale(), "", [&] {
        return app::run_import(app_env, env.session.store(app::StoreOpen::CreateIfMissing), *source, options);
      });
      if (progress_line) std::cerr << "\r\033[K" << std::flush;
      if (!outcome.ok()) ++failures;
      if (args->json) {
        auto j = to_json(outcome.record, true);
        j["dry_run"] = outcome.dry_run;
        out.push_back(j);
      } else {
        std::cout << summary(outcome, env.session.locale().lang) << '\n';
      }
    }
    if (args->json) std::cout << (args->all ? out.dump(2) : out[0].dump(2)) << '\n';
    env.exit_code = failures ? kRunFailed : kOk;
  });
}

}  // namespace sosei::cli
