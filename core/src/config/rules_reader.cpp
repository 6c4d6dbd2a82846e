// Data-quality rules from YAML: one map per rule, `kind:` first, then its own keys and `level:`.
#include "config/rules_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "config/load.hpp"
#include "text/catalogue.hpp"
#include "text/config_messages.hpp"
#include "text/phrase.hpp"

namespace sosei::config {
namespace detail {

namespace {

// "50%" → 0.5 of the previous value; "1200" (or a YAML number) → an absolute change.
void read_change(const MapReader& m, Rule& r) {
  if (!m.has("limit")) m.missing("limit");
  std::string text = as_string(m.node("limit"), m.value_at("limit"));
  r.change_is_share = !text.empty() && text.back() == '%';
  if (r.change_is_share) text.pop_back();
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v) || v < 0)
    fail(m.value_at("limit"), text::phrase(&text::ConfigMessages::rule_bad_limit, text));
  r.change = r.change_is_share ? v / 100 : v;
}

Rule read_rule(const Document& doc, const YAML::Node& node, const Location& where, const Strategy* strategy) {
  MapReader m(doc, node, where, text::phrase(&text::ConfigMessages::in_rule),
              {"kind", "level", "min", "max", "limit", "direction", "months", "dimension", "at_most", "at_least",
               "threshold", "min_history", "window"});
  if (!m.has("kind")) fail(where, text::phrase(&text::ConfigMessages::rule_no_kind));
  const std::string kind = as_string(m.node("kind"), m.value_at("kind"));
  Rule r;
  r.where = where;
  static const std::pair<const char*, RuleKind> kKinds[] = {
      {"range", RuleKind::Range},         {"max_change", RuleKind::MaxChange},
      {"monotonic", RuleKind::Monotonic}, {"completeness", RuleKind::Completeness},
      {"relation", RuleKind::Relation},   {"unit_slip", RuleKind::UnitSlip},
      {"outlier", RuleKind::Outlier}};
  bool known = false;
  for (const auto& [name, k] : kKinds)
    if (kind == name) r.kind = k, known = true;
  if (!known) fail(m.value_at("kind"), text::phrase(&text::ConfigMessages::rule_unknown_kind, kind));
  if (m.has("level")) {
    const std::string level = as_string(m.node("level"), m.value_at("level"));
    if (level != "error" && level != "warning")
      fail(m.value_at("level"), text::phrase(&text::ConfigMessages::rule_bad_level, level));
    r.level = level == "error" ? RuleLevel::Error : RuleLevel::Warning;
  }
  // Keys that belong to another kind are mistakes, not silently ignored settings.
  auto only = [&](std::initializer_list<const char*> keys) {
    for (const char* k : {"min", "max", "limit", "direction", "months", "dimension", "at_most", "at_least", "threshold",
                          "min_history", "window"}) {
      bool allowed = false;
      for (const char* a : keys) allowed = allowed || std::string_view(a) == k;
      if (!allowed && m.has(k)) fail(m.key_at(k), text::phrase(&text::ConfigMessages::rule_key_not_for_kind, k, kind));
    }
  };
  switch (r.kind) {
    case RuleKind::Range:
      only({"min", "max"});
      r.min = m.number("min");
      r.max = m.number("max");
      if (!r.min && !r.max) fail(where, text::phrase(&text::ConfigMessages::rule_range_empty));
      break;
    case RuleKind::MaxChange:
      only({"limit"});
      read_change(m, r);
      break;
    case RuleKind::Monotonic:
      only({"direction"});
      r.decreasing = m.choice("direction", {"increasing", "decreasing"}).value_or("increasing") == "decreasing";
      break;
    case RuleKind::Completeness:
      // Twelve months a year, and/or every route (district, spot…) of the year before again.
      only({"months", "dimension"});
      r.months = m.integer("months").value_or(0);
      r.dimension = m.has("dimension") ? m.required_string("dimension") : "";
      if ((m.has("months") && r.months != 12) || (r.months == 0 && r.dimension.empty()))
        fail(m.has("months") ? m.value_at("months") : where,
             text::phrase(&text::ConfigMessages::rule_completeness_what));
      break;
    case RuleKind::Relation: {
      only({"at_most", "at_least"});
      if (m.has("at_most") == m.has("at_least")) fail(where, text::phrase(&text::ConfigMessages::rule_relation_what));
      const std::string key = m.has("at_most") ? "at_most" : "at_least";
      r.at_most = key == "at_most";
      r.other = m.required_string(key);
      if (strategy && !strategy->find_kpi(r.other))
        fail(m.value_at(key), text::phrase(&text::ConfigMessages::rule_unknown_kpi, r.other));
      break;
    }
    case RuleKind::UnitSlip:
      only({});
      break;
    case RuleKind::Outlier:
      only({"threshold", "min_history", "window"});
      r.threshold = m.number("threshold").value_or(3.5);
      r.min_history = m.integer("min_history").value_or(6);
      r.window = m.integer("window").value_or(36);
      if (r.threshold <= 0 || r.min_history < 3 || r.window < r.min_history)
        fail(where, text::phrase(&text::ConfigMessages::rule_outlier_bounds));
      break;
  }
  return r;
}

}  // namespace

std::vector<Rule> read_rules(const Document& doc, const MapReader& owner, const std::string& key,
                             const Strategy* strategy) {
  std::vector<Rule> rules;
  for (const auto& [node, where] : owner.list(key)) rules.push_back(read_rule(doc, node, where, strategy));
  return rules;
}

}  // namespace detail

std::vector<SeriesRules> load_rules(const std::string& path, const Strategy& strategy,
                                    const std::vector<Source>& sources) {
  detail::Document doc(path, path);
  detail::MapReader top(doc, doc.root(), doc.start_location(), text::phrase(&text::ConfigMessages::in_rules_file),
                        {"rules"});
  std::vector<SeriesRules> all;
  for (const auto& [node, where] : top.list("rules")) {
    detail::MapReader m(doc, node, where, text::phrase(&text::ConfigMessages::in_series_rules), {"series", "rules"});
    SeriesRules s;
    s.series = m.required_string("series");
    const auto slash = s.series.find('/');
    const bool known = slash == std::string::npos ? strategy.find_kpi(s.series) != nullptr
                                                  : std::any_of(sources.begin(), sources.end(), [&](const Source& src) {
                                                      return src.id == s.series.substr(0, slash);
                                                    });
    if (!known) detail::fail(m.value_at("series"), text::phrase(&text::ConfigMessages::rule_unknown_series, s.series));
    s.rules = detail::read_rules(doc, m, "rules", &strategy);
    all.push_back(std::move(s));
  }
  return all;
}

}  // namespace sosei::config
