// `sosei plugin check`: what a department's CI runs on its plugin — load it and show its descriptor,
// check the settings against the declared ones, then dry-run it in a worker process on an input and
// collect the observations it would emit and the rows it rejects. Nothing is stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "host/plugin_library.hpp"
#include "host/settings.hpp"
#include "sosei/sdk.h"
#include "text/phrase.hpp"

namespace sosei::kit {

struct CheckRequest {
  std::string plugin_file;
  std::string settings_file;      // YAML: a settings map, or a source entry with `settings:`; may be empty
  std::string input_file;         // sets the `file` setting (and drops `url`); may be empty
  std::string worker_executable;  // empty: worker::default_worker_executable()
  uint64_t memory_limit_bytes = 1ull << 30;
  int timeout_seconds = 600;
  text::Lang lang = text::Lang::Ja;  // of the worker's own failures (a download's)
};

struct CheckedObservation {
  std::string series;
  std::string period;                  // FY2025, 2024, 2025-04, 2025-04-01
  std::optional<Period> period_value;  // the same, when its kind is known (shown in the city's notation)
  std::vector<std::pair<std::string, std::string>> dimensions;
  std::string value;           // number as text, or the status name (JSON)
  std::optional<Value> shown;  // the same for people (grouped, rounded, 未実施), when its kind is known
  std::string note;
  std::string location;  // file:line
  text::Phrase problem;  // why the host would refuse it structurally (none: fine)
};

struct CheckReport {
  std::optional<host::PluginMeta> plugin;  // none: refused (load_error says why)
  std::string load_error;
  std::string settings_error;        // settings refused by the declared settings (English, as in the JSON)
  text::Phrase settings_error_text;  // the same for a person, in the reader's language
  host::ResolvedSettings settings;
  bool ran = false;
  std::string result;  // succeeded, unchanged, failed
  std::string run_error;
  std::vector<CheckedObservation> observations;
  uint64_t observation_count = 0;                               // all of them; `observations` keeps the first kMaxKept
  std::vector<std::pair<std::string, std::string>> rejections;  // location, reason
  int problems = 0;                                             // observations with a problem

  static constexpr std::size_t kMaxKept = 10000;
  bool ok() const {
    return plugin && settings_error.empty() && ran && result != "failed" && rejections.empty() && problems == 0;
  }
};

// Never throws for a bad plugin, settings or input: the report says what went wrong. Throws
// config::ConfigError for an unreadable settings file (its file:line, in the reader's language).
CheckReport check_plugin(const CheckRequest& request);

}  // namespace sosei::kit
