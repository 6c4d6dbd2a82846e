// A request the server refuses: the HTTP status and one sentence saying what was wrong and what to
// do. The server turns it into {"error": "..."} for the API and into a page for the browser.
#pragma once

#include <stdexcept>
#include <string>

namespace sosei::serve {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

}  // namespace sosei::serve
