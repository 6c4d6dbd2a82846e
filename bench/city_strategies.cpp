// Builds the benchmark's cities (city_strategies.hpp) in code, as the configuration loader would
// from each city's strategy.yaml, and their yearly values as the store would return them.
#include "city_strategies.hpp"

#include <sosei/sdk.h>

#include <array>
#include <string>

namespace bench {
namespace {

using sosei::Period;
using sosei::Value;
using sosei::ValueKind;
using sosei::config::Direction;
using sosei::config::Formula;
using sosei::config::Kpi;
using sosei::config::PeriodType;
using sosei::config::TargetKind;

constexpr std::array<const char*, 6> kDepartments{"産業振興課", "企画課",     "交通政策課",
                                                  "防災対策課", "学校教育課", "子育て支援課"};

// A small deterministic generator (64-bit LCG), seeded per city.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  // In [0, n).
  int below(int n) {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((state_ >> 33) % static_cast<uint64_t>(n));
  }

 private:
  uint64_t state_;
};

// The project KPIs of one goal take these shapes in turn (16 per city: every kind, both directions).
struct Shape {
  TargetKind kind;
  PeriodType period_type;
  Direction direction;
  Formula formula;
  int lag_months;
};
constexpr std::array<Shape, 8> kShapes{{
    {TargetKind::Cumulative, PeriodType::FiscalYear, Direction::HigherIsBetter, Formula::Ratio, 0},
    {TargetKind::Level, PeriodType::CalendarYear, Direction::HigherIsBetter, Formula::Ratio, 12},
    {TargetKind::Stock, PeriodType::FiscalYear, Direction::HigherIsBetter, Formula::Ratio, 0},
    {TargetKind::Rate, PeriodType::FiscalYear, Direction::HigherIsBetter, Formula::Ratio, 3},
    {TargetKind::AtLeast, PeriodType::FiscalYear, Direction::HigherIsBetter, Formula::Ratio, 0},
    {TargetKind::Reach, PeriodType::FiscalYear, Direction::HigherIsBetter, Formula::Ratio, 0},
    {TargetKind::Done, PeriodType::FiscalYear, Direction::HigherIsBetter, Formula::Ratio, 0},
    {TargetKind::Level, PeriodType::FiscalYear, Direction::LowerIsBetter, Formula::Progress, 0},
}};

sosei::config::StatedValue stated(double number, int year) {
  sosei::config::StatedValue v;
  v.text = std::to_string(static_cast<long long>(number));
  v.number = number;
  v.year = year;
  return v;
}

Kpi project_kpi(int city, int goal, int slot, const Shape& shape, Random& random) {
  Kpi k;
  k.id = "g" + std::to_string(goal) + "_k" + std::to_string(slot);
  k.name_ja = "指標 " + std::to_string(city) + "-" + std::to_string(goal) + "-" + std::to_string(slot);
  k.unit = shape.kind == TargetKind::Rate ? "%" : "件";
  k.department = kDepartments[static_cast<std::size_t>(goal * 4 + slot) % kDepartments.size()];
  k.period_type = shape.period_type;
  k.publication_lag_months = shape.lag_months;
  k.direction = shape.direction;
  k.formula = shape.formula;
  k.goal_no = goal;
  k.goal = "基本目標" + std::to_string(goal);
  k.measure = "施策" + std::to_string(goal);
  k.project = "事業" + std::to_string(slot);
  const double base = 50 + random.below(500);
  k.baseline = stated(base, 2023);
  k.target.kind = shape.kind;
  k.target.year = 2029;
  if (shape.kind == TargetKind::Done) {
    k.unit.clear();
    k.baseline = {};
    k.baseline.text = "未着手";
    k.target.value.text = "実施";
  } else if (shape.kind == TargetKind::Rate) {
    k.baseline = stated(40 + random.below(30), 2023);
    k.target.value = stated(100, 2029);
  } else if (shape.kind == TargetKind::Cumulative) {
    k.target.value = stated(5 * (10 + random.below(40)), 2029);
  } else if (shape.direction == Direction::LowerIsBetter) {
    k.target.value = stated(base * 0.8, 2029);
  } else {
    k.target.value = stated(base * (1.1 + random.below(30) / 100.0), 2029);
  }
  return k;
}

// A basic goal's numeric target against the national projection, over FY2026–FY2030 (R8–R12).
Kpi numeric_target(int goal, Random& random) {
  Kpi k;
  k.id = "g" + std::to_string(goal) + "_target";
  k.name_ja = "社会増減数 " + std::to_string(goal);
  k.unit = "人";
  k.goal_no = goal;
  k.goal = "基本目標" + std::to_string(goal);
  k.goal_level = true;
  k.baseline = stated(-1300 - random.below(200), 2020);
  k.baseline.from_year = 2015;
  k.target.kind = TargetKind::VsProjection;
  k.target.value = stated(-400 - random.below(100), 2030);
  k.target.value.from_year = 2026;
  k.target.year = 2030;
  k.target.projection = -1000 - random.below(200);
  k.target.projection_text = std::to_string(static_cast<long long>(*k.target.projection));
  return k;
}

sosei::store::StoredObservation observation(const Kpi& kpi, int year, Value value, uint32_t flags) {
  sosei::store::StoredObservation o;
  o.key.series = kpi.id;
  o.key.period = kpi.period_type == PeriodType::CalendarYear ? Period::calendar_year(year) : Period::fiscal_year(year);
  o.data.value = value;
  o.data.flags = flags;
  o.source = "bench";
  o.run_id = 1;
  return o;
}

// Ten yearly values around the line from baseline to target, with noise; a done KPI's statuses.
std::vector<sosei::store::StoredObservation> values_of(const Kpi& kpi, Random& random) {
  std::vector<sosei::store::StoredObservation> out;
  const int done_from = 2024 + random.below(8);
  for (int year = 2020; year < 2020 + kYears; ++year) {
    if (kpi.target.kind == TargetKind::Done) {
      out.push_back(
          observation(kpi, year, Value::status(year >= done_from ? ValueKind::Done : ValueKind::NotStarted), 0));
      continue;
    }
    if (random.below(40) == 0) {  // now and then a year nobody could measure
      out.push_back(observation(kpi, year, Value::status(ValueKind::Missing), 0));
      continue;
    }
    const double target = *kpi.target.value.number;
    double v = 0;
    if (kpi.target.kind == TargetKind::Cumulative) {
      v = target / 5 * (0.6 + random.below(80) / 100.0);
    } else if (kpi.target.kind == TargetKind::VsProjection) {
      v = target / 5 * (0.5 + random.below(150) / 100.0);
    } else {
      const double base = kpi.baseline.number.value_or(target * 0.8);
      v = base + (target - base) * (year - 2020) / 9.0 * (0.7 + random.below(60) / 100.0);
      if (kpi.target.kind == TargetKind::Rate && v > 100) v = 100;
    }
    const uint32_t flags = random.below(50) == 0 ? SOSEI_OBS_SERIES_BREAK : 0;
    out.push_back(observation(kpi, year, Value::of(static_cast<double>(static_cast<long long>(v))), flags));
  }
  return out;
}

}  // namespace

CityData make_city(int index) {
  Random random(static_cast<uint64_t>(index) + 1);
  CityData city;
  auto& s = city.strategy;
  s.name = "まち・ひと・しごと創生総合戦略 " + std::to_string(index + 1);
  s.city = "市町村" + std::to_string(index + 1);
  s.first_year = 2025;
  s.last_year = 2029;
  s.history_from = 2015;
  for (int goal = 1; goal <= 4; ++goal) {
    sosei::config::Goal g;
    g.no = goal;
    g.name = "基本目標" + std::to_string(goal);
    for (int slot = 0; slot < 4; ++slot) {
      const Shape& shape = kShapes[static_cast<std::size_t>((goal - 1) * 4 + slot + index) % kShapes.size()];
      s.kpis.push_back(project_kpi(index, goal, slot, shape, random));
      g.kpi_ids.push_back(s.kpis.back().id);
    }
    s.kpis.push_back(numeric_target(goal, random));
    g.numeric_target_ids.push_back(s.kpis.back().id);
    s.goals.push_back(std::move(g));
  }
  for (const auto& kpi : s.kpis) city.observations[kpi.id] = values_of(kpi, random);
  return city;
}

std::vector<CityData> make_cities(int count) {
  std::vector<CityData> cities;
  cities.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) cities.push_back(make_city(i));
  return cities;
}

}  // namespace bench
