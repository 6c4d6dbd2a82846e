// `sosei worker`: one plugin run inside its own process, limited in memory, tied to its parent.
#include "worker/worker_main.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <new>

#include "host/plugin_library.hpp"
#include "host/run_context.hpp"
#include "text/bounded_text.hpp"
#include "text/sdk_text.hpp"
#include "worker/pipe_sink.hpp"
#include "worker/protocol.hpp"

namespace sosei::worker {
namespace {

// AddressSanitizer reserves terabytes of address space for its shadow memory, so an address-space
// limit would stop a sanitizer build from starting; there the parent's RSS watch is the limit.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kCanLimitAddressSpace = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kCanLimitAddressSpace = false;
#else
constexpr bool kCanLimitAddressSpace = true;
#endif
#else
constexpr bool kCanLimitAddressSpace = true;
#endif

[[noreturn]] void out_of_memory() {
  // No allocation here: the heap is exhausted.
  static const char message[] = "E worker: allocation failed under the memory limit\n";
  (void)!::write(2, message, sizeof message - 1);
  ::_exit(kExitMemoryLimit);
}

void limit_memory(uint64_t bytes) {
  if (bytes == 0) return;
  std::set_new_handler(out_of_memory);
  if (!kCanLimitAddressSpace) return;
  rlimit limit{static_cast<rlim_t>(bytes), static_cast<rlim_t>(bytes)};
  if (::setrlimit(RLIMIT_AS, &limit) != 0) std::perror("W worker: setrlimit(RLIMIT_AS)");
}

// Dies with the parent: an orphaned worker must not keep running (or holding files) after a crash.
void tie_to_parent() {
  const pid_t parent = ::getppid();
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(1);  // the parent died before the line above
}

}  // namespace

int run_worker(int in_fd, int out_fd) {
  tie_to_parent();
  ::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes an error, not a silent death
  FrameWriter out(out_fd);
  FrameBuilder frame;
  try {
    std::string storage;
    FrameCursor cursor;
    if (!read_one_frame(in_fd, storage, cursor)) {
      std::fputs("E worker: no request on the pipe (this command is started by sosei itself)\n", stderr);
      return 2;
    }
    const WorkerRequest request = decode_request(cursor);
    limit_memory(request.memory_limit_bytes);

    EndFrame end;
    std::shared_ptr<host::LoadedPlugin> plugin;
    try {
      plugin = host::load_plugin(request.plugin_file);
    } catch (const std::exception& e) {
      end.error = e.what();
    }
    if (plugin) {
      PipeSink sink(out, in_fd, request.lang);
      host::RunSettings settings;
      settings.source_id = request.source_id;
      settings.settings = request.settings;
      settings.fetch = request.fetch;
      settings.fetch.lang = request.lang;  // a failed download is worded for the city
      settings.on_progress = [&sink](uint64_t done, uint64_t total) { sink.progress(done, total); };
      host::RunContext run(plugin, std::move(settings), sink);
      const host::RunResult result = run.run();
      end.status = result == host::RunResult::Succeeded   ? EndStatus::Succeeded
                   : result == host::RunResult::Unchanged ? EndStatus::Unchanged
                                                          : EndStatus::Failed;
      // It must fit a frame; worded first, as the parent would word it, while the SDK's sentence is whole.
      end.error = text::bounded_text(text::sdk_text(run.error(), request.lang), request.lang);
      end.fingerprint = run.fingerprint();
      // malloc() failing under the address-space limit surfaces as the plugin's bad_alloc.
      if (end.status == EndStatus::Failed && request.memory_limit_bytes &&
          end.error.find("bad_alloc") != std::string::npos)
        end.error += " — the worker reached its memory limit of " + std::to_string(request.memory_limit_bytes >> 20) +
                     " MiB (raise memory_limit in the source's configuration if the data need it)";
    }
    encode_end(frame, end);
    out.write(frame.finish());
    out.flush();
    return 0;
  } catch (const ProtocolError& e) {
    std::fprintf(stderr, "E worker: %s\n", e.what());
    return 2;
  }
}

}  // namespace sosei::worker
