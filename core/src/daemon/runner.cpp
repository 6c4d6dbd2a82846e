// What every run needs, whether started by the daemon's loop or by `sosei import --all-due`: the
// import on its own store connection, retries, quarantines, overdue checks and webhook events.
#include "daemon/runner.hpp"

#include <spdlog/spdlog.h>

#include "app/import_run.hpp"
#include "common/date.hpp"
#include "common/time_zone.hpp"
#include "status/status.hpp"
#include "store/connection_lost.hpp"
#include "text/catalogue.hpp"
#include "text/daemon_messages.hpp"
#include "text/periods.hpp"

namespace sosei::daemon {

import::ImportOutcome Runner::run(const config::Source& source, const std::atomic<bool>* abort) const {
    return app::run_scheduled_import(env_, source, options_.worker_executable, abort);
}

std::optional<store::Quarantine> Runner::after_run(const config::Source& source, const import::ImportOutcome& outcome,
                                                   schedule::SourceTimer& timer, sys_seconds started,
                                                   sys_seconds now) const {
  const bool aborted = outcome.record.status == store::RunStatus::Aborted;
  if (aborted) return std::nullopt;  // shutdown: neither a failure nor a success
  timer.finished(outcome.ok(), started, now);
  if (outcome.ok()) {
    spdlog::info(text::say(options_.lang, &text::DaemonMessages::run_done, options_.label(source.id),
                           text::state_text(store::to_string(outcome.record.status), options_.lang),
                           outcome.record.accepted, outcome.record.inserted, outcome.record.revised));
    return std::nullopt;
  }
  notifier_.post({"run_failed", source.id, "",
                  text::say(options_.lang, &text::DaemonMessages::run_failed_event, source.id, outcome.record.error),
                  outcome.record.id});
  const int failures = timer.consecutive_failures();
  if (failures < env_.config().daemon.quarantine_after) {
    spdlog::warn(
        text::say(options_.lang, &text::DaemonMessages::run_failed, options_.label(source.id), failures,
                  text::timestamp_text(
                      std::chrono::duration_cast<std::chrono::milliseconds>(timer.due_at().time_since_epoch()).count(),
                      env_.config().timezone)));
    return std::nullopt;
  }
  const std::string reason = outcome.record.error;
  const std::string message =
      text::say(options_.lang, &text::DaemonMessages::quarantined, source.id, failures, reason, source.id);
  spdlog::error("[{}] {}", options_.label(source.id), message);
  notifier_.post({"quarantined", source.id, "", message, outcome.record.id});
  return store::Quarantine{source.id, "", reason, failures};
}

notify::NotifierOptions notifier_options(const config::AppConfig& c) {
  notify::NotifierOptions n;
  n.urls = c.daemon.webhooks;
  n.city = c.strategy.city;
  return n;
}

std::map<std::string, schedule::SourceTimer> make_timers(const app::Environment& env, store::Store& store,
                                                         sys_seconds now) {
  const date::time_zone* zone = find_time_zone(env.config().timezone);
  std::map<std::string, schedule::SourceTimer> timers;
  for (const auto& s : env.config().sources) {
    if (!s.schedule) continue;
    schedule::SourceTimer t(s.id, *s.schedule, zone);
    app::restore_timer(t, store, now);
    timers.emplace(s.id, std::move(t));
  }
  return timers;
}

void save_quarantines(std::vector<store::Quarantine>& pending, store::Store& store, text::Lang lang) {
  while (!pending.empty()) {
    try {
      store.quarantine(pending.front());
    } catch (const store::ConnectionLost&) {
      throw;  // the loop drops the store and its daemon lock, and reconnects
    } catch (const std::exception& e) {
      spdlog::warn(text::say(lang, &text::DaemonMessages::quarantine_retry, pending.front().source, e.what()));
      return;
    }
    pending.erase(pending.begin());
  }
}

bool is_pending(const std::vector<store::Quarantine>& pending, const std::string& source) {
  for (const auto& q : pending)
    if (q.source == source) return true;
  return false;
}

bool is_quarantined(store::Store& store, const std::string& source) {
  for (const auto& q : store.quarantines())
    if (q.source == source) return true;
  return false;
}

void check_overdue(const app::Environment& env, store::Store& store, notify::Notifier& notifier,
                   std::set<std::string>& notified, const Clock& clock, text::Lang lang) {
  const auto report = status::build_status(env.config(), store, today(clock, env.config().timezone), nullptr);
  for (const auto& k : report.kpis) {
    if (!k.overdue) {
      notified.erase(k.id);
      continue;
    }
    if (!notified.insert(k.id).second) continue;
    const std::string message =
        text::say(lang, &text::DaemonMessages::overdue, k.id, k.name, k.department, k.expected->str(), k.due,
                  k.latest ? k.latest->str() : std::string(text::daemon_messages(lang).overdue_none));
    spdlog::warn(message);
    notifier.post({"overdue", "", k.id, message, 0});
  }
}

}  // namespace sosei::daemon
