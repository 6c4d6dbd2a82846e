// A request a person typed that the application cannot read (an as-of date, a scheme name, a
// source id): the front-end shows the message as a usage error (CLI, exit 2) or a 400 (serve).
#pragma once

#include <stdexcept>

namespace sosei::app {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sosei::app
