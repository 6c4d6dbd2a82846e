// The parent's loop over one worker process: sends the request, pumps the frames into the run's
// sink, relays the worker's output, enforces the timeout, memory limit and abort, reaps the worker
// and judges how it ended.
#pragma once

#include <sys/types.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "common/observation.hpp"
#include "host/observation_sink.hpp"
#include "worker/child_pipe.hpp"
#include "worker/frame.hpp"
#include "worker/log_relay.hpp"
#include "worker/protocol.hpp"
#include "worker/worker_process.hpp"

namespace sosei::worker {

class WorkerSupervisor {
 public:
  // Starts the worker. Throws std::runtime_error only when it cannot be started at all.
  WorkerSupervisor(const WorkerJob& job, host::ObservationSink& sink);
  // Kills and reaps a worker that run() left behind (it threw), so no child outlives its run.
  ~WorkerSupervisor();
  WorkerSupervisor(const WorkerSupervisor&) = delete;
  WorkerSupervisor& operator=(const WorkerSupervisor&) = delete;

  // Supervises the worker until it is reaped; call once. Faults of the worker or plugin become a
  // failed outcome, never an exception.
  WorkerOutcome run();

 private:
  using SteadyClock = std::chrono::steady_clock;

  void send_request();
  void watch_limits();
  void wait_for_output();
  void relay_log();
  void pump_frames();
  void handle_frame(FrameCursor& c);
  void reply_state(const std::string& key);
  void try_reap();
  void drain_log();
  WorkerOutcome judge();
  // Records why (the first reason wins) and kills the worker once.
  void kill_worker(std::string why);

  const WorkerJob& job_;
  host::ObservationSink& sink_;
  Pipe to_worker_, from_worker_, log_;
  pid_t pid_ = -1;

  LogRelay relay_;
  FrameBuilder frame_;
  FrameReader reader_;
  Observation observation_;  // reused by every decoded observation (its strings keep their capacity)
  std::array<char, 16 << 10> log_buffer_{};

  SteadyClock::time_point started_;
  SteadyClock::time_point next_memory_check_;
  bool frames_open_ = true;
  bool log_open_ = true;
  bool frames_ready_ = false;  // what the last poll found readable
  bool log_ready_ = false;
  bool killed_ = false;
  bool reaped_ = false;
  int status_ = 0;  // waitpid's, once reaped
  std::optional<EndFrame> end_;
  std::string failure_;  // set when the parent stops the worker: fault, limit, rejection
  WorkerOutcome outcome_;
};

}  // namespace sosei::worker
