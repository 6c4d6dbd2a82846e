// Text forms of the config enums and the small look-ups declared in model.hpp.
#include "config/model.hpp"

#include <algorithm>

namespace sosei::config {

std::string Location::str() const {
  std::string s = file;
  if (line > 0) {
    s += ':' + std::to_string(line);
    if (column > 0) s += ':' + std::to_string(column);
  }
  return s;
}

std::string to_string(PeriodType t) { return t == PeriodType::FiscalYear ? "fiscal_year" : "calendar_year"; }

std::string to_string(TargetKind k) {
  switch (k) {
    case TargetKind::Cumulative:
      return "cumulative";
    case TargetKind::Level:
      return "level";
    case TargetKind::Stock:
      return "stock";
    case TargetKind::Rate:
      return "rate";
    case TargetKind::AtLeast:
      return "at_least";
    case TargetKind::Reach:
      return "reach";
    case TargetKind::Done:
      return "done";
    case TargetKind::VsProjection:
      return "vs_projection";
  }
  return "?";
}

std::string to_string(Direction d) { return d == Direction::HigherIsBetter ? "higher" : "lower"; }

std::string to_string(Formula f) { return f == Formula::Ratio ? "ratio" : "progress"; }

std::string to_string(ScheduleSpec::CatchUp c) {
  switch (c) {
    case ScheduleSpec::CatchUp::None:
      return "none";
    case ScheduleSpec::CatchUp::Latest:
      return "latest";
    case ScheduleSpec::CatchUp::All:
      return "all";
  }
  return "?";
}

std::string to_string(Isolation i) { return i == Isolation::Worker ? "worker" : "none"; }

std::optional<TargetKind> target_kind_from(std::string_view s) {
  for (auto k : {TargetKind::Cumulative, TargetKind::Level, TargetKind::Stock, TargetKind::Rate, TargetKind::AtLeast,
                 TargetKind::Reach, TargetKind::Done, TargetKind::VsProjection})
    if (to_string(k) == s) return k;
  return std::nullopt;
}

std::string to_string(CombineRule r) {
  switch (r) {
    case CombineRule::Min:
      return "min";
    case CombineRule::Max:
      return "max";
    case CombineRule::Mean:
      return "mean";
    case CombineRule::Sum:
      return "sum";
    case CombineRule::Each:
      return "each";
  }
  return "?";
}

std::optional<CombineRule> combine_rule_from(std::string_view s) {
  for (auto r : {CombineRule::Min, CombineRule::Max, CombineRule::Mean, CombineRule::Sum, CombineRule::Each})
    if (to_string(r) == s) return r;
  return std::nullopt;
}

std::string Combine::label_of(const std::string& part) const {
  for (const auto& [value, label] : labels)
    if (value == part) return label;
  return part;
}

const Kpi* Strategy::find_kpi(std::string_view id) const {
  for (const auto& k : kpis)
    if (k.id == id) return &k;
  return nullptr;
}

int Strategy::last_value_year() const {
  int last = last_year;
  for (const auto& k : kpis) last = std::max(last, k.target.year);
  return last;
}

const Source* AppConfig::find_source(std::string_view id) const {
  for (const auto& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace sosei::config

namespace sosei::config {

std::string to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::Range:
      return "range";
    case RuleKind::MaxChange:
      return "max_change";
    case RuleKind::Monotonic:
      return "monotonic";
    case RuleKind::Completeness:
      return "completeness";
    case RuleKind::Relation:
      return "relation";
    case RuleKind::UnitSlip:
      return "unit_slip";
    case RuleKind::Outlier:
      return "outlier";
  }
  return "?";
}

std::string to_string(RuleLevel level) { return level == RuleLevel::Error ? "error" : "warning"; }

std::vector<Rule> AppConfig::rules_for(std::string_view series) const {
  std::vector<Rule> all;
  if (const Kpi* k = strategy.find_kpi(series)) all = k->rules;
  for (const auto& r : rules)
    if (r.series == series) all.insert(all.end(), r.rules.begin(), r.rules.end());
  return all;
}

}  // namespace sosei::config
