// Blocking signals and reading them through a signalfd.
#include "common/signals.hpp"

#include <poll.h>
#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace sosei {

BlockedSignals::BlockedSignals(std::initializer_list<int> signals) {
  sigemptyset(&set_);
  for (int s : signals) sigaddset(&set_, s);
  if (pthread_sigmask(SIG_BLOCK, &set_, &old_) != 0) throw std::runtime_error("cannot block signals");
  fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK);
  if (fd_ < 0) {
    const int error = errno;
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    throw std::runtime_error(std::string("signalfd failed: ") + std::strerror(error));
  }
}

BlockedSignals::~BlockedSignals() {
  ::close(fd_);
  pthread_sigmask(SIG_SETMASK, &old_, nullptr);
}

int BlockedSignals::take() {
  signalfd_siginfo info;
  const ssize_t n = ::read(fd_, &info, sizeof info);
  return n == sizeof info ? static_cast<int>(info.ssi_signo) : 0;
}

int BlockedSignals::wait(std::chrono::milliseconds timeout) {
  pollfd p{fd_, POLLIN, 0};
  ::poll(&p, 1, static_cast<int>(timeout.count()));  // EINTR or a timeout: take() finds nothing
  return take();
}

}  // namespace sosei
