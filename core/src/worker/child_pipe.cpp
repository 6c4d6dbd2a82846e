// Creating the worker's pipes.
#include "worker/child_pipe.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace sosei::worker {

void Fd::reset() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Pipe make_child_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  Pipe p{Fd(fds[0]), Fd(fds[1])};
  for (Fd* f : {&p.read, &p.write}) {
    const int high = ::fcntl(f->get(), F_DUPFD_CLOEXEC, 10);
    if (high < 0) throw std::runtime_error(std::string("cannot move a pipe: ") + std::strerror(errno));
    *f = Fd(high);
  }
  return p;
}

void set_nonblocking(const Fd& fd) { ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) | O_NONBLOCK); }

}  // namespace sosei::worker
