// The worker side of a run's observation sink: everything the plugin emits goes to the parent over
// the pipe, which validates and stores it. State reads ask the parent and wait for the answer.
#pragma once

#include "host/observation_sink.hpp"
#include "text/lang.hpp"
#include "worker/frame.hpp"

namespace sosei::worker {

class PipeSink : public host::ObservationSink {
 public:
  // `lang` words the cut of a rejection too long to send whole (text/bounded_text.hpp).
  PipeSink(FrameWriter& out, int in_fd, text::Lang lang) : out_(out), in_fd_(in_fd), lang_(lang) {}

  int32_t accept(const Observation& observation) override;
  int32_t reject(const std::string& location, const std::string& reason) override;
  const std::string& stop_reason() const override { return stop_reason_; }
  std::optional<std::string> state(const std::string& key) override;
  void set_state(const std::string& key, const std::string& value) override;

  void progress(uint64_t done, uint64_t total);

 private:
  int32_t send(std::string_view frame);

  FrameWriter& out_;
  int in_fd_;
  text::Lang lang_;
  FrameBuilder frame_;
  std::string reply_;
  std::string stop_reason_;
};

}  // namespace sosei::worker
