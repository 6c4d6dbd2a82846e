// A sink that keeps what a plugin emits in memory, for runtime tests of plugins through the host.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "host/observation_sink.hpp"

namespace sosei::test_support {

struct CapturedObservation {
  std::string series;
  sosei_period period{};
  std::map<std::string, std::string> dimensions;
  int32_t value_kind = 0;
  double number = 0;
  uint32_t flags = 0;
  std::string note;
  std::string file;
  uint64_t line = 0;
};

class CaptureSink : public host::ObservationSink {
 public:
  bool skip_bad_rows = false;
  std::vector<CapturedObservation> observations;
  std::vector<std::pair<std::string, std::string>> rejections;  // (location, reason)
  std::map<std::string, std::string> states;

  int32_t accept(const sosei_observation& o) override {
    CapturedObservation c;
    c.series.assign(o.series.data, o.series.size);
    c.period = o.period;
    for (uint32_t i = 0; i < o.dimension_count; ++i)
      c.dimensions[std::string(o.dimensions[i].key.data, o.dimensions[i].key.size)] =
          std::string(o.dimensions[i].value.data, o.dimensions[i].value.size);
    c.value_kind = o.value_kind;
    c.number = o.number;
    c.flags = o.flags;
    if (o.note.data) c.note.assign(o.note.data, o.note.size);
    if (o.file.data) c.file.assign(o.file.data, o.file.size);
    c.line = o.line;
    observations.push_back(std::move(c));
    return SOSEI_OK;
  }
  int32_t reject(const std::string& location, const std::string& reason) override {
    rejections.emplace_back(location, reason);
    if (skip_bad_rows) return SOSEI_OK;
    stop_ = location + ": " + reason;
    return SOSEI_ERR_REJECTED;
  }
  const std::string& stop_reason() const override { return stop_; }
  std::optional<std::string> state(const std::string& key) override {
    auto it = states.find(key);
    return it == states.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  void set_state(const std::string& key, const std::string& value) override { states[key] = value; }

 private:
  std::string stop_;
};

}  // namespace sosei::test_support
