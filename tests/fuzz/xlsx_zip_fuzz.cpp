// Fuzz target: opening a file that may be a ZIP — an XLSX workbook streamed as CSV text, or a member
// of a zipped GTFS feed — over arbitrary bytes (the seeds store their members uncompressed, so that
// mutations reach the XML). What cities publish as Excel is often made by other tools.
// Invariants: text or InputError, never a crash; XML entities stay refused (no DOCTYPE expansion, no
// external entity); the output is read to a cap so that a sheet claiming a huge width cannot stall
// the search, and the memory stays under -rss_limit_mb.
#include <sys/mman.h>
#include <unistd.h>

#include <string>

#include "fuzz_target.hpp"
#include "input/input_stream.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const int fd = memfd_create("workbook.xlsx", 0);
  if (fd < 0) return 0;
  if (write(fd, data, size) == static_cast<ssize_t>(size)) {
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    for (const char* member : {"", "trips.txt"}) {
      try {
        auto stream = sosei::input::open_file(path, sosei::input::Encoding::Auto, member);
        char buffer[4096];
        std::size_t total = 0;
        while (const std::size_t n = stream->read(buffer, sizeof buffer)) {
          total += n;
          if (total > (std::size_t{16} << 20)) break;
        }
      } catch (const sosei::input::InputError&) {
      }
    }
  }
  close(fd);
  return 0;
}
