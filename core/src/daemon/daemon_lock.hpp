// One daemon per database: an exclusive lock on "<database>.daemon.lock" holding the owner's pid.
// The kernel drops the lock when the process dies, even by kill -9, so a stale file never blocks.
#pragma once

#include <stdexcept>
#include <string>

namespace sosei::daemon {

class AlreadyRunning : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class DaemonLock {
 public:
  // Throws AlreadyRunning naming the other daemon's pid, or std::runtime_error.
  explicit DaemonLock(const std::string& database);
  ~DaemonLock();
  DaemonLock(const DaemonLock&) = delete;
  DaemonLock& operator=(const DaemonLock&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace sosei::daemon
