// Prometheus text exposition (prometheus.hpp), following
// https://prometheus.io/docs/instrumenting/exposition_formats/ for escaping and value spelling.
#include "serve/prometheus.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace sosei::serve {
namespace {

bool is_name(std::string_view name, bool colon_allowed) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon_allowed && c == ':');
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

void check_names(const MetricFamily& family) {
  if (!is_name(family.name, true)) throw std::logic_error("bad metric name '" + family.name + "'");
  if (family.type != "gauge" && family.type != "counter")
    throw std::logic_error("metric " + family.name + " has type '" + family.type + "'; use gauge or counter");
  for (const Sample& s : family.samples)
    for (const auto& [name, value] : s.labels)
      // Names starting with __ are reserved for Prometheus itself.
      if (!is_name(name, false) || name.starts_with("__"))
        throw std::logic_error("metric " + family.name + " has a bad label name '" + name + "'");
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string escape_help(std::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (char c : help) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, end) : "NaN";  // 64 bytes always fit a double
}

std::string exposition(const std::vector<MetricFamily>& families) {
  std::string out;
  for (const MetricFamily& family : families) {
    check_names(family);
    out += "# HELP " + family.name + " " + escape_help(family.help) + "\n";
    out += "# TYPE " + family.name + " " + family.type + "\n";
    for (const Sample& s : family.samples) {
      out += family.name;
      if (!s.labels.empty()) {
        out += '{';
        for (std::size_t i = 0; i < s.labels.size(); ++i) {
          if (i) out += ',';
          out += s.labels[i].first + "=\"" + escape_label_value(s.labels[i].second) + "\"";
        }
        out += '}';
      }
      out += ' ' + format_value(s.value) + '\n';
    }
  }
  return out;
}

}  // namespace sosei::serve
