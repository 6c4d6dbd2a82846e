// `sosei serve [--bind 127.0.0.1] [--port 8080]`: the dashboard, JSON API, /metrics and hand entry
// (docs/serve.md) until SIGTERM or SIGINT, which let requests in flight finish.
#include <signal.h>
#include <spdlog/sinks/sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <ctime>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "serve/server.hpp"

namespace sosei::cli {
namespace {

// Blocks SIGTERM and SIGINT in this thread and every thread started after it (the server's), so
// they wait for sigtimedwait() below instead of killing the process mid-request.
class BlockedStopSignals {
 public:
  BlockedStopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~BlockedStopSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  BlockedStopSignals(const BlockedStopSignals&) = delete;
  BlockedStopSignals& operator=(const BlockedStopSignals&) = delete;

  // The signal received within a second, or 0.
  int wait_a_second() const {
    const timespec second{1, 0};
    const int sig = sigtimedwait(&set_, nullptr, &second);
    return sig > 0 ? sig : 0;
  }

 private:
  sigset_t set_{};
  sigset_t old_{};
};

}  // namespace

void add_serve_command(CLI::App& app, CommandEnv env) {
  auto* cmd = app.add_subcommand(
      "serve",
      "Serve the dashboard (/), the JSON API (/api/…), Prometheus metrics (/metrics) and hand entry (/entry) "
      "until SIGTERM/SIGINT (docs/serve.md)");
  auto options = std::make_shared<serve::ServeOptions>();
  cmd->add_option("--bind", options->bind,
                  "address to listen on; anything but loopback needs a department token first (sosei token create)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "TCP port (0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->callback([env, options] {
    const auto& config = env.session.config();
    // A server's log is its stderr (journald): entries are logged at info, so show the configured level.
    if (!env.session.options().verbose)
      spdlog::default_logger()->sinks().front()->set_level(spdlog::level::from_str(config.log.level));
    env.session.store();  // creates and migrates the database before the server opens its connections
    // A client that hangs up mid-response must cost one response, not the process.
    signal(SIGPIPE, SIG_IGN);
    BlockedStopSignals signals;
    serve::Server server(env.session.env(), *options);
    int port = 0;
    try {
      port = server.bind();
    } catch (const serve::ServeRefused& e) {
      throw UsageError(std::string("serve: ") + e.what());
    } catch (const serve::ServeError& e) {
      std::cerr << "sosei serve: " << e.what() << '\n';
      env.exit_code = kRunFailed;
      return;
    }
    const std::string base =
        "http://" + (options->bind.find(':') != std::string::npos ? "[" + options->bind + "]" : options->bind) + ":" +
        std::to_string(port);
    std::cout << "sosei serve: " << base << "/ (dashboard), " << base << "/entry (hand entry), " << base
              << "/api/kpis, " << base << "/metrics — SIGTERM or Ctrl-C stops" << std::endl;

    std::atomic<bool> finished{false};
    bool served = false;
    std::thread listener([&] {
      served = server.listen();
      finished = true;
    });
    int sig = 0;
    while (!finished && sig == 0) sig = signals.wait_a_second();
    if (sig) std::cerr << "sosei serve: " << strsignal(sig) << " received: finishing the requests in flight\n";
    // stop() before listen() has started listening is lost, so it is repeated until the thread ends.
    while (!finished) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    listener.join();
    if (!served && !sig) std::cerr << "sosei serve: the server stopped unexpectedly (see the log)\n";
    env.exit_code = served || sig ? kOk : kRunFailed;
  });
}

}  // namespace sosei::cli
