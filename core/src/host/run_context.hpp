// One run of one plugin for one source: the host side of the SDK's function table. Every call into
// the plugin is guarded; every call from the plugin lands here and is checked.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "host/http_fetch.hpp"
#include "host/observation_sink.hpp"
#include "host/plugin_library.hpp"
#include "host/settings.hpp"

namespace sosei::host {

struct RunSettings {
  std::string source_id;
  ResolvedSettings settings;
  FetchOptions fetch;
  std::function<void(uint64_t done, uint64_t total)> on_progress;  // may be empty
  // When set (a daemon shutting down), emit() and read() fail so the plugin stops.
  const std::atomic<bool>* abort = nullptr;
};

enum class RunResult { Succeeded, Failed, Unchanged };

class RunContext {
 public:
  RunContext(std::shared_ptr<LoadedPlugin> plugin, RunSettings settings, ObservationSink& sink);
  ~RunContext();
  RunContext(const RunContext&) = delete;
  RunContext& operator=(const RunContext&) = delete;

  // create → run → destroy. Never throws for plugin faults: they become Failed with error().
  RunResult run();
  const std::string& error() const { return error_; }
  // Fingerprints of every input the plugin read, in order, joined with ','.
  std::string fingerprint() const;

  // Host API entry points (called through the C table).
  void log(int32_t level, const char* message);
  int32_t emit(const sosei_observation* observations, uint32_t count);
  const char* setting(const char* name);
  int32_t open_file(const char* path, const char* encoding, const char* sheet, sosei_input** out);
  int32_t fetch(const char* url, const char* encoding, const char* sheet, sosei_input** out);
  int32_t read(sosei_input* input, char* buffer, size_t capacity, size_t* got);
  const char* input_name(sosei_input* input);
  void close(sosei_input* input);
  void progress(uint64_t done, uint64_t total);
  int32_t state_get(const char* key, char* buffer, size_t capacity, size_t* length);
  int32_t state_set(const char* key, const char* value);
  void set_error(const char* message);
  int32_t reject(const char* file, uint64_t line, const char* reason);

 private:
  int32_t fail_with(int32_t code, std::string message);
  bool aborted() const { return settings_.abort && settings_.abort->load(std::memory_order_relaxed); }
  int32_t open_stream(const std::string& path, const std::string& display_name, const char* encoding, const char* sheet,
                      sosei_input** out);

  std::shared_ptr<LoadedPlugin> plugin_;
  RunSettings settings_;
  ObservationSink& sink_;
  std::string error_;         // host-detected error (wins over the plugin's message)
  std::string plugin_error_;  // set_error() from the plugin
  std::vector<std::string> fingerprints_;
  std::vector<std::unique_ptr<sosei_input>> inputs_;
  std::vector<std::string> downloads_;  // temporary files of fetched URLs, removed at the end
  std::string log_prefix_;
  std::unique_ptr<sosei_host> handle_;
  Observation observation_;  // each emitted observation converted here: no allocation once warmed up
};

}  // namespace sosei::host
