// Lazy loading of configuration, store and plugins for the CLI.
#include "cli/session.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>

#include "config/load.hpp"

namespace sosei::cli {

const config::AppConfig& Session::config() {
  if (!config_) {
    std::string path = options_.config_path;
    if (path.empty()) {
      const char* env = std::getenv("SOSEI_CONFIG");
      path = env && *env ? env : "config/sosei.yaml";
    }
    try {
      config_ = config::load_config(path);
    } catch (const config::ConfigError& e) {
      throw UsageError(e.what());
    }
    init_logging();
  }
  return *config_;
}

std::string Session::database_path() {
  if (!options_.database.empty()) return options_.database;
  return config().database;
}

store::Store& Session::store() {
  if (!store_) {
    try {
      store_ = store::open_store({database_path()});
    } catch (const store::StoreError& e) {
      throw UsageError(e.what());
    }
  }
  return *store_;
}

const host::PluginRegistry& Session::plugins() {
  if (!plugins_) plugins_ = host::PluginRegistry::scan(host::plugin_search_path(config().plugin_dirs));
  return *plugins_;
}

void Session::init_logging() {
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  spdlog::level::level_enum level = spdlog::level::warn;
  if (config_) {
    level = spdlog::level::from_str(config_->log.level);
    if (!config_->log.file.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(std::filesystem::path(config_->log.file).parent_path(), ec);
      auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(config_->log.file, 10 << 20, 5);
      file->set_level(spdlog::level::debug);
      sinks.push_back(file);
    }
  }
  // The terminal shows warnings unless -v; the configured level applies to the file.
  sinks[0]->set_level(options_.verbose ? spdlog::level::debug : std::max(level, spdlog::level::warn));
  auto logger = std::make_shared<spdlog::logger>("sosei", sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::debug);
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  spdlog::set_default_logger(logger);
}

}  // namespace sosei::cli
