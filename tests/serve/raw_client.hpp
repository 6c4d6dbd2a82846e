// A TCP connection to the test server that sends exactly the bytes it is given: what httplib::Client
// cannot or will not send (a NUL in a header, a header without end, a chunked body without end, a
// connection that says nothing).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace sosei::serve::test {

class RawConnection {
 public:
  explicit RawConnection(int port);  // connected, or fd() < 0
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  int fd() const { return fd_; }
  // Sends all of `bytes`; false once the server has closed or reset the connection.
  bool send(std::string_view bytes);
  // Whether the server sent something (or closed) within `timeout`.
  bool readable(std::chrono::milliseconds timeout) const;
  // One response: its head and a body of its Content-Length, or what came before the server closed
  // or `timeout` passed.
  std::string response(std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  int fd_ = -1;
  std::string pending_;  // read past the last response
};

// 413 of "HTTP/1.1 413 Payload Too Large\r\n…" (0 when it is not a response).
int status_of(const std::string& response);
// The body after the blank line, and one header's value ("" when absent).
std::string body_of(const std::string& response);
std::string header_of(const std::string& response, const std::string& name);

}  // namespace sosei::serve::test
