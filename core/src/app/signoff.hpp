// Approval and period locks (docs/signoff.md): a KPI's period goes entered → submitted (by its
// department) → approved (by the policy division), and an approved period is locked until the
// policy division unlocks it with a reason. The CLI and the API call these; both get the same rules.
#pragma once

#include <string>

#include "app/actor.hpp"
#include "config/model.hpp"
#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::app {

enum class SignoffStep { Submit, Approve, Unlock };

struct SignoffRequest {
  std::string kpi;
  std::string period;  // as a person writes it: R7, FY2025, 2024年 …
  std::string reason;  // required to unlock; kept in the audit trail for every step
};

struct SignoffResult {
  store::Approval approval;  // after the step
  std::string message;       // for people, in the reader's language
};

// Throws SignoffRefused: unknown KPI (NotFound), a period that cannot be read or no reason to unlock
// (BadInput), a department token approving or unlocking or acting on another department's KPI
// (Forbidden), a period not in the state the step starts from, or nothing stored to submit (Conflict).
SignoffResult sign_off(const config::Strategy& strategy, store::Store& store, const Signer& who, SignoffStep step,
                       const SignoffRequest& request, const text::Locale& locale);

// What an import row or a hand entry is told when it would change the locked (approved) period.
std::string locked_message(const store::Approval& lock, const text::Locale& locale);

std::string approval_state_text(store::ApprovalState state, text::Lang lang);

// The approved periods of the strategy's KPIs as a lookup, for `report --approved-only`.
struct ApprovedPeriods {
  std::vector<store::Approval> approved;
  bool contains(const std::string& kpi, const Period& period) const;
};
ApprovedPeriods approved_periods(store::Store& store);

}  // namespace sosei::app
