// Spawning a worker, pumping its frames and its log, and judging how it ended.
#include "worker/worker_supervisor.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "worker/worker_main.hpp"

extern char** environ;

namespace sosei::worker {
namespace {

using namespace std::chrono_literals;

// How often the worker's resident memory is sampled against its limit.
constexpr auto kMemoryCheckInterval = 100ms;
// How long one poll waits for output before the limits are looked at again.
constexpr int kPollMs = 50;

void ignore_sigpipe_once() {
  static const bool done = [] {
    ::signal(SIGPIPE, SIG_IGN);  // writes to a dead worker fail with EPIPE instead of killing us
    return true;
  }();
  (void)done;
}

uint64_t resident_bytes(pid_t pid) {
  std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
  uint64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

std::string mib(uint64_t bytes) { return std::to_string((bytes + (1u << 19)) >> 20) + " MiB"; }

pid_t spawn_worker(const std::string& executable, const Pipe& to_worker, const Pipe& from_worker, const Pipe& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, log.write.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, log.write.get(), 2);
  posix_spawn_file_actions_adddup2(&actions, from_worker.write.get(), kWorkerOutFd);
  posix_spawn_file_actions_adddup2(&actions, to_worker.read.get(), kWorkerInFd);
  std::string arg0 = executable, arg1 = "worker";
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, executable.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0)
    throw std::runtime_error("cannot start the worker process " + executable + ": " + std::strerror(rc) +
                             " (set SOSEI_WORKER to the sosei executable, or use isolation: none)");
  return pid;
}

// Why the worker stopped before its end frame.
std::string describe_exit(int status, const std::string& tail) {
  std::string why;
  if (WIFSIGNALED(status))
    why = "the worker process crashed with " + describe_signal(WTERMSIG(status));
  else if (WIFEXITED(status) && WEXITSTATUS(status) == kExitMemoryLimit)
    why = "the worker process ran out of memory under its limit";
  else if (WIFEXITED(status))
    why = "the worker process exited with code " + std::to_string(WEXITSTATUS(status)) + " before finishing the run";
  else
    why = "the worker process ended unexpectedly";
  if (!tail.empty()) why += " — last output: " + tail;
  return why;
}

}  // namespace

WorkerSupervisor::WorkerSupervisor(const WorkerJob& job, host::ObservationSink& sink)
    : job_(job), sink_(sink), relay_(job.label, job.limits.relay_log_bytes) {
  ignore_sigpipe_once();
  to_worker_ = make_child_pipe();
  from_worker_ = make_child_pipe();
  log_ = make_child_pipe();
  pid_ = spawn_worker(job_.executable, to_worker_, from_worker_, log_);
  // Our copies of the child's ends must close, or we would never see end of file.
  to_worker_.read.reset();
  from_worker_.write.reset();
  log_.write.reset();
}

WorkerSupervisor::~WorkerSupervisor() {
  if (pid_ <= 0 || reaped_) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status_, 0);
}

WorkerOutcome WorkerSupervisor::run() {
  send_request();
  set_nonblocking(from_worker_.read);
  set_nonblocking(log_.read);
  started_ = SteadyClock::now();
  next_memory_check_ = started_;
  while (!reaped_) {
    watch_limits();
    wait_for_output();
    relay_log();
    pump_frames();
    try_reap();
  }
  drain_log();
  return judge();
}

void WorkerSupervisor::kill_worker(std::string why) {
  if (failure_.empty()) failure_ = std::move(why);
  if (!killed_) ::kill(pid_, SIGKILL);
  killed_ = true;
}

void WorkerSupervisor::send_request() {
  try {
    encode_request(frame_, job_.request);
    FrameWriter request_writer(to_worker_.write.get());
    request_writer.write(frame_.finish());
    request_writer.flush();
  } catch (const ProtocolError& e) {
    kill_worker(std::string("could not send the request to the worker: ") + e.what());
  }
}

void WorkerSupervisor::watch_limits() {
  if (killed_) return;
  const auto now = SteadyClock::now();
  if (job_.abort && job_.abort->load()) {
    outcome_.aborted = true;
    kill_worker("aborted: sosei is shutting down and the run did not finish within the grace period");
    return;
  }
  if (job_.limits.timeout.count() > 0 && now - started_ > job_.limits.timeout) {
    kill_worker("timed out after " + std::to_string(job_.limits.timeout.count() / 1000) +
                " s; the worker process was killed");
    return;
  }
  if (now >= next_memory_check_) {
    const uint64_t rss = resident_bytes(pid_);
    outcome_.peak_rss_bytes = std::max(outcome_.peak_rss_bytes, rss);
    if (job_.limits.memory_limit_bytes && rss > job_.limits.memory_limit_bytes)
      kill_worker("exceeded its memory limit of " + mib(job_.limits.memory_limit_bytes) + " (resident " + mib(rss) +
                  "); the worker process was killed");
    next_memory_check_ = now + kMemoryCheckInterval;
  }
}

// Waits until frames or log output arrive, at most kPollMs so the limits are watched meanwhile.
void WorkerSupervisor::wait_for_output() {
  frames_ready_ = log_ready_ = false;
  if (!frames_open_ && !log_open_) return;
  pollfd fds[2] = {{frames_open_ ? from_worker_.read.get() : -1, POLLIN, 0},
                   {log_open_ ? log_.read.get() : -1, POLLIN, 0}};
  const int ready = ::poll(fds, 2, kPollMs);
  if (ready < 0 && errno != EINTR) throw std::runtime_error(std::string("poll failed: ") + std::strerror(errno));
  constexpr short kReadable = POLLIN | POLLHUP | POLLERR;
  frames_ready_ = frames_open_ && (fds[0].revents & kReadable);
  log_ready_ = log_open_ && (fds[1].revents & kReadable);
}

// One read's worth: both fds are non-blocking, so nothing here waits.
void WorkerSupervisor::relay_log() {
  if (!log_ready_) return;
  const ssize_t n = ::read(log_.read.get(), log_buffer_.data(), log_buffer_.size());
  if (n > 0)
    relay_.feed(log_buffer_.data(), static_cast<std::size_t>(n));
  else if (n == 0 || (errno != EAGAIN && errno != EINTR))
    log_open_ = false;
}

void WorkerSupervisor::pump_frames() {
  if (!frames_ready_) return;
  try {
    if (!reader_.read_from(from_worker_.read.get())) frames_open_ = false;
    FrameCursor c;
    while (!killed_ && reader_.next(c)) handle_frame(c);
  } catch (const std::exception& e) {  // ProtocolError, or the store failing under the sink
    kill_worker(std::string("the run was stopped: ") + e.what());
    frames_open_ = false;
  }
}

void WorkerSupervisor::handle_frame(FrameCursor& c) {
  switch (c.type()) {
    case kObservation:
      decode_observation(c, observation_);
      if (sink_.accept(observation_) != SOSEI_OK) kill_worker(sink_.stop_reason());
      break;
    case kReject: {
      const std::string location(c.str()), reason(c.str());
      if (sink_.reject(location, reason) != SOSEI_OK) kill_worker(sink_.stop_reason());
      break;
    }
    case kProgress: {
      const uint64_t done = c.u64(), total = c.u64();
      if (job_.on_progress) job_.on_progress(done, total);
      break;
    }
    case kStateGet:
      reply_state(std::string(c.str()));
      break;
    case kStateSet: {
      const std::string key(c.str()), value(c.str());
      sink_.set_state(key, value);
      break;
    }
    case kEnd:
      end_ = decode_end(c);
      break;
    default:
      throw ProtocolError("the worker sent an unknown frame type " + std::to_string(c.type()));
  }
}

// The worker waits for this reply, so every frame it sent before asking has been handled by now.
void WorkerSupervisor::reply_state(const std::string& key) {
  const auto value = sink_.state(key);
  frame_.start(kStateValue);
  frame_.u8(value ? 1 : 0);
  frame_.str(value.value_or(""));
  FrameWriter w(to_worker_.write.get());
  w.write(frame_.finish());
  w.flush();
}

// Reaps once the protocol is closed (or the worker was killed); a grandchild may keep the log open.
void WorkerSupervisor::try_reap() {
  if (frames_open_ && !killed_) return;
  if (::waitpid(pid_, &status_, WNOHANG) == pid_) reaped_ = true;
}

// Whatever the worker printed last (an abort message, a sanitizer report) is still in the pipe.
void WorkerSupervisor::drain_log() {
  for (;;) {
    const ssize_t n = ::read(log_.read.get(), log_buffer_.data(), log_buffer_.size());
    if (n <= 0) break;
    relay_.feed(log_buffer_.data(), static_cast<std::size_t>(n));
  }
  relay_.finish();
}

WorkerOutcome WorkerSupervisor::judge() {
  WorkerOutcome outcome = std::move(outcome_);
  if (!failure_.empty()) {
    outcome.error = job_.label + ": " + failure_;
    if (failure_ == sink_.stop_reason()) outcome.error = failure_;  // a rejection reads as in-process
    return outcome;
  }
  if (end_ && WIFEXITED(status_) && WEXITSTATUS(status_) == 0) {
    outcome.result = end_->status == EndStatus::Succeeded   ? host::RunResult::Succeeded
                     : end_->status == EndStatus::Unchanged ? host::RunResult::Unchanged
                                                            : host::RunResult::Failed;
    outcome.error = end_->error;
    outcome.fingerprint = end_->fingerprint;
    return outcome;
  }
  outcome.error = job_.label + ": " + describe_exit(status_, relay_.tail());
  return outcome;
}

}  // namespace sosei::worker
