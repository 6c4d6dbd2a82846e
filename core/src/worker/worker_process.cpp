// Running one job in a worker process, and finding the executable to start workers with.
#include "worker/worker_process.hpp"

#include <signal.h>
#include <string.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "worker/worker_supervisor.hpp"

namespace sosei::worker {

std::string describe_signal(int signal_number) {
  const char* abbrev = ::sigabbrev_np(signal_number);
  const char* text = ::sigdescr_np(signal_number);
  std::string s = abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal_number);
  if (text) s += std::string(" (") + text + ")";
  return s;
}

std::string default_worker_executable() {
  if (const char* env = std::getenv("SOSEI_WORKER"); env && *env) return env;
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    if (self.filename() == "sosei") return self.string();
    const auto sibling = self.parent_path() / "sosei";
    if (std::filesystem::exists(sibling, ec)) return sibling.string();
  }
  throw std::runtime_error("cannot find the sosei executable to start a worker process: set SOSEI_WORKER");
}

WorkerOutcome run_in_worker(const WorkerJob& job, host::ObservationSink& sink) {
  return WorkerSupervisor(job, sink).run();
}

}  // namespace sosei::worker
