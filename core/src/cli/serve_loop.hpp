// Runs a bound server (`sosei serve`, `sosei hub serve`) until SIGTERM or SIGINT, which let the
// requests in flight finish; the exit code says whether it stopped as asked.
#pragma once

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>

#include "cli/session.hpp"
#include "common/signals.hpp"
#include "text/catalogue.hpp"
#include "text/phrase.hpp"

namespace sosei::cli {

// `signals` must have been blocked before the server's threads started, so a stop waits for this
// loop instead of killing the process mid-request. Server: listen() and stop() as serve::Server's.
template <class Server>
int serve_until_signal(Server& server, BlockedSignals& signals, const char* name, text::Lang lang) {
  std::atomic<bool> finished{false};
  bool served = false;
  std::thread listener([&] {
    served = server.listen();
    finished = true;
  });
  int sig = 0;
  while (!finished && sig == 0) sig = signals.wait(std::chrono::seconds(1));
  if (sig) {
    const char* abbreviation = sigabbrev_np(sig);
    std::cerr << text::say(lang, &text::Catalogue::serve_signal, name,
                           abbreviation ? "SIG" + std::string(abbreviation) : std::to_string(sig))
              << '\n';
  }
  // stop() before listen() has started listening is lost, so it is repeated until the thread ends.
  while (!finished) {
    server.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  listener.join();
  if (!served && !sig) std::cerr << text::say(lang, &text::Catalogue::serve_stopped_early, name) << '\n';
  return served || sig ? kOk : kRunFailed;
}

}  // namespace sosei::cli
