// Per-source health from the run history: last run, last success, consecutive failures.
#include "status/status.hpp"

namespace sosei::status {

int consecutive_failures(const std::vector<store::RunRecord>& newest_first) {
  int n = 0;
  for (const auto& r : newest_first) {
    if (r.status == store::RunStatus::Failed) {
      ++n;
    } else if (r.status == store::RunStatus::Succeeded || r.status == store::RunStatus::Unchanged) {
      break;
    }
  }
  return n;
}

int StatusReport::overdue_count() const {
  int n = 0;
  for (const auto& k : kpis) n += k.overdue ? 1 : 0;
  return n;
}

}  // namespace sosei::status
