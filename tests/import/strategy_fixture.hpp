// A small strategy and source for import tests, built in code.
#pragma once

#include "config/model.hpp"

namespace sosei::test_support {

inline config::Kpi kpi(std::string id, config::PeriodType type, std::optional<double> min, std::optional<double> max) {
  config::Kpi k;
  k.id = std::move(id);
  k.name_ja = k.id;
  k.period_type = type;
  k.min = min;
  k.max = max;
  return k;
}

inline config::AppConfig small_config() {
  config::AppConfig c;
  c.base_dir = "/tmp";
  c.strategy.first_year = 2025;
  c.strategy.last_year = 2029;
  c.strategy.history_from = 2020;
  c.strategy.kpis = {kpi("startups", config::PeriodType::FiscalYear, 0.0, 2.0),
                     kpi("tourism", config::PeriodType::CalendarYear, 0.0, std::nullopt),
                     kpi("unbound", config::PeriodType::FiscalYear, std::nullopt, std::nullopt)};
  config::Source s;
  s.id = "src";
  s.plugin = "good";
  s.kpis = {"startups", "tourism"};
  c.sources = {s};
  return c;
}

}  // namespace sosei::test_support
