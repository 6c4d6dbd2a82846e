// What the daemon says about itself between its log lines: running, or reconnecting to a store that
// went away (since when, which attempt is next and when). The daemon keeps it in a small file beside
// its configuration (the store may be the very thing it cannot reach), and `sosei status` and
// /api/status read it from there.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace sosei::status {

struct DaemonState {
  enum class Kind { Running, Reconnecting };
  Kind kind = Kind::Running;
  long pid = 0;
  bool alive = true;       // set when read: whether process `pid` still exists (false: a stale file)
  std::string since;       // ISO 8601 UTC: running since, or away since
  int attempt = 0;         // reconnecting: the number of the next attempt
  std::string next_at;     // reconnecting: when it is made (ISO 8601 UTC)
  std::string error;       // reconnecting: why the last attempt failed
  std::string updated_at;  // ISO 8601 UTC of the last write
};

std::string to_string(DaemonState::Kind kind);  // "running", "reconnecting"

// The state file of the daemon that runs the configuration `config_file`: STEM-daemon.state beside it
// (sosei-daemon.state for sosei.yaml).
std::filesystem::path daemon_state_path(const std::filesystem::path& config_file);

// Replaces the file at once (written aside, then renamed): a reader never sees half of it. Throws
// std::runtime_error when it cannot be written.
void write_daemon_state(const std::filesystem::path& path, const DaemonState& state);
// None when there is no file (no daemon ran, or it stopped cleanly) or it cannot be read.
std::optional<DaemonState> read_daemon_state(const std::filesystem::path& path);
void remove_daemon_state(const std::filesystem::path& path) noexcept;

}  // namespace sosei::status
