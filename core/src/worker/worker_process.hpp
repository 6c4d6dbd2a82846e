// The parent side of process isolation: starts `sosei worker`, feeds the plugin's output into the
// run's sink (which validates and stores), enforces the timeout and memory limit, and turns every
// way a worker can end (crash, exit, hang, flood) into a run result with a reason.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

#include "host/observation_sink.hpp"
#include "host/run_context.hpp"
#include "worker/protocol.hpp"

namespace sosei::worker {

struct WorkerLimits {
  std::chrono::milliseconds timeout{0};    // 0: none
  uint64_t memory_limit_bytes = 0;         // 0: none; resident memory, also the worker's address space
  std::size_t relay_log_bytes = 64 << 10;  // worker stderr/stdout passed to the log; the rest is counted
};

struct WorkerJob {
  std::string executable;  // the sosei binary (`sosei worker`)
  std::string label;       // "source/plugin", for messages
  WorkerRequest request;
  WorkerLimits limits;
  std::function<void(uint64_t done, uint64_t total)> on_progress;  // may be empty
  const std::atomic<bool>* abort = nullptr;                        // set: kill the worker, the run is aborted
};

struct WorkerOutcome {
  host::RunResult result = host::RunResult::Failed;
  bool aborted = false;  // stopped by `abort` (shutdown), not by a fault
  std::string error;
  std::string fingerprint;
  uint64_t peak_rss_bytes = 0;  // highest resident size seen while polling
};

// Runs the job under a WorkerSupervisor (worker/worker_supervisor.hpp); never throws for faults of the
// worker or plugin (they become a failed outcome).
// Throws std::runtime_error only when the worker cannot be started at all.
WorkerOutcome run_in_worker(const WorkerJob& job, host::ObservationSink& sink);

// The sosei executable to start workers with: $SOSEI_WORKER, else this process's own binary when it
// is `sosei`, else `sosei` beside it. Throws std::runtime_error when there is none.
std::string default_worker_executable();

// "SIGSEGV (Segmentation fault)".
std::string describe_signal(int signal_number);

}  // namespace sosei::worker
