// Stop and reload signals as events a loop reads, not handlers that interrupt it: the daemon and
// `sosei serve` block them before any thread starts and read them through a signalfd.
#pragma once

#include <signal.h>

#include <chrono>
#include <initializer_list>

namespace sosei {

// Blocks `signals` in the calling thread, and so in every thread it starts afterwards (they inherit
// the mask): a SIGTERM cannot kill the process mid-write nor land in a worker thread, it waits in
// fd() until the loop takes it. The destructor restores the previous mask.
class BlockedSignals {
 public:
  explicit BlockedSignals(std::initializer_list<int> signals);
  ~BlockedSignals();
  BlockedSignals(const BlockedSignals&) = delete;
  BlockedSignals& operator=(const BlockedSignals&) = delete;

  // Readable when a signal is pending; for a loop that polls other fds as well.
  int fd() const { return fd_; }
  // The next pending signal, or 0; never blocks.
  int take();
  // The next signal received within `timeout`, or 0.
  int wait(std::chrono::milliseconds timeout);

 private:
  sigset_t set_{};
  sigset_t old_{};
  int fd_ = -1;
};

}  // namespace sosei
