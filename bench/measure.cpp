// bench_measure: runs one command and reports its wall time, peak RSS and exit status, so every
// benchmark (sosei and the references alike) is measured the same way, without /usr/bin/time.
//   bench_measure --report FILE -- COMMAND [ARGS…]
// Appends "wall_seconds=… cpu_seconds=… max_rss_kib=… exit=…" to FILE (CPU = user + system time,
// which other load on the machine inflates less than wall time); the command's output passes through.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

int usage(const char* self, std::FILE* to) {
  std::fprintf(to,
               "usage: %s --report FILE -- COMMAND [ARGS...]\n"
               "Runs COMMAND, then appends its wall time, CPU time (user + system, its waited-for children\n"
               "included), peak resident set size (the largest of the child and the processes it waited for,\n"
               "not their sum) and exit status to FILE.\n",
               self);
  return to == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string report;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") return usage(argv[0], stdout);
    if (arg == "--report" && i + 1 < argc) {
      report = argv[++i];
    } else if (arg == "--") {
      ++i;
      break;
    } else {
      return usage(argv[0], stderr);
    }
  }
  if (report.empty() || i >= argc) return usage(argv[0], stderr);

  const auto started = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) {
    std::fprintf(stderr, "bench_measure: cannot fork: %s\n", std::strerror(errno));
    return 1;
  }
  if (child == 0) {
    execvp(argv[i], argv + i);
    std::fprintf(stderr, "bench_measure: cannot run %s: %s\n", argv[i], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage used{};
  while (wait4(child, &status, 0, &used) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "bench_measure: wait4 failed: %s\n", std::strerror(errno));
      return 1;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

  std::FILE* out = std::fopen(report.c_str(), "a");
  if (!out) {
    std::fprintf(stderr, "bench_measure: cannot write %s: %s\n", report.c_str(), std::strerror(errno));
    return 1;
  }
  const double cpu = static_cast<double>(used.ru_utime.tv_sec + used.ru_stime.tv_sec) +
                     static_cast<double>(used.ru_utime.tv_usec + used.ru_stime.tv_usec) / 1e6;
  // ru_maxrss is in KiB on Linux.
  std::fprintf(out, "wall_seconds=%.6f cpu_seconds=%.6f max_rss_kib=%ld exit=%d\n", seconds, cpu, used.ru_maxrss,
               exit_code);
  std::fclose(out);
  return exit_code;
}
