// The sign-off steps (signoff.hpp): who may take which step, from which state, and the audit event
// each writes with it (the store changes the state and appends the event in one transaction).
#include "app/signoff.hpp"

#include <fmt/format.h>

#include "app/user_input.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"

namespace sosei::app {
namespace {

using store::ApprovalState;
using Why = SignoffRefused::Why;

struct StepRule {
  ApprovalState from, to;
  const char* action;  // the audit code
  bool policy_only;
};

StepRule rule_of(SignoffStep step) {
  switch (step) {
    case SignoffStep::Submit:
      return {ApprovalState::Entered, ApprovalState::Submitted, "approval.submit", false};
    case SignoffStep::Approve:
      return {ApprovalState::Submitted, ApprovalState::Approved, "approval.approve", true};
    case SignoffStep::Unlock:
      break;
  }
  return {ApprovalState::Approved, ApprovalState::Entered, "approval.unlock", true};
}

template <class... Args>
std::string say(const char* const text::Catalogue::*text, text::Lang lang, Args&&... args) {
  return fmt::format(fmt::runtime(text::catalogue(lang).*text), std::forward<Args>(args)...);
}

// A submission vouches for the values as they stood: one changed after it (an import or a hand entry
// into a submitted period) is not what the department submitted. Times are milliseconds; a run that
// committed before the submission ends at or before it (the submission waits for the writer).
bool changed_since_submitted(const store::Approval& approval, const std::string& last_change) {
  return approval.state == store::ApprovalState::Submitted && !last_change.empty() && last_change > approval.changed_at;
}

}  // namespace

std::string approval_state_text(ApprovalState state, text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  switch (state) {
    case ApprovalState::Submitted:
      return c.state_submitted;
    case ApprovalState::Approved:
      return c.state_approved;
    case ApprovalState::Entered:
      break;
  }
  return c.state_entered;
}

namespace {

// The period as the unlock command reads it, in the notation the message itself uses: R7 beside
// 令和7年度 (a bare year is the KPI's own kind of year), 2024年 for a calendar year.
std::string command_period(const Period& p, text::YearStyle years) {
  switch (p.kind) {
    case PeriodKind::FiscalYear:
      return text::year_label(p.year, years);
    case PeriodKind::CalendarYear:
      return std::to_string(p.year) + "年";
    default:
      return p.str();
  }
}

}  // namespace

std::string locked_message(const store::Approval& lock, const text::Locale& l) {
  const std::string period = text::period_text(lock.period, l.years, l.lang);
  // The day the city approved it, in the city's time zone (09:00 JST is still the day before in UTC).
  const std::string approved_at = text::timestamp_text(lock.changed_at, l.time_zone);
  return say(&text::Catalogue::refuse_locked, l.lang, lock.kpi, period, approved_at.substr(0, 10), lock.kpi,
             command_period(lock.period, l.years));
}

SignoffResult sign_off(const config::Strategy& strategy, store::Store& store, const Signer& who, SignoffStep step,
                       const SignoffRequest& request, const text::Locale& l) {
  const config::Kpi* kpi = strategy.find_kpi(request.kpi);
  if (!kpi) throw SignoffRefused(Why::NotFound, say(&text::Catalogue::refuse_unknown_kpi, l.lang, request.kpi));
  Period period;
  try {
    period = read_value_period(strategy, kpi, request.period);
  } catch (const InputError& e) {
    throw SignoffRefused(Why::BadInput, e.message(l));
  }
  StepRule rule = rule_of(step);
  // Rights before state: a department token learns nothing about a period it may not touch.
  if (rule.policy_only && !who.policy())
    throw SignoffRefused(Why::Forbidden,
                         say(&text::Catalogue::refuse_policy_only, l.lang, who.actor.token_id, who.actor.department));
  if (who.role == store::TokenRole::Department && kpi->department != who.actor.department)
    throw SignoffRefused(Why::Forbidden, say(&text::Catalogue::refuse_other_department, l.lang, kpi->id,
                                             kpi->department, who.actor.token_id, who.actor.department));
  if (step == SignoffStep::Unlock && request.reason.find_first_not_of(" \t\r\n　") == std::string::npos)
    throw SignoffRefused(Why::BadInput, text::catalogue(l.lang).refuse_no_reason);

  const std::string shown = text::period_text(period, l.years, l.lang);
  const store::Approval before = store.approval(kpi->id, period);
  auto refuse_state = [&](ApprovalState now) {
    switch (step) {
      case SignoffStep::Submit:
        return SignoffRefused(Why::Conflict, say(&text::Catalogue::refuse_submit_state, l.lang, kpi->id, shown,
                                                 approval_state_text(now, l.lang)));
      case SignoffStep::Approve:
        // Approved twice: say it is already approved, not that it was never submitted.
        return SignoffRefused(Why::Conflict,
                              say(now == ApprovalState::Approved ? &text::Catalogue::refuse_submit_state
                                                                 : &text::Catalogue::refuse_approve_state,
                                  l.lang, kpi->id, shown, approval_state_text(now, l.lang)));
      case SignoffStep::Unlock:
        break;
    }
    return SignoffRefused(Why::Conflict, say(&text::Catalogue::refuse_unlock_state, l.lang, kpi->id, shown,
                                             approval_state_text(now, l.lang)));
  };
  auto refuse_changed = [&](const std::string& last_change) {
    std::string submitted = text::timestamp_text(before.changed_at, l.time_zone),
                changed = text::timestamp_text(last_change, l.time_zone);
    if (submitted == changed) {  // within one second: the milliseconds say which came first
      const auto with_ms = [](std::string shown, const std::string& iso) {
        return iso.size() >= 23 && shown.size() >= 19 ? shown.insert(19, iso.substr(19, 4)) : shown;
      };
      submitted = with_ms(submitted, before.changed_at);
      changed = with_ms(changed, last_change);
    }
    return SignoffRefused(Why::Conflict,
                          say(&text::Catalogue::refuse_approve_changed, l.lang, kpi->id, shown, submitted, changed));
  };
  // A submitted period whose value changed since may be submitted again, and may not be approved.
  const std::string last_change = step == SignoffStep::Unlock ? std::string() : store.last_stored(kpi->id, period);
  const bool resubmit = step == SignoffStep::Submit && changed_since_submitted(before, last_change);
  if (resubmit) rule.from = ApprovalState::Submitted;
  if (before.state != rule.from) throw refuse_state(before.state);
  if (step == SignoffStep::Submit && last_change.empty())
    throw SignoffRefused(Why::Conflict, say(&text::Catalogue::refuse_no_value, l.lang, kpi->id, shown));
  if (step == SignoffStep::Approve) {
    if (changed_since_submitted(before, last_change)) throw refuse_changed(last_change);
    // The council reads an approved value as checked: one a rule flagged and nobody has looked at is not.
    std::string open;
    std::size_t count = 0;
    for (const auto& flag : store.flags({kpi->id, /*open_only=*/true, std::nullopt}))
      if (flag.key.period == period) {
        ++count;
        open.append(open.empty() ? "#" : ", #").append(std::to_string(flag.id));
      }
    if (count > 0)
      throw SignoffRefused(Why::Conflict,
                           say(&text::Catalogue::refuse_approve_open_flags, l.lang, kpi->id, shown, count, open));
  }

  store::AuditEvent event;
  event.who = who.actor;
  event.action = rule.action;
  event.kpi = kpi->id;
  event.period = period;
  event.before = store::to_string(rule.from);
  event.after = store::to_string(rule.to);
  event.reason = request.reason;
  // Someone else took the step in between: say what it is now.
  if (!store.change_approval(kpi->id, period, rule.from, rule.to, event))
    throw refuse_state(store.approval(kpi->id, period).state);
  // An import running when the approval began committed before it could be written (the approval
  // waits for the writers), after the check above: the approval is withdrawn, in the audit trail too,
  // and the period goes back to the department, as an unlock does.
  if (step == SignoffStep::Approve) {
    const std::string after = store.last_stored(kpi->id, period);
    if (changed_since_submitted(before, after)) {
      store::AuditEvent withdraw = event;
      withdraw.action = "approval.unlock";
      withdraw.before = store::to_string(ApprovalState::Approved);
      withdraw.after = store::to_string(ApprovalState::Entered);
      withdraw.reason = text::catalogue(l.lang).approval_withdrawn;
      store.change_approval(kpi->id, period, ApprovalState::Approved, ApprovalState::Entered, withdraw);
      throw refuse_changed(after);
    }
  }

  SignoffResult result;
  result.approval = store.approval(kpi->id, period);
  switch (step) {
    case SignoffStep::Submit:
      result.message =
          say(resubmit ? &text::Catalogue::resubmitted_done : &text::Catalogue::submitted_done, l.lang, kpi->id, shown);
      break;
    case SignoffStep::Approve:
      result.message = say(&text::Catalogue::approved_done, l.lang, kpi->id, shown);
      break;
    case SignoffStep::Unlock:
      result.message = say(&text::Catalogue::unlocked_done, l.lang, kpi->id, shown, request.reason);
      break;
  }
  return result;
}

bool ApprovedPeriods::contains(const std::string& kpi, const Period& period) const {
  for (const auto& a : approved)
    if (a.kpi == kpi && a.period == period) return true;
  return false;
}

ApprovedPeriods approved_periods(store::Store& store) {
  ApprovedPeriods out;
  for (auto& a : store.approvals(""))
    if (a.state == ApprovalState::Approved) out.approved.push_back(std::move(a));
  return out;
}

}  // namespace sosei::app
