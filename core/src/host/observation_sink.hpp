// Where a running plugin's observations go. In-process it is the validating store writer
// (import/); in a worker process (issue #5) it is the pipe to the parent.
#pragma once

#include <optional>
#include <string>

#include "common/observation.hpp"

namespace sosei::host {

class ObservationSink {
 public:
  virtual ~ObservationSink() = default;
  // SOSEI_OK: accepted, or rejected and counted because the source skips bad rows.
  // SOSEI_ERR_REJECTED: the run must stop; stop_reason() says why. `observation` is the caller's
  // reused buffer: copy what must outlive the call.
  virtual int32_t accept(const Observation& observation) = 0;
  // A record the plugin could not read; same results as accept().
  virtual int32_t reject(const std::string& location, const std::string& reason) = 0;
  virtual const std::string& stop_reason() const = 0;

  virtual std::optional<std::string> state(const std::string& key) = 0;
  virtual void set_state(const std::string& key, const std::string& value) = 0;
};

}  // namespace sosei::host
