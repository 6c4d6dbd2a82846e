// Lazy loading of configuration, store and plugins for the CLI.
#include "cli/session.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "cli/terminal_log_format.hpp"
#include "config/load.hpp"
#include "text/catalogue.hpp"

namespace sosei::cli {

const app::Environment& Session::env() {
  if (!env_) {
    try {
      env_ =
          std::make_unique<app::Environment>(app::EnvironmentOptions{options_.config_path, options_.database, nullptr});
    } catch (const config::ConfigError& e) {
      throw UsageError(e.message(reader_lang()));
    }
    init_logging();
  }
  return *env_;
}

store::Store& Session::store(app::StoreOpen open) {
  if (!store_) {
    try {
      store::StoreConfig config = env().store_config(lock_wait_, open);
      config.on_lock_wait = on_lock_wait_;
      store_ = store::open_store(config);
    } catch (const store::NoDatabase& e) {
      // A mistyped --db (or database path) must not become an empty database and an all-× report.
      const std::string what = e.location().find("://") != std::string::npos ? "データベース" : "ファイル";
      const std::string where = env().database_overridden() ? "--db で指定された" + what
                                                            : env().config_path() + " の database に書かれた" + what;
      throw UsageError(
          "データベース " + e.location() + " がありません（" + where +
          "）。パスが正しければ、まずデータを取り込んでください: sosei import --all（空のデータベースを作るだけなら "
          "sosei init）。パスの誤りなら --db または " +
          env().config_path() + " の database を直してください。");
    } catch (const store::StoreBusy&) {
      throw;  // worded by main() with the wait it had
    } catch (const store::StoreError& e) {
      throw UsageError(e.message(reader_lang()));
    }
  }
  return *store_;
}

void Session::wait_for_writer(std::chrono::milliseconds limit, std::function<void()> on_wait) {
  lock_wait_ = limit;
  on_lock_wait_ = std::move(on_wait);
}

text::Locale Session::locale() {
  text::Locale l;
  // Reading the configuration only when an option is missing keeps `--lang en --help`-style uses cheap.
  if (locale_options_.lang.empty() || locale_options_.years.empty()) {
    l.lang = config().lang;
    l.years = config().years;
    l.time_zone = config().timezone;
  }
  if (!locale_options_.lang.empty()) l.lang = *text::parse_lang(locale_options_.lang);
  if (!locale_options_.years.empty()) l.years = *text::parse_year_style(locale_options_.years);
  return l;
}

text::Lang Session::reader_lang() const {
  if (auto lang = text::parse_lang(locale_options_.lang)) return *lang;
  return text::Lang::Ja;
}

void require_known_series(Session& session, const std::string& series) {
  if (series.find('/') != std::string::npos) return;  // a plugin's own series
  if (!session.config().strategy.find_kpi(series))
    throw UsageError(
        text::say(session.locale().lang, &text::Catalogue::kpi_unknown, series, session.config().config_file));
}

void add_lang_option(CLI::App* command, Session& session) {
  command->add_option("--lang", session.locale_options().lang, "what people read in ja or en (default: ja)")
      ->check(CLI::IsMember({"ja", "en"}));
}

void add_locale_options(CLI::App* command, Session& session) {
  command
      ->add_option("--lang", session.locale_options().lang,
                   "what people read in ja or en (default: the configured locale, ja)")
      ->check(CLI::IsMember({"ja", "en"}));
  command
      ->add_option("--years", session.locale_options().years,
                   "years as era (R7, 令和7年度) or western (2025年度) (default: the configured years, era)")
      ->check(CLI::IsMember({"era", "western"}));
}

void Session::init_logging() {
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  spdlog::level::level_enum level = spdlog::level::warn;
  text::Lang lang = reader_lang();
  std::string zone = "UTC";
  if (env_) {
    if (locale_options_.lang.empty()) lang = env_->config().lang;
    zone = env_->config().timezone;
    const auto& log = env_->config().log;
    level = spdlog::level::from_str(log.level);
    if (!log.file.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(std::filesystem::path(log.file).parent_path(), ec);
      auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(log.file, 10 << 20, 5);
      file->set_level(spdlog::level::debug);
      sinks.push_back(file);
    }
  }
  // The terminal shows warnings unless -v; the configured level applies to the file.
  sinks[0]->set_level(options_.verbose ? spdlog::level::debug : std::max(level, spdlog::level::warn));
  auto logger = std::make_shared<spdlog::logger>("sosei", sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::debug);
  // The file: ISO-8601 and spdlog's level names, for scripts; the terminal: for people.
  for (std::size_t i = 1; i < sinks.size(); ++i) sinks[i]->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
  sinks[0]->set_formatter(std::make_unique<TerminalLogFormat>(lang, zone));
  spdlog::set_default_logger(logger);
}

}  // namespace sosei::cli
