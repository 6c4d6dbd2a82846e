// config/grading/NAME.yaml → GradingScheme. Strict like the other config files, and read by the same
// reader (config/yaml_reader.hpp): a pipe, a device, a huge or non-UTF-8 file, a second document, a
// tag or a runaway nesting is refused before it is walked; unknown, duplicate and non-text keys,
// missing bands and unordered edges are errors at their file:line:col, in the reader's language.
#include "evaluate/scheme_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "config/yaml_reader.hpp"

namespace sosei::evaluate {
namespace {

namespace fs = std::filesystem;
using config::detail::Document;
using config::detail::fail;
using config::detail::MapReader;
using config::detail::section;
using text::ConfigMessages;
using text::phrase;

// A text that says something: a symbol, a label, a title.
std::string text_of(const MapReader& m, const std::string& key) {
  std::string s = m.required_string(key);
  if (s.empty()) fail(m.value_at(key), phrase(&ConfigMessages::scheme_text_empty, key));
  return s;
}

// A percent: 80 or 80%.
double percent_of(const MapReader& m, const std::string& key) {
  const std::string written = m.required_string(key);
  std::string s = written;
  if (!s.empty() && s.back() == '%') s.pop_back();
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v))
    fail(m.value_at(key), phrase(&ConfigMessages::scheme_percent, key, written));
  return v;
}

Band read_band(const Document& doc, const YAML::Node& node, const config::Location& where, text::Phrase what,
               bool with_min) {
  const MapReader m = with_min ? MapReader(doc, node, where, std::move(what), {"symbol", "label", "min_percent"})
                               : MapReader(doc, node, where, std::move(what), {"symbol", "label"});
  Band b;
  b.symbol = text_of(m, "symbol");
  if (m.has("label")) b.label = text_of(m, "label");
  if (m.has("min_percent")) b.min_percent = percent_of(m, "min_percent");
  return b;
}

std::string band_symbols(const GradingScheme& s) {
  std::string list;
  for (const auto& b : s.bands) list += (list.empty() ? "" : ", ") + b.symbol;
  return list;
}

Mapping read_mapping(const MapReader& m, const std::string& key, const GradingScheme& s) {
  const std::string v = text_of(m, key);
  if (v == "top") return {MapTo::Top};
  if (v == "bottom") return {MapTo::Bottom};
  if (v == "score" || v == "ratio") return {MapTo::Score};
  if (v == "other" || v == s.other.symbol) return {MapTo::Other};
  for (std::size_t i = 0; i < s.bands.size(); ++i)
    if (s.bands[i].symbol == v) return {MapTo::Band, i};
  fail(m.value_at(key), phrase(&ConfigMessages::unknown_grade, v, band_symbols(s)));
}

// reach: / at_least: {achieved, not_achieved}
void read_outcomes(const Document& doc, const MapReader& top, const std::string& key, const GradingScheme& s,
                   Mapping& achieved, Mapping& not_achieved) {
  if (!top.has(key)) return;
  const MapReader m(doc, top.node(key), top.value_at(key), section(key), {"achieved", "not_achieved"});
  if (m.has("achieved")) achieved = read_mapping(m, "achieved", s);
  if (m.has("not_achieved")) not_achieved = read_mapping(m, "not_achieved", s);
}

void read_bands(const Document& doc, const MapReader& top, GradingScheme& s) {
  if (!top.has("bands")) top.missing("bands");
  const auto bands = top.list("bands");
  if (bands.size() < 2) fail(top.value_at("bands"), phrase(&ConfigMessages::scheme_two_bands));
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const auto& [node, where] = bands[i];
    Band b = read_band(doc, node, where, phrase(&ConfigMessages::in_band, i + 1), true);
    const bool last = i + 1 == bands.size();
    if (!last && !b.min_percent) fail(where, phrase(&ConfigMessages::band_needs_min, b.symbol));
    if (last && b.min_percent) fail(where, phrase(&ConfigMessages::last_band_has_min, b.symbol));
    if (!last && i > 0 && *b.min_percent >= *s.bands.back().min_percent)
      fail(where, phrase(&ConfigMessages::band_min_order, b.symbol, *b.min_percent, *s.bands.back().min_percent));
    for (const auto& other : s.bands)
      if (other.symbol == b.symbol) fail(where, phrase(&ConfigMessages::band_symbol_twice, b.symbol));
    s.bands.push_back(std::move(b));
  }
}

void read_statuses(const Document& doc, const MapReader& top, GradingScheme& s) {
  if (!top.has("statuses")) return;
  const MapReader m(doc, top.node("statuses"), top.value_at("statuses"), section("statuses"),
                    {"done", "in_progress", "not_started", "not_carried_out", "missing"});
  const std::pair<const char*, Mapping*> fields[] = {{"done", &s.done},
                                                     {"in_progress", &s.in_progress},
                                                     {"not_started", &s.not_started},
                                                     {"not_carried_out", &s.not_carried_out},
                                                     {"missing", &s.missing}};
  for (const auto& [key, target] : fields) {
    if (!m.has(key)) continue;
    *target = read_mapping(m, key, s);
    if (target->to == MapTo::Score) fail(m.value_at(key), phrase(&ConfigMessages::status_has_no_score, key));
  }
}

GradingScheme read_scheme(const Document& doc, const std::string& path) {
  const YAML::Node& root = doc.root();
  if (!root.IsDefined() || root.IsNull()) fail(doc.start_location(), phrase(&ConfigMessages::scheme_empty));
  const MapReader top(doc, root, doc.start_location(), phrase(&ConfigMessages::in_scheme_file),
                      {"title", "bands", "other", "grade_on", "round_ratio_to", "off_track_below_percent", "reach",
                       "at_least", "statuses", "series_break", "missing_period"});
  GradingScheme s;
  s.file = path;
  s.name = fs::path(path).stem().string();
  s.title = top.has("title") ? text_of(top, "title") : s.name;

  read_bands(doc, top, s);
  if (!top.has("other")) top.missing("other");
  s.other = read_band(doc, top.node("other"), top.value_at("other"), section("other"), false);
  for (const auto& b : s.bands)
    if (b.symbol == s.other.symbol) fail(top.value_at("other"), phrase(&ConfigMessages::other_is_a_band, b.symbol));

  if (auto g = top.choice("grade_on", {"ratio", "pace"})) s.grade_on = *g == "ratio" ? GradeOn::Ratio : GradeOn::Pace;
  if (top.has("round_ratio_to")) {
    const std::string written = top.required_string("round_ratio_to");
    int d = -1;
    const auto [end, ec] = std::from_chars(written.data(), written.data() + written.size(), d);
    if (ec != std::errc{} || end != written.data() + written.size() || d < 0 || d > 6)
      fail(top.value_at("round_ratio_to"), phrase(&ConfigMessages::round_ratio_range, written));
    s.round_ratio_to = d;
  }
  if (top.has("off_track_below_percent")) s.off_track_below_percent = percent_of(top, "off_track_below_percent");

  read_outcomes(doc, top, "reach", s, s.reach_achieved, s.reach_not_achieved);
  read_outcomes(doc, top, "at_least", s, s.at_least_achieved, s.at_least_not_achieved);
  read_statuses(doc, top, s);
  if (top.has("series_break")) s.series_break = read_mapping(top, "series_break", s);
  if (auto m = top.choice("missing_period", {"carry_forward", "no_value"}))
    s.missing_period = *m == "carry_forward" ? MissingPeriod::CarryForward : MissingPeriod::NoValue;
  return s;
}

}  // namespace

GradingScheme load_scheme(const std::string& path) {
  const Document doc(path, path);
  return read_scheme(doc, path);
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
    throw UnknownScheme(list.empty()
                            ? phrase(&ConfigMessages::unknown_scheme, name, dir, phrase(&ConfigMessages::no_schemes))
                            : phrase(&ConfigMessages::unknown_scheme, name, dir, list));
  }
  return load_scheme((fs::path(dir) / (name + ".yaml")).string());
}

}  // namespace sosei::evaluate
