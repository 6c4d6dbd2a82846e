// One connection's bytes as httplib reads a request from them (httplib::Stream), with the bounds of
// bounded_server.hpp: a deadline for the whole request and a byte budget for its head, then its body.
// Bytes read ahead stay buffered here across requests of a keep-alive connection.
#pragma once

#include <httplib.h>

#include <array>
#include <chrono>
#include <cstddef>

namespace sosei::serve {

// Why reading a request stopped before its end, besides the client closing.
enum class ReadStop { None, HeadTooLarge, BodyTooLarge, TooSlow };

class ConnectionStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // `wake_fd` becomes readable when the server stops: a connection waiting for a request gives up.
  ConnectionStream(int fd, int wake_fd);

  // Waits up to `timeout` for the first byte of a request. False: none came, the client left, the
  // connection was shut down to make room, or the server is stopping.
  bool wait_for_request(std::chrono::milliseconds timeout);
  // A request starts: all of it must be read by `deadline`, its head within `head_bytes`.
  void begin_request(Clock::time_point deadline, std::size_t head_bytes);
  // Its head is read: the body may take `body_bytes` more.
  void begin_body(std::size_t body_bytes);
  // Its head is read and declares no body (no Content-Length, no Transfer-Encoding): a read of the
  // body ends at once. httplib would otherwise read a PUT or POST until the client closes, which a
  // client waiting for the answer never does (curl -X PUT waited for the request timeout).
  void begin_no_body();
  // Why a read failed: a budget spent or the deadline passed (None: the client closed, or no failure).
  ReadStop stop() const { return stop_; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, std::size_t size) override;
  ssize_t write(const char* ptr, std::size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  // Waits for bytes until the deadline and reads them into the buffer: recv's result, or -1 on timeout.
  ssize_t fill();

  int fd_;
  int wake_fd_;
  std::array<char, 4096> buffer_{};
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  Clock::time_point deadline_ = Clock::time_point::max();
  std::size_t budget_ = 0;
  bool in_body_ = false;
  bool no_body_ = false;
  ReadStop stop_ = ReadStop::None;
};

// "a.b.c.d" or an IPv6 address, with the port, of either end of a socket ("" and -1 when unknown).
void socket_address(int fd, bool peer, std::string& ip, int& port);

}  // namespace sosei::serve
