// Spawning a worker, pumping its frames and its log, and judging how it ended.
#include "worker/worker_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "worker/worker_main.hpp"

extern char** environ;

namespace sosei::worker {
namespace {

using Clock = std::chrono::steady_clock;

struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  Fd(Fd&& o) noexcept : fd(std::exchange(o.fd, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    reset();
    fd = std::exchange(o.fd, -1);
    return *this;
  }
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

// A pipe whose child end sits at fd >= 10, so dup2 onto 1-4 in the child never targets itself
// (dup2 onto the same number would keep close-on-exec set).
struct Pipe {
  Fd read, write;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  Pipe p{Fd(fds[0]), Fd(fds[1])};
  for (Fd* f : {&p.read, &p.write}) {
    const int high = ::fcntl(f->fd, F_DUPFD_CLOEXEC, 10);
    if (high < 0) throw std::runtime_error(std::string("cannot move a pipe: ") + std::strerror(errno));
    *f = Fd(high);
  }
  return p;
}

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

// Relays the worker's stdout/stderr to our log line by line, up to a budget; keeps the last lines
// for error messages; counts what it drops (a plugin printing without end cannot flood the log).
class LogRelay {
 public:
  LogRelay(std::string label, std::size_t budget) : label_(std::move(label)), budget_(budget) {}

  void feed(const char* data, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (data[i] == '\n') {
        line_done();
      } else if (line_.size() < kMaxLine) {
        line_.push_back(data[i]);
      } else {
        ++dropped_;
      }
    }
  }
  void finish() {
    if (!line_.empty()) line_done();
    if (dropped_) spdlog::warn("[{}] worker output: {} more bytes not logged", label_, dropped_);
  }
  // The last meaningful lines, for "crashed … — last output: …".
  std::string tail() const {
    std::string t;
    for (const auto& l : last_) t += (t.empty() ? "" : " | ") + l;
    return t;
  }

 private:
  static constexpr std::size_t kMaxLine = 2000;
  void line_done() {
    std::string line;
    line.swap(line_);
    if (line.empty()) return;
    last_.push_back(line.substr(0, 300));
    if (last_.size() > 2) last_.erase(last_.begin());
    if (line.size() + 1 > budget_) {
      dropped_ += line.size() + 1;
      return;
    }
    budget_ -= line.size() + 1;
    // The worker logs "<level letter> <message>"; anything else is the plugin printing.
    if (line.size() > 2 && line[1] == ' ') {
      const std::string_view m = std::string_view(line).substr(2);
      switch (line[0]) {
        case 'D': spdlog::debug("{}", m); return;
        case 'I': spdlog::info("{}", m); return;
        case 'W': spdlog::warn("{}", m); return;
        case 'E':
        case 'C': spdlog::error("{}", m); return;
        case 'T': spdlog::trace("{}", m); return;
        default: break;
      }
    }
    spdlog::info("[{}] worker output: {}", label_, line);
  }

  std::string label_;
  std::size_t budget_;
  std::string line_;
  std::vector<std::string> last_;
  std::size_t dropped_ = 0;
};

pid_t spawn_worker(const std::string& executable, const Pipe& to_worker, const Pipe& from_worker, const Pipe& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, log.write.fd, 1);
  posix_spawn_file_actions_adddup2(&actions, log.write.fd, 2);
  posix_spawn_file_actions_adddup2(&actions, from_worker.write.fd, kWorkerOutFd);
  posix_spawn_file_actions_adddup2(&actions, to_worker.read.fd, kWorkerInFd);
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

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

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
  ignore_sigpipe_once();
  Pipe to_worker = make_pipe(), from_worker = make_pipe(), log = make_pipe();
  const pid_t pid = spawn_worker(job.executable, to_worker, from_worker, log);
  // Our copies of the child's ends must close, or we would never see end of file.
  to_worker.read.reset();
  from_worker.write.reset();
  log.write.reset();

  WorkerOutcome outcome;
  LogRelay relay(job.label, job.limits.relay_log_bytes);
  FrameBuilder frame;
  std::optional<EndFrame> end;
  std::string failure;  // set when the parent stops the worker: fault, limit, rejection
  bool killed = false;
  auto kill_worker = [&](std::string why) {
    if (failure.empty()) failure = std::move(why);
    if (!killed) ::kill(pid, SIGKILL);
    killed = true;
  };

  try {
    encode_request(frame, job.request);
    FrameWriter request_writer(to_worker.write.fd);
    request_writer.write(frame.finish());
    request_writer.flush();
  } catch (const ProtocolError& e) {
    kill_worker(std::string("could not send the request to the worker: ") + e.what());
  }
  set_nonblocking(from_worker.read.fd);
  set_nonblocking(log.read.fd);

  const auto started = Clock::now();
  auto next_memory_check = started;
  FrameReader reader;
  Observation observation;
  bool frames_open = true, log_open = true;
  int status = 0;
  bool reaped = false;
  char log_buffer[16 << 10];

  auto handle_frame = [&](FrameCursor& c) {
    switch (c.type()) {
      case kObservation:
        decode_observation(c, observation);
        if (sink.accept(observation) != SOSEI_OK) kill_worker(sink.stop_reason());
        break;
      case kReject: {
        const std::string location(c.str()), reason(c.str());
        if (sink.reject(location, reason) != SOSEI_OK) kill_worker(sink.stop_reason());
        break;
      }
      case kProgress: {
        const uint64_t done = c.u64(), total = c.u64();
        if (job.on_progress) job.on_progress(done, total);
        break;
      }
      case kStateGet: {
        const auto value = sink.state(std::string(c.str()));
        frame.start(kStateValue);
        frame.u8(value ? 1 : 0);
        frame.str(value.value_or(""));
        FrameWriter w(to_worker.write.fd);
        w.write(frame.finish());
        w.flush();
        break;
      }
      case kStateSet: {
        const std::string key(c.str()), value(c.str());
        sink.set_state(key, value);
        break;
      }
      case kEnd:
        end = decode_end(c);
        break;
      default:
        throw ProtocolError("the worker sent an unknown frame type " + std::to_string(c.type()));
    }
  };

  while (!reaped) {
    const auto now = Clock::now();
    if (job.abort && job.abort->load() && !killed) {
      outcome.aborted = true;
      kill_worker("aborted: sosei is shutting down and the run did not finish within the grace period");
    }
    if (job.limits.timeout.count() > 0 && now - started > job.limits.timeout && !killed)
      kill_worker("timed out after " + std::to_string(job.limits.timeout.count() / 1000) +
                  " s; the worker process was killed");
    if (now >= next_memory_check && !killed) {
      const uint64_t rss = resident_bytes(pid);
      outcome.peak_rss_bytes = std::max(outcome.peak_rss_bytes, rss);
      if (job.limits.memory_limit_bytes && rss > job.limits.memory_limit_bytes)
        kill_worker("exceeded its memory limit of " + mib(job.limits.memory_limit_bytes) + " (resident " + mib(rss) +
                    "); the worker process was killed");
      next_memory_check = now + std::chrono::milliseconds(100);
    }

    pollfd fds[2] = {{frames_open ? from_worker.read.fd : -1, POLLIN, 0}, {log_open ? log.read.fd : -1, POLLIN, 0}};
    if (frames_open || log_open) {
      const int ready = ::poll(fds, 2, 50);
      if (ready < 0 && errno != EINTR) throw std::runtime_error(std::string("poll failed: ") + std::strerror(errno));
    }
    if (log_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      const ssize_t n = ::read(log.read.fd, log_buffer, sizeof log_buffer);
      if (n > 0) relay.feed(log_buffer, static_cast<std::size_t>(n));
      else if (n == 0 || (errno != EAGAIN && errno != EINTR)) log_open = false;
    }
    if (frames_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      try {
        if (!reader.read_from(from_worker.read.fd)) frames_open = false;
        FrameCursor c;
        while (!killed && reader.next(c)) handle_frame(c);
      } catch (const std::exception& e) {  // ProtocolError, or the store failing under the sink
        kill_worker(std::string("the run was stopped: ") + e.what());
        frames_open = false;
      }
    }
    // Reap once the protocol is closed (or the worker was killed); a grandchild may keep the log open.
    if (!frames_open || killed) {
      const pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid) reaped = true;
    }
  }
  // Whatever the worker printed last (an abort message, a sanitizer report) is still in the pipe.
  for (;;) {
    const ssize_t n = ::read(log.read.fd, log_buffer, sizeof log_buffer);
    if (n <= 0) break;
    relay.feed(log_buffer, static_cast<std::size_t>(n));
  }
  relay.finish();

  if (!failure.empty()) {
    outcome.error = job.label + ": " + failure;
    if (failure == sink.stop_reason()) outcome.error = failure;  // a rejection reads as in-process
    return outcome;
  }
  if (end && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    outcome.result = end->status == EndStatus::Succeeded   ? host::RunResult::Succeeded
                     : end->status == EndStatus::Unchanged ? host::RunResult::Unchanged
                                                           : host::RunResult::Failed;
    outcome.error = end->error;
    outcome.fingerprint = end->fingerprint;
    return outcome;
  }
  outcome.error = job.label + ": " + describe_exit(status, relay.tail());
  return outcome;
}

}  // namespace sosei::worker
