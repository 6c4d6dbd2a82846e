// config/grading/NAME.yaml → GradingScheme. Strict like the other config files: unknown keys, missing
// bands and unordered edges are errors at their file:line:col.
#include "evaluate/scheme_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "config/yaml_reader.hpp"

namespace sosei::evaluate {
namespace {

namespace fs = std::filesystem;

// The scheme file read as every configuration file is (config/yaml_reader.hpp): a pipe, a device, a
// huge or non-UTF-8 file, a second document, a tag or a runaway nesting is refused before it is walked.
class SchemeFile {
 public:
  explicit SchemeFile(const std::string& path) : doc_(path, path) {}

  const YAML::Node& root() const { return doc_.root(); }

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    // Grading-scheme texts are not in the config message catalogue yet: English in both languages.
    throw config::ConfigError(doc_.at(mark), text::verbatim(message));
  }
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const { fail(node.Mark(), message); }

 private:
  config::detail::Document doc_;
};

// A map whose keys must come from a fixed list.
std::map<std::string, YAML::Node> read_map(const SchemeFile& f, const YAML::Node& node, const std::string& what,
                                           const std::set<std::string>& keys) {
  if (!node.IsMap()) f.fail(node, "expected " + what + " as a map of keys");
  std::map<std::string, YAML::Node> out;
  for (const auto& kv : node) {
    const std::string key = kv.first.as<std::string>();
    if (!keys.count(key)) {
      std::string list;
      for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
      f.fail(kv.first, "unknown key '" + key + "' in " + what + "; expected one of: " + list);
    }
    if (out.count(key)) f.fail(kv.first, "duplicate key '" + key + "' in " + what);
    out.emplace(key, kv.second);
  }
  return out;
}

std::string text(const SchemeFile& f, const YAML::Node& n, const std::string& what) {
  if (!n.IsScalar() || n.Scalar().empty()) f.fail(n, "expected " + what + " as text");
  return n.Scalar();
}

double number(const SchemeFile& f, const YAML::Node& n, const std::string& what) {
  if (n.IsScalar()) {
    std::string s = n.Scalar();
    if (!s.empty() && s.back() == '%') s.pop_back();
    try {
      std::size_t used = 0;
      const double v = std::stod(s, &used);
      if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
  }
  f.fail(n, "expected " + what + " as a number (a percent: 80 or 80%)");
}

Band read_band(const SchemeFile& f, const YAML::Node& n, bool with_min) {
  auto m = read_map(
      f, n, with_min ? "a band" : "'other'",
      with_min ? std::set<std::string>{"symbol", "label", "min_percent"} : std::set<std::string>{"symbol", "label"});
  Band b;
  if (!m.count("symbol")) f.fail(n, "missing key 'symbol'");
  b.symbol = text(f, m["symbol"], "the symbol");
  b.label = m.count("label") ? text(f, m["label"], "the label") : "";
  if (m.count("min_percent")) b.min_percent = number(f, m["min_percent"], "min_percent");
  return b;
}

Mapping read_mapping(const SchemeFile& f, const YAML::Node& n, const GradingScheme& s) {
  const std::string v = text(f, n, "a grade (top, bottom, score, other or a band symbol)");
  if (v == "top") return {MapTo::Top};
  if (v == "bottom") return {MapTo::Bottom};
  if (v == "score" || v == "ratio") return {MapTo::Score};
  if (v == "other" || v == s.other.symbol) return {MapTo::Other};
  for (std::size_t i = 0; i < s.bands.size(); ++i)
    if (s.bands[i].symbol == v) return {MapTo::Band, i};
  f.fail(n, "unknown grade '" + v + "'; write top, bottom, score, other or one of the band symbols");
}

GradingScheme read_scheme(const SchemeFile& f, const std::string& path) {
  const YAML::Node& root = f.root();
  if (!root.IsDefined() || root.IsNull())
    throw config::ConfigError({path, 1, 1}, text::verbatim("the grading scheme is empty"));
  auto top = read_map(f, root, "a grading scheme",
                      {"title", "bands", "other", "grade_on", "round_ratio_to", "off_track_below_percent", "reach",
                       "at_least", "statuses", "series_break", "missing_period"});
  GradingScheme s;
  s.file = path;
  s.name = fs::path(path).stem().string();
  s.title = top.count("title") ? text(f, top["title"], "the title") : s.name;

  if (!top.count("bands")) f.fail(root, "missing key 'bands'");
  const YAML::Node bands = top["bands"];
  if (!bands.IsSequence() || bands.size() < 2) f.fail(bands, "expected at least two bands, best first");
  for (std::size_t i = 0; i < bands.size(); ++i) {
    Band b = read_band(f, bands[i], true);
    const bool last = i + 1 == bands.size();
    if (!last && !b.min_percent) f.fail(bands[i], "band '" + b.symbol + "' needs min_percent (only the last has none)");
    if (last && b.min_percent)
      f.fail(bands[i], "the last band '" + b.symbol + "' takes every score below the others: remove min_percent");
    if (!last && i > 0 && *b.min_percent >= *s.bands.back().min_percent)
      f.fail(bands[i], "min_percent must decrease from band to band (best first)");
    for (const auto& other : s.bands)
      if (other.symbol == b.symbol) f.fail(bands[i], "band symbol '" + b.symbol + "' is used twice");
    s.bands.push_back(b);
  }
  if (!top.count("other")) f.fail(root, "missing key 'other' (the grade for values that cannot be measured)");
  s.other = read_band(f, top["other"], false);
  for (const auto& b : s.bands)
    if (b.symbol == s.other.symbol)
      f.fail(top["other"], "the other grade's symbol '" + b.symbol + "' is also a band's");

  if (top.count("grade_on")) {
    const std::string g = text(f, top["grade_on"], "grade_on");
    if (g == "ratio")
      s.grade_on = GradeOn::Ratio;
    else if (g == "pace")
      s.grade_on = GradeOn::Pace;
    else
      f.fail(top["grade_on"], "grade_on is 'ratio' or 'pace', not '" + g + "'");
  }
  if (top.count("round_ratio_to")) {
    const double d = number(f, top["round_ratio_to"], "round_ratio_to");
    if (d < 0 || d > 6 || d != static_cast<int>(d)) f.fail(top["round_ratio_to"], "round_ratio_to is 0 to 6 decimals");
    s.round_ratio_to = static_cast<int>(d);
  }
  if (top.count("off_track_below_percent"))
    s.off_track_below_percent = number(f, top["off_track_below_percent"], "off_track_below_percent");

  if (top.count("reach")) {
    auto m = read_map(f, top["reach"], "'reach'", {"achieved", "not_achieved"});
    if (m.count("achieved")) s.reach_achieved = read_mapping(f, m["achieved"], s);
    if (m.count("not_achieved")) s.reach_not_achieved = read_mapping(f, m["not_achieved"], s);
  }
  if (top.count("at_least")) {
    auto m = read_map(f, top["at_least"], "'at_least'", {"achieved", "not_achieved"});
    if (m.count("achieved")) s.at_least_achieved = read_mapping(f, m["achieved"], s);
    if (m.count("not_achieved")) s.at_least_not_achieved = read_mapping(f, m["not_achieved"], s);
  }
  if (top.count("statuses")) {
    auto m = read_map(f, top["statuses"], "'statuses'",
                      {"done", "in_progress", "not_started", "not_carried_out", "missing"});
    const std::pair<const char*, Mapping*> fields[] = {{"done", &s.done},
                                                       {"in_progress", &s.in_progress},
                                                       {"not_started", &s.not_started},
                                                       {"not_carried_out", &s.not_carried_out},
                                                       {"missing", &s.missing}};
    for (const auto& [key, target] : fields) {
      if (!m.count(key)) continue;
      *target = read_mapping(f, m[key], s);
      if (target->to == MapTo::Score)
        f.fail(m[key], std::string("a status has no score: map '") + key + "' to a grade");
    }
  }
  if (top.count("series_break")) s.series_break = read_mapping(f, top["series_break"], s);
  if (top.count("missing_period")) {
    const std::string m = text(f, top["missing_period"], "missing_period");
    if (m == "carry_forward")
      s.missing_period = MissingPeriod::CarryForward;
    else if (m == "no_value")
      s.missing_period = MissingPeriod::NoValue;
    else
      f.fail(top["missing_period"], "missing_period is 'carry_forward' or 'no_value', not '" + m + "'");
  }
  return s;
}

}  // namespace

GradingScheme load_scheme(const std::string& path) {
  SchemeFile f(path);
  return read_scheme(f, path);
}

std::vector<std::string> scheme_names(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".yaml") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

GradingScheme load_scheme_named(const std::string& dir, const std::string& name) {
  const auto names = scheme_names(dir);
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    throw UnknownScheme("no grading scheme '" + name + "' in " + dir + " (schemes: " + (list.empty() ? "none" : list) +
                        ")");
  }
  return load_scheme((fs::path(dir) / (name + ".yaml")).string());
}

}  // namespace sosei::evaluate
