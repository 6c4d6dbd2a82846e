// The daemon's loop: signals through a signalfd, due sources started on threads (each with its own
// store connection and, by default, its own worker process), results turned into retries,
// quarantines and webhook events; a store that went away tried again on the reconnect schedule.
#include "daemon/daemon_loop.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "config/load.hpp"
#include "status/daemon_state.hpp"
#include "store/connection_lost.hpp"
#include "text/daemon_messages.hpp"
#include "text/periods.hpp"

namespace sosei::daemon {
namespace {

using namespace std::chrono_literals;

// The daemon's own writes (quarantines) wait less: the loop must keep answering signals. A write
// that times out is retried at the next tick.
constexpr std::chrono::milliseconds kLoopLockWait{2000};

// The state file's times (read back by `sosei status`) are UTC ISO-8601; the log's are read by people,
// in the city's zone with its offset, as `sosei status` shows them.
std::string iso(sys_seconds t) { return app::iso_seconds(t); }
std::string local(sys_seconds t, const std::string& zone) {
  return text::timestamp_text(std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count(),
                              zone);
}

}  // namespace

Daemon::Daemon(const DaemonOptions& options)
    : options_(options),
      clock_(options_.clock ? *options_.clock : system_clock()),
      // The signals are blocked before anything else, the plugins' threads included.
      env_((block_signals(), load_environment(options_))),
      state_path_(status::daemon_state_path(env_->config_path())),
      running_since_(iso(clock_.now())) {
  try {
    connect();
  } catch (const store::ConnectionLost& e) {
    lost(clock_.now(), e.what());
  }
  notifier_ = std::make_unique<notify::Notifier>(notifier_options(env_->config()));
  runner_ = std::make_unique<Runner>(*env_, options_, *notifier_);
  if (options_.wake_fd >= 0) {
    finished_fd_ = options_.wake_fd;
  } else {
    finished_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (finished_fd_ < 0) throw std::runtime_error(std::string("eventfd failed: ") + std::strerror(errno));
    owns_finished_fd_ = true;
  }
  next_overdue_check_ = SteadyClock::now();
  write_state();
}

void Daemon::block_signals() {
  if (options_.own_signals) signals_.emplace(std::initializer_list<int>{SIGTERM, SIGINT, SIGHUP});
}

Daemon::~Daemon() {
  abort_ = true;
  for (auto& [id, r] : running_)
    if (r->thread.joinable()) r->thread.join();
  if (options_.slots) options_.slots->running -= static_cast<int>(running_.size());
  if (owns_finished_fd_) ::close(finished_fd_);
  status::remove_daemon_state(state_path_);
}

void Daemon::connect() {
  auto store =
      env_->open_store(kLoopLockWait, connected_once_ ? app::StoreOpen::MustExist : app::StoreOpen::CreateIfMissing);
  connected_once_ = true;
  auto lock = store->lock_daemon();
  if (timers_.empty()) timers_ = make_timers(*env_, *store, clock_.now());
  store_ = std::move(store);
  lock_ = std::move(lock);
}

void Daemon::lost(sys_seconds now, const std::string& error) {
  // The daemon lock goes too: its connection is most likely gone with the other one, and it is
  // taken again with the store.
  lock_.reset();
  store_.reset();
  reconnect_.failed(now, error);
  spdlog::warn(text::say(options_.lang, &text::DaemonMessages::store_unreachable, error,
                         Reconnect::delay(reconnect_.attempt()).count(),
                         local(reconnect_.next_at(), env_->config().timezone), reconnect_.attempt()));
  write_state();
}

void Daemon::try_reconnect(sys_seconds now) {
  const int attempt = reconnect_.attempt();
  try {
    connect();
  } catch (const store::ConnectionLost& e) {
    reconnect_.failed(now, e.what());
    spdlog::warn(text::say(options_.lang, &text::DaemonMessages::attempt_failed, attempt, e.what(),
                           Reconnect::delay(reconnect_.attempt()).count(),
                           local(reconnect_.next_at(), env_->config().timezone)));
    write_state();
    return;
  } catch (const store::AlreadyRunning& e) {
    // Another daemon took the database while this one was away: it schedules now.
    spdlog::error("sosei daemon: {}", e.what());
    exit_code_ = 1;
    stopping_ = true;
    stop_deadline_ = SteadyClock::now() + env_->config().daemon.grace_period;
    return;
  }
  spdlog::info(text::say(options_.lang, &text::DaemonMessages::reconnected, attempt,
                         local(reconnect_.since(), env_->config().timezone)));
  reconnect_.succeeded();
  write_state();
}

void Daemon::write_state() {
  status::DaemonState s;
  s.pid = ::getpid();
  s.updated_at = iso(clock_.now());
  if (reconnect_.reconnecting()) {
    s.kind = status::DaemonState::Kind::Reconnecting;
    s.since = iso(reconnect_.since());
    s.attempt = reconnect_.attempt();
    s.next_at = iso(reconnect_.next_at());
    s.error = reconnect_.error();
  } else {
    s.since = running_since_;
  }
  try {
    status::write_daemon_state(state_path_, s);
  } catch (const std::exception& e) {
    spdlog::warn(text::say(options_.lang, &text::DaemonMessages::state_unwritable, e.what()));
  }
}

int Daemon::run() {
  announce();
  // Due times are checked every second.
  while (tick()) wait(1s);
  return finish();
}

void Daemon::announce() const {
  const std::string city =
      options_.city.empty() ? "" : text::say(options_.lang, &text::DaemonMessages::started_city, options_.city);
  spdlog::info(text::say(options_.lang, &text::DaemonMessages::started, ::getpid(), city, env_->database(),
                         timers_.size(), env_->config().daemon.max_concurrent));
  for (const auto& [id, t] : timers_)
    spdlog::info(text::say(options_.lang, &text::DaemonMessages::next_run, options_.label(id),
                           local(t.due_at(), env_->config().timezone)));
}

int Daemon::finish() {
  if (store_) save_quarantines(pending_, *store_, options_.lang);
  for (const auto& q : pending_)
    spdlog::error(text::say(options_.lang, &text::DaemonMessages::quarantine_unrecorded, options_.label(q.source)));
  spdlog::info(options_.city.empty() ? text::say(options_.lang, &text::DaemonMessages::stopped)
                                     : text::say(options_.lang, &text::DaemonMessages::city_stopped, options_.city));
  return exit_code_;
}

bool Daemon::tick() {
  const sys_seconds now = clock_.now();
  if (reconnect_.due(now) && !stopping_) try_reconnect(now);
  try {
    reap_finished(now);
    if (stopping_) {
      if (running_.empty()) return false;
      abort_after_grace_period();
      return true;
    }
    if (reconnect_.reconnecting()) return true;  // nothing starts while the store is away
    check_overdue_when_due();
    start_due(now);
  } catch (const store::ConnectionLost& e) {
    lost(now, e.what());
  }
  return true;
}

void Daemon::wait(std::chrono::milliseconds timeout) {
  pollfd pfds[2] = {{finished_fd_, POLLIN, 0}, {signals_ ? signals_->fd() : -1, POLLIN, 0}};
  ::poll(pfds, signals_ ? 2 : 1, static_cast<int>(timeout.count()));
  uint64_t rings = 0;
  (void)!::read(finished_fd_, &rings, sizeof rings);  // EAGAIN: nothing finished
  if (signals_)
    while (const int sig = signals_->take()) handle_signal(sig);
}

void Daemon::handle_signal(int signal_number) {
  if (signal_number == SIGHUP)
    reload();
  else
    stop(signal_number);
}

// Finished runs: retries, quarantine, events.
void Daemon::reap_finished(sys_seconds now) {
  bool failed = false;
  for (auto it = running_.begin(); it != running_.end();) {
    RunningImport& r = *it->second;
    if (!r.done.load()) {
      ++it;
      continue;
    }
    r.thread.join();
    if (options_.slots) --options_.slots->running;
    failed = failed || !r.outcome.ok();
    if (auto t = timers_.find(it->first); t != timers_.end())
      if (auto q = runner_->after_run(*r.source, r.outcome, t->second, r.started, now)) pending_.push_back(*q);
    it = running_.erase(it);
  }
  if (running_.empty()) {
    retired_runners_.clear();
    retired_.clear();
  }
  if (!store_) return;
  // A run that failed may have lost the server: asking the store finds out (ConnectionLost) before
  // anything else is started.
  if (failed) store_->quarantines();
  save_quarantines(pending_, *store_, options_.lang);
}

void Daemon::start_due(sys_seconds now) {
  for (auto& [id, timer] : timers_) {
    if (static_cast<int>(running_.size()) >= env_->config().daemon.max_concurrent) break;
    if (options_.slots && options_.slots->full()) break;
    if (running_.count(id) || !timer.is_due(now)) continue;
    if (is_pending(pending_, id) || is_quarantined(*store_, id)) {
      note_held_back(id);
      continue;
    }
    held_back_.erase(id);
    start(id, now);
  }
}

void Daemon::note_held_back(const std::string& id) {
  if (held_back_.insert(id).second)
    spdlog::info(text::say(options_.lang, &text::DaemonMessages::due_but_quarantined, options_.label(id), id));
}

void Daemon::start(const std::string& id, sys_seconds now) {
  auto r = std::make_unique<RunningImport>();
  r->source = env_->config().find_source(id);
  r->started = now;
  spdlog::info(text::say(options_.lang, &text::DaemonMessages::starting_import, options_.label(id)));
  RunningImport* raw = r.get();
  const Runner* run_with = runner_.get();
  std::atomic<bool>* abort = &abort_;
  const int finished_fd = finished_fd_;
  r->thread = std::thread([raw, run_with, abort, finished_fd] {
    raw->outcome = run_with->run(*raw->source, abort);
    raw->done = true;
    const uint64_t one = 1;
    (void)!::write(finished_fd, &one, sizeof one);  // if this failed the loop still wakes within a second
  });
  running_.emplace(id, std::move(r));
  if (options_.slots) ++options_.slots->running;
}

void Daemon::check_overdue_when_due() {
  if (SteadyClock::now() < next_overdue_check_) return;
  check_overdue(*env_, *store_, *notifier_, overdue_notified_, clock_, options_.lang);
  next_overdue_check_ = SteadyClock::now() + env_->config().daemon.overdue_check;
}

void Daemon::abort_after_grace_period() {
  if (abort_.load() || SteadyClock::now() < stop_deadline_) return;
  spdlog::warn(text::say(options_.lang, &text::DaemonMessages::grace_over, running_.size()));
  abort_ = true;
}

void Daemon::reload() {
  try {
    if (!store_) throw std::runtime_error("the database is unreachable; send SIGHUP again once reconnected");
    auto fresh = load_environment(options_);
    if (fresh->database() != env_->database())
      throw std::runtime_error("the database changed (" + fresh->database() + "); restart the daemon to switch");
    // The daemon lock is the city's: a configuration of another city would schedule it unlocked.
    const auto code = [](const app::Environment& e) {
      const auto& c = e.config().strategy.city_code;
      return c ? c->digits() : std::string();
    };
    if (code(*fresh) != code(*env_))
      throw std::runtime_error("the city_code changed (" + code(*env_) + " → " + code(*fresh) +
                               "); restart the daemon to schedule another city");
    auto fresh_timers = make_timers(*fresh, *store_, clock_.now());
    retired_.push_back(std::move(env_));
    env_ = std::move(fresh);
    retired_runners_.push_back(std::move(runner_));
    runner_ = std::make_unique<Runner>(*env_, options_, *notifier_);
    // Runs in flight keep pointers into the retired configuration: re-point them by id.
    for (auto& [id, r] : running_)
      if (const auto* s = env_->config().find_source(id)) r->source = s;
    timers_ = std::move(fresh_timers);
    spdlog::info(text::say(options_.lang, &text::DaemonMessages::reloaded, options_.config_path, timers_.size()));
  } catch (const store::ConnectionLost&) {
    throw;  // handled by tick(): the store and its lock are dropped and reconnected
  } catch (const config::ConfigError& e) {
    // Log lines stay English (what() is the Japanese a person reads on the terminal).
    spdlog::error(text::say(options_.lang, &text::DaemonMessages::reload_rejected, e.message(options_.lang)));
  } catch (const std::exception& e) {
    spdlog::error(text::say(options_.lang, &text::DaemonMessages::reload_rejected, e.what()));
  }
}

void Daemon::stop(int signal_number) {
  if (stopping_) return;
  stopping_ = true;
  stop_deadline_ = SteadyClock::now() + env_->config().daemon.grace_period;
  spdlog::info(text::say(options_.lang, &text::DaemonMessages::signal_received, strsignal(signal_number),
                         running_.size(), env_->config().daemon.grace_period.count()));
}

}  // namespace sosei::daemon
