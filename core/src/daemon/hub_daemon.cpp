// The hub's daemon loop (hub_daemon.hpp).
#include "daemon/hub_daemon.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "app/hub_city_pages.hpp"
#include "config/load.hpp"
#include "daemon/daemon_loop.hpp"
#include "store/store.hpp"
#include "text/daemon_messages.hpp"

namespace sosei::daemon {

HubDaemon::HubDaemon(const config::Hub& hub, const HubDaemonOptions& options)
    : signals_({SIGTERM, SIGINT, SIGHUP}), slots_{0, hub.max_concurrent}, lang_(options.lang) {
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake_fd_ < 0) throw std::runtime_error(std::string("eventfd failed: ") + std::strerror(errno));
  const std::string& shared = options.database_override.empty() ? hub.database : options.database_override;
  for (const auto& city : hub.cities) {
    const auto leave_out = [&](const std::string& reason) {
      spdlog::warn(text::say(options.lang, &text::DaemonMessages::hub_city_left_out, city.code, city.name, reason));
      unscheduled_.push_back({city.code, city.name, reason});
    };
    if (city.config.empty()) {
      leave_out(text::daemon_messages(options.lang).hub_city_no_config);
      continue;
    }
    DaemonOptions o;
    o.config_path = city.config;
    o.database_override = hub.location_of(city, shared);
    o.worker_executable = options.worker_executable;
    o.clock = options.clock;
    o.lang = options.lang;
    o.city = city.code;
    o.own_signals = false;
    o.wake_fd = wake_fd_;
    o.slots = &slots_;
    try {
      // Checked before its daemon exists: a configuration of another city must not take that city's
      // lock nor write a state file, even for a moment.
      app::check_city_configuration(
          city, o.database_override,
          app::Environment(app::EnvironmentOptions{
              .config_path = o.config_path, .database_override = o.database_override, .clock = o.clock}));
      cities_.emplace_back(city.code, std::make_unique<Daemon>(o));
    } catch (const store::AlreadyRunning& e) {
      leave_out(e.message(options.lang));
    } catch (const config::ConfigError& e) {
      leave_out(e.message(options.lang));
    } catch (const std::exception& e) {
      leave_out(e.what());
    }
  }
  if (cities_.empty()) {
    ::close(wake_fd_);
    throw NoCityToSchedule("no city of " + hub.file + " can be scheduled");
  }
}

HubDaemon::~HubDaemon() {
  cities_.clear();  // joins their runs, which ring wake_fd_ until the end
  ::close(wake_fd_);
}

int HubDaemon::run() {
  spdlog::info(text::say(lang_, &text::DaemonMessages::hub_started, ::getpid(), cities_.size(), slots_.max));
  for (const auto& [code, d] : cities_) d->announce();
  while (tick()) wait(std::chrono::seconds(1));
  int exit_code = 0;
  for (const auto& [code, d] : cities_) exit_code = std::max(exit_code, d->finish());
  spdlog::info(text::say(lang_, &text::DaemonMessages::hub_stopped));
  return exit_code;
}

bool HubDaemon::tick() {
  bool alive = false;
  const std::size_t n = cities_.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto& [code, city] = cities_[(first_ + i) % n];
    // One city's trouble (a store error while checking what is overdue, a thread that cannot start)
    // is that city's: it is logged, the city is tried again next pass, and the others go on.
    try {
      alive = city->tick() || alive;
    } catch (const std::exception& e) {
      spdlog::error(text::say(lang_, &text::DaemonMessages::hub_city_error, code, e.what()));
      alive = true;
    }
  }
  first_ = (first_ + 1) % n;
  return alive;
}

void HubDaemon::wait(std::chrono::milliseconds timeout) {
  pollfd pfds[2] = {{wake_fd_, POLLIN, 0}, {signals_.fd(), POLLIN, 0}};
  ::poll(pfds, 2, static_cast<int>(timeout.count()));
  uint64_t rings = 0;
  (void)!::read(wake_fd_, &rings, sizeof rings);  // EAGAIN: nothing finished
  while (const int sig = signals_.take()) handle_signal(sig);
}

void HubDaemon::handle_signal(int signal_number) {
  for (auto& [code, d] : cities_) d->handle_signal(signal_number);
}

std::size_t HubDaemon::running() const {
  std::size_t n = 0;
  for (const auto& [code, d] : cities_) n += d->running();
  return n;
}

std::vector<std::string> HubDaemon::scheduled() const {
  std::vector<std::string> codes;
  for (const auto& [code, d] : cities_) codes.push_back(code);
  return codes;
}

}  // namespace sosei::daemon
