// KPIs measured in parts (小学校 / 中学校, 男 / 女): the stored values with the KPI's `combine.by`
// dimension are its parts, combined by the KPI's rule into the value that is graded, and kept beside
// it so that the report can show them (docs/evaluation.md, "Parts").
#include <algorithm>
#include <map>

#include "evaluate/format.hpp"
#include "evaluate/steps.hpp"

namespace sosei::evaluate {
namespace {

using config::CombineRule;

// The rule applied to numbers; `each` is the worst part (the smallest; lower is better: the largest).
double combine_numbers(const config::Kpi& kpi, const std::vector<double>& numbers) {
  const auto [lo, hi] = std::minmax_element(numbers.begin(), numbers.end());
  double sum = 0;
  for (double n : numbers) sum += n;
  switch (kpi.combine->rule) {
    case CombineRule::Min:
      return *lo;
    case CombineRule::Max:
      return *hi;
    case CombineRule::Mean:
      return sum / static_cast<double>(numbers.size());
    case CombineRule::Sum:
      return sum;
    case CombineRule::Each:
      break;
  }
  return kpi.direction == config::Direction::LowerIsBetter ? *hi : *lo;
}

// Labelled parts first, in the strategy's order, then the others by their value.
void order_parts(const config::Kpi& kpi, std::vector<PartValue>& parts) {
  auto rank = [&](const PartValue& p) {
    const auto& labels = kpi.combine->labels;
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (labels[i].first == p.part) return i;
    return labels.size();
  };
  std::stable_sort(parts.begin(), parts.end(), [&](const PartValue& a, const PartValue& b) {
    const auto ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : (ra == kpi.combine->labels.size() && a.part < b.part);
  });
}

std::string parts_sentence(const std::vector<PartValue>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p.part + " " + value_text(p.value);
  return out;
}

std::string rule_words(const config::Kpi& kpi) {
  return kpi.combine->rule == CombineRule::Each ? "the worst part (each must reach the target)"
                                                : to_string(kpi.combine->rule) + " of the parts";
}

}  // namespace

std::optional<std::string> part_of(const config::Kpi& kpi, const store::StoredObservation& o) {
  if (!kpi.combine || o.key.dimensions.size() != 1) return std::nullopt;
  const auto& [name, value] = *o.key.dimensions.begin();
  if (name != kpi.combine->by) return std::nullopt;
  return value;
}

YearValue combine_year(const config::Kpi& kpi, int year, std::vector<PartValue> parts) {
  order_parts(kpi, parts);
  YearValue y;
  y.year = year;
  std::vector<double> numbers;
  const PartValue* status = nullptr;
  for (const auto& p : parts) {
    if (y.period.year == 0 || end_of(p.period) > end_of(y.period)) y.period = p.period;
    y.series_break = y.series_break || p.series_break;
    if (p.value.is_number())
      numbers.push_back(p.value.number);
    else if (!status)
      status = &p;
  }
  // `each` cannot say every part reached the target when one has no figure; the others combine the
  // figures there are and say which part was not counted.
  if (numbers.empty() || (status && kpi.combine->rule == CombineRule::Each)) {
    y.value = status ? status->value : Value::status(ValueKind::Missing);
    if (status) y.note = status->part + ": " + to_string(status->value.kind);
  } else {
    y.value = Value::of(combine_numbers(kpi, numbers));
    if (status) y.note = "not counted: " + status->part + " " + to_string(status->value.kind);
  }
  y.parts = std::move(parts);
  return y;
}

std::vector<PartValue> combine_actual(const config::Kpi& kpi, const std::vector<YearValue>& years, Actual& actual) {
  if (!kpi.combine || !actual.value) return {};
  if (!is_flow(kpi.target.kind)) {
    for (const auto& y : years)
      if (!actual.periods.empty() && y.period == actual.periods.front() && !y.parts.empty()) {
        actual.formed += " (" + rule_words(kpi) + ": " + parts_sentence(y.parts) + ")";
        return y.parts;
      }
    return {};
  }
  // A flow: each part summed over the years counted, then the rule over the sums.
  std::map<std::string, PartValue> sums;
  for (const auto& y : years) {
    if (std::find(actual.periods.begin(), actual.periods.end(), y.period) == actual.periods.end()) continue;
    for (const auto& p : y.parts) {
      if (!p.value.is_number()) continue;
      auto [it, fresh] = sums.try_emplace(p.part, p);
      it->second.run_id = 0;
      it->second.period = p.period;
      it->second.series_break = it->second.series_break || p.series_break;
      if (!fresh) it->second.value = Value::of(it->second.value.number + p.value.number);
    }
  }
  if (sums.empty()) return {};
  std::vector<PartValue> parts;
  std::vector<double> numbers;
  for (auto& [_, p] : sums) {
    numbers.push_back(p.value.number);
    parts.push_back(std::move(p));
  }
  order_parts(kpi, parts);
  const double value = combine_numbers(kpi, numbers);
  actual.value = Value::of(value);
  actual.formed += "; by part: " + parts_sentence(parts) + " → " + rule_words(kpi) + " = " + number_text(value);
  return parts;
}

}  // namespace sosei::evaluate
