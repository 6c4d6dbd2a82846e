// The daemon's state file (daemon_state.hpp): one `key=value` per line, values without line breaks.
#include "status/daemon_state.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <map>
#include <stdexcept>

namespace sosei::status {
namespace {

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string to_string(DaemonState::Kind kind) {
  return kind == DaemonState::Kind::Running ? "running" : "reconnecting";
}

std::filesystem::path daemon_state_path(const std::filesystem::path& config_file) {
  // Named after the configuration (sosei.yaml: sosei-daemon.state), so that the cities of a hub whose
  // configurations share a folder each keep their own.
  return config_file.parent_path() / (config_file.stem().string() + "-daemon.state");
}

void write_daemon_state(const std::filesystem::path& path, const DaemonState& state) {
  const std::filesystem::path aside = path.string() + ".new";
  {
    std::ofstream out(aside, std::ios::binary | std::ios::trunc);
    out << "state=" << to_string(state.kind) << "\npid=" << state.pid << "\nsince=" << one_line(state.since)
        << "\nattempt=" << state.attempt << "\nnext_at=" << one_line(state.next_at)
        << "\nerror=" << one_line(state.error) << "\nupdated_at=" << one_line(state.updated_at) << '\n';
    if (!out.flush()) throw std::runtime_error("cannot write " + aside.string());
  }
  std::error_code ec;
  std::filesystem::rename(aside, path, ec);
  if (ec) throw std::runtime_error("cannot replace " + path.string() + ": " + ec.message());
}

std::optional<DaemonState> read_daemon_state(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::map<std::string, std::string> fields;
  for (std::string line; std::getline(in, line);)
    if (const auto eq = line.find('='); eq != std::string::npos) fields[line.substr(0, eq)] = line.substr(eq + 1);
  if (!fields.contains("state") || !fields.contains("pid")) return std::nullopt;
  DaemonState s;
  s.kind = fields["state"] == "reconnecting" ? DaemonState::Kind::Reconnecting : DaemonState::Kind::Running;
  try {
    s.pid = std::stol(fields["pid"]);
    s.attempt = fields["attempt"].empty() ? 0 : std::stoi(fields["attempt"]);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  s.since = fields["since"];
  s.next_at = fields["next_at"];
  s.error = fields["error"];
  s.updated_at = fields["updated_at"];
  // Only on this host: a daemon elsewhere writes its file elsewhere.
  s.alive = s.pid > 0 && (::kill(static_cast<pid_t>(s.pid), 0) == 0 || errno == EPERM);
  return s;
}

void remove_daemon_state(const std::filesystem::path& path) noexcept {
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

}  // namespace sosei::status
