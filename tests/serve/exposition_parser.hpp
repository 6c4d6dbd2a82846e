// A strict reader of the Prometheus text exposition format (0.0.4) for the tests: every line must be
// a HELP, a TYPE or a sample of the family announced above it, label values may only use the three
// escapes, values must be floats as Prometheus spells them, and no series may repeat.
#pragma once

#include <charconv>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sosei::serve::test {

struct ParsedSample {
  std::string name;
  std::map<std::string, std::string> labels;  // unescaped
  double value = 0;
};

struct ParsedExposition {
  std::map<std::string, std::string> help;  // family → help text (unescaped)
  std::map<std::string, std::string> type;  // family → gauge, counter, …
  std::vector<ParsedSample> samples;
  std::vector<std::string> errors;  // "line 12: …"; empty when the text is valid

  std::vector<ParsedSample> of(const std::string& name) const {
    std::vector<ParsedSample> out;
    for (const auto& s : samples)
      if (s.name == name) out.push_back(s);
    return out;
  }
};

namespace exposition_detail {

inline bool name_char(char c, bool first, bool colon) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':') ||
         (!first && c >= '0' && c <= '9');
}

inline std::string take_name(std::string_view& s, bool colon) {
  std::size_t n = 0;
  while (n < s.size() && name_char(s[n], n == 0, colon)) ++n;
  std::string name(s.substr(0, n));
  s.remove_prefix(n);
  return name;
}

inline bool parse_float(std::string_view text, double& out) {
  if (text == "NaN" || text == "+Inf" || text == "-Inf") return true;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

}  // namespace exposition_detail

inline ParsedExposition parse_exposition(std::string_view text) {
  using namespace exposition_detail;
  ParsedExposition out;
  if (text.empty() || text.back() != '\n') out.errors.push_back("the text does not end with a line feed");
  std::string family;  // the family whose TYPE was read last
  std::set<std::string> finished, series;
  int line_no = 0;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    ++line_no;
    const auto fail = [&](const std::string& why) {
      out.errors.push_back("line " + std::to_string(line_no) + ": " + why + ": " + std::string(line));
    };
    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
      const bool is_help = line[2] == 'H';
      std::string_view rest = line.substr(7);
      const std::string name = take_name(rest, true);
      if (name.empty() || rest.empty() || rest.front() != ' ') {
        fail("a HELP/TYPE line without a metric name and text");
        continue;
      }
      rest.remove_prefix(1);
      if (is_help) {
        if (out.help.contains(name)) fail("a second HELP for " + name);
        std::string help;
        for (std::size_t i = 0; i < rest.size(); ++i) {
          if (rest[i] != '\\') {
            help += rest[i];
          } else if (i + 1 < rest.size() && (rest[i + 1] == '\\' || rest[i + 1] == 'n')) {
            help += rest[++i] == 'n' ? '\n' : '\\';
          } else {
            fail("a bad escape in HELP");
          }
        }
        out.help[name] = help;
      } else {
        static const std::set<std::string> kTypes{"counter", "gauge", "histogram", "summary", "untyped"};
        if (!kTypes.contains(std::string(rest))) fail("an unknown TYPE");
        if (out.type.contains(name)) fail("a second TYPE for " + name);
        if (finished.contains(name)) fail(name + " appears in two places");
        if (!family.empty() && family != name) finished.insert(family);
        out.type[name] = rest;
        family = name;
      }
      continue;
    }
    if (line.starts_with("#")) continue;  // other comments are allowed
    ParsedSample sample;
    std::string_view rest = line;
    sample.name = take_name(rest, true);
    if (sample.name.empty()) {
      fail("a sample without a metric name");
      continue;
    }
    if (sample.name != family) fail("a sample of " + sample.name + " outside its family (TYPE " + family + ")");
    if (!out.help.contains(sample.name)) fail("a sample of " + sample.name + " without HELP");
    std::string key = sample.name + "{";
    if (!rest.empty() && rest.front() == '{') {
      rest.remove_prefix(1);
      while (!rest.empty() && rest.front() != '}') {
        const std::string label = take_name(rest, false);
        if (label.empty() || rest.size() < 2 || rest[0] != '=' || rest[1] != '"') {
          fail("a label without name=\"value\"");
          break;
        }
        rest.remove_prefix(2);
        std::string value;
        bool closed = false;
        while (!rest.empty()) {
          const char c = rest.front();
          rest.remove_prefix(1);
          if (c == '"') {
            closed = true;
            break;
          }
          if (c != '\\') {
            value += c;
            continue;
          }
          if (rest.empty() || (rest.front() != '\\' && rest.front() != '"' && rest.front() != 'n')) {
            fail("a bad escape in a label value");
            break;
          }
          value += rest.front() == 'n' ? '\n' : rest.front();
          rest.remove_prefix(1);
        }
        if (!closed) {
          fail("an unterminated label value");
          break;
        }
        if (sample.labels.contains(label)) fail("label " + label + " twice");
        sample.labels[label] = value;
        key += label + "=" + value + ",";
        if (!rest.empty() && rest.front() == ',') rest.remove_prefix(1);
      }
      if (rest.empty() || rest.front() != '}') {
        fail("labels without a closing brace");
        continue;
      }
      rest.remove_prefix(1);
    }
    if (rest.empty() || rest.front() != ' ') {
      fail("no space before the value");
      continue;
    }
    rest.remove_prefix(1);
    const std::size_t space = rest.find(' ');  // an optional timestamp may follow
    if (!parse_float(rest.substr(0, space), sample.value)) fail("a value that is not a float");
    if (!series.insert(key).second) fail("the same series twice");
    out.samples.push_back(std::move(sample));
  }
  return out;
}

}  // namespace sosei::serve::test
