// Fuzz target: the strategy loader (YAML through yaml-cpp, then the model's checks) over arbitrary
// text — the strategy file is written by hand by the policy division.
// Invariants: it gives a strategy or throws ConfigError (with a message) — never another exception,
// a crash or a hang; aliases (*a) are read as the nodes they name, so an alias bomb costs no more
// than its text allows (-rss_limit_mb in tools/run-fuzz catches one that does).
#include <sys/mman.h>
#include <unistd.h>

#include <string>

#include "config/load.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 16384) return 0;  // a strategy is a few hundred lines; the search is for shapes, not length
  // The loader reads a path: an in-memory file, so that no input touches the disk.
  const int fd = memfd_create("strategy.yaml", 0);
  if (fd < 0) return 0;
  if (write(fd, data, size) == static_cast<ssize_t>(size)) {
    try {
      sosei::config::load_strategy("/proc/self/fd/" + std::to_string(fd));
    } catch (const sosei::config::ConfigError& e) {
      if (std::string(e.what()).empty()) __builtin_trap();
    }
  }
  close(fd);
  return 0;
}
