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

  // Kept in the SDK's terms (period, value kind, file and line) that plugin tests check.
  int32_t accept(const Observation& o) override {
    CapturedObservation c;
    c.series = o.series;
    c.period = {static_cast<int32_t>(o.period.kind), o.period.year, o.period.month, o.period.day};
    c.dimensions = o.dimensions;
    c.value_kind = static_cast<int32_t>(o.value.kind);
    c.number = o.value.number;
    c.flags = o.flags;
    c.note = o.note;
    c.file = o.location;
    // "file:line": the line is the digits after the last colon.
    if (const auto colon = o.location.rfind(':');
        colon != std::string::npos && colon + 1 < o.location.size() &&
        o.location.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
      c.file = o.location.substr(0, colon);
      c.line = std::stoull(o.location.substr(colon + 1));
    }
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
