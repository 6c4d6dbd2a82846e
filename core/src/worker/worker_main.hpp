// The child side of process isolation: `sosei worker` reads one request, loads the plugin, runs it
// and streams what it emits to the parent. The parent validates, stores and judges the outcome.
#pragma once

namespace sosei::worker {

// File descriptors the parent sets up for the worker (stdin is /dev/null, stdout and stderr go to
// the parent's log relay, so a plugin printing to stdout cannot corrupt the protocol).
inline constexpr int kWorkerOutFd = 3;  // frames to the parent
inline constexpr int kWorkerInFd = 4;   // request and replies from the parent

// Exit code of a worker whose allocation failed under its memory limit.
inline constexpr int kExitMemoryLimit = 97;

// Runs one request; returns the process exit code (0 when an end frame was sent).
int run_worker(int in_fd = kWorkerInFd, int out_fd = kWorkerOutFd);

}  // namespace sosei::worker
