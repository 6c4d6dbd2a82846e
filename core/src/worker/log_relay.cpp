// Relaying a worker's output to spdlog at the level the worker logged it.
#include "worker/log_relay.hpp"

#include <spdlog/spdlog.h>

#include <string_view>

namespace sosei::worker {

void LogRelay::feed(const char* data, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (data[i] == '\n') {
      line_done();
    } else if (line_.size() < kMaxLine) {
      line_.push_back(data[i]);
    } else {
      ++dropped_;
    }
  }
}

void LogRelay::finish() {
  if (!line_.empty()) line_done();
  if (dropped_) spdlog::warn("[{}] worker output: {} more bytes not logged", label_, dropped_);
}

std::string LogRelay::tail() const {
  std::string t;
  for (const auto& l : last_) t += (t.empty() ? "" : " | ") + l;
  return t;
}

void LogRelay::line_done() {
  std::string line;
  line.swap(line_);
  if (line.empty()) return;
  last_.push_back(line.substr(0, 300));
  if (last_.size() > 2) last_.erase(last_.begin());
  if (line.size() + 1 > budget_) {
    dropped_ += line.size() + 1;
    return;
  }
  budget_ -= line.size() + 1;
  // The worker logs "<level letter> <message>"; anything else is the plugin printing.
  if (line.size() > 2 && line[1] == ' ') {
    const std::string_view m = std::string_view(line).substr(2);
    switch (line[0]) {
      case 'D':
        spdlog::debug("{}", m);
        return;
      case 'I':
        spdlog::info("{}", m);
        return;
      case 'W':
        spdlog::warn("{}", m);
        return;
      case 'E':
      case 'C':
        spdlog::error("{}", m);
        return;
      case 'T':
        spdlog::trace("{}", m);
        return;
      default:
        break;
    }
  }
  spdlog::info("[{}] worker output: {}", label_, line);
}

}  // namespace sosei::worker
