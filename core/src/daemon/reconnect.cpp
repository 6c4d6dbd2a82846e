// The reconnect schedule (reconnect.hpp).
#include "daemon/reconnect.hpp"

#include <algorithm>

namespace sosei::daemon {

std::chrono::seconds Reconnect::delay(int attempt) {
  // 2^6 = 64 s is past the cap already: no shift beyond it, however long the server stays away.
  const int doublings = std::clamp(attempt - 1, 0, 6);
  return std::min(kFirstDelay * (1 << doublings), kLongestDelay);
}

void Reconnect::failed(std::chrono::sys_seconds now, std::string error) {
  if (attempt_ == 0) since_ = now;
  ++attempt_;
  next_at_ = now + delay(attempt_);
  error_ = std::move(error);
}

void Reconnect::succeeded() {
  attempt_ = 0;
  error_.clear();
}

}  // namespace sosei::daemon
