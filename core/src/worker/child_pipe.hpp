// The pipes between the parent and a worker process: owned descriptors that close themselves, placed
// where the child's dup2 onto fds 1-4 cannot collide with them.
#pragma once

#include <utility>

namespace sosei::worker {

// An owned file descriptor (-1: none).
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    reset();
    fd_ = std::exchange(o.fd_, -1);
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }

  int get() const { return fd_; }
  void reset();

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read, write;
};

// A close-on-exec pipe whose ends sit at fd >= 10, so dup2 onto 1-4 in the child never targets
// itself (dup2 onto the same number would keep close-on-exec set). Throws std::runtime_error.
Pipe make_child_pipe();

void set_nonblocking(const Fd& fd);

}  // namespace sosei::worker
