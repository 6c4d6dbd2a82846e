// A connection's bytes under a deadline and a budget (connection_stream.hpp).
#include "serve/connection_stream.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace sosei::serve {
namespace {

// poll(2) that resumes after a signal; the result of the last call.
int poll_for(pollfd* fds, nfds_t count, int timeout_ms) {
  int ready;
  do ready = ::poll(fds, count, timeout_ms);
  while (ready < 0 && errno == EINTR);
  return ready;
}

}  // namespace

ConnectionStream::ConnectionStream(int fd, int wake_fd) : fd_(fd), wake_fd_(wake_fd) {}

bool ConnectionStream::wait_for_request(std::chrono::milliseconds timeout) {
  stop_ = ReadStop::None;
  if (begin_ < end_) return true;  // a pipelined request is already here
  pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
  if (poll_for(fds, 2, static_cast<int>(timeout.count())) <= 0 || fds[1].revents != 0) return false;
  const ssize_t n = ::recv(fd_, buffer_.data(), buffer_.size(), 0);
  if (n <= 0) return false;
  begin_ = 0;
  end_ = static_cast<std::size_t>(n);
  return true;
}

void ConnectionStream::begin_request(Clock::time_point deadline, std::size_t head_bytes) {
  deadline_ = deadline;
  budget_ = head_bytes;
  in_body_ = false;
  no_body_ = false;
  stop_ = ReadStop::None;
}

void ConnectionStream::begin_body(std::size_t body_bytes) {
  budget_ = body_bytes;
  in_body_ = true;
}

void ConnectionStream::begin_no_body() {
  in_body_ = true;
  no_body_ = true;
}

ssize_t ConnectionStream::fill() {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
  pollfd fds[1] = {{fd_, POLLIN, 0}};
  if (left <= 0 || poll_for(fds, 1, static_cast<int>(std::min<long long>(left, 60'000))) == 0) {
    stop_ = ReadStop::TooSlow;
    return -1;
  }
  ssize_t n;
  do n = ::recv(fd_, buffer_.data(), buffer_.size(), 0);
  while (n < 0 && errno == EINTR);
  if (n > 0) {
    begin_ = 0;
    end_ = static_cast<std::size_t>(n);
  }
  return n;
}

bool ConnectionStream::is_readable() const {
  if (begin_ < end_) return true;
  pollfd fds[1] = {{fd_, POLLIN, 0}};
  return poll_for(fds, 1, 0) > 0;
}

bool ConnectionStream::is_writable() const {
  pollfd fds[1] = {{fd_, POLLOUT, 0}};
  return poll_for(fds, 1, 0) >= 0;  // the socket's SO_SNDTIMEO (httplib's write timeout) bounds send()
}

ssize_t ConnectionStream::read(char* ptr, std::size_t size) {
  if (no_body_) return 0;  // the end of a body the head did not declare
  if (budget_ == 0) {
    // httplib reads any number of header lines, and chunked bodies without its length limit.
    stop_ = in_body_ ? ReadStop::BodyTooLarge : ReadStop::HeadTooLarge;
    return -1;
  }
  if (begin_ == end_) {
    // A request can stall past its deadline a few bytes at a time: the deadline is per request.
    if (Clock::now() >= deadline_) {
      stop_ = ReadStop::TooSlow;
      return -1;
    }
    const ssize_t n = fill();
    if (n <= 0) return n;
  }
  const std::size_t n = std::min({size, end_ - begin_, budget_});
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  budget_ -= n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, std::size_t size) {
  ssize_t n;
  do n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  return n;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const { socket_address(fd_, true, ip, port); }

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const { socket_address(fd_, false, ip, port); }

void socket_address(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* a = reinterpret_cast<sockaddr*>(&address);
  ip.clear();
  port = -1;
  if ((peer ? ::getpeername(fd, a, &length) : ::getsockname(fd, a, &length)) != 0) return;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (::getnameinfo(a, length, host, sizeof host, service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return;
  ip = host;
  port = std::atoi(service);
}

}  // namespace sosei::serve
