// The Prometheus text exposition format (version 0.0.4): metric families with HELP and TYPE lines,
// samples with escaped label values. Pure: the server only calls exposition() on what metrics.cpp built.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sosei::serve {

using Labels = std::vector<std::pair<std::string, std::string>>;  // name → value, in print order

struct Sample {
  Labels labels;
  double value = 0;
};

struct MetricFamily {
  std::string name;  // [a-zA-Z_:][a-zA-Z0-9_:]*; counters end in _total
  std::string help;
  std::string type;  // "gauge" or "counter"
  std::vector<Sample> samples;
};

// Label values: backslash, double quote and line feed escaped as \\ \" \n; UTF-8 kept as is.
std::string escape_label_value(std::string_view value);
// HELP text: backslash and line feed escaped.
std::string escape_help(std::string_view help);
// Shortest text that reads back to the same double; NaN, +Inf, -Inf as Prometheus spells them.
std::string format_value(double value);

// Every family with its HELP and TYPE lines, then its samples; ends with a line feed. Throws
// std::logic_error for a bad metric or label name (a bug in the caller, never data).
std::string exposition(const std::vector<MetricFamily>& families);

}  // namespace sosei::serve
