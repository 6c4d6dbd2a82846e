// What /metrics exposes: per KPI its latest value, ratio, progress, pace and grade (labelled gauges
// from the live evaluation), overdue data, and per import source its run counts, last run and last
// success. Built from plain inputs so tests need no server; prometheus.cpp prints it.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "evaluate/evaluation.hpp"
#include "serve/prometheus.hpp"
#include "status/status.hpp"
#include "store/store.hpp"

namespace sosei::serve {

struct MetricsInput {
  const evaluate::Evaluation& evaluation;            // as of today, default scheme
  const std::vector<store::SourceRunSummary>& runs;  // every source that ever ran (hand entry too)
  const status::StatusReport& status;                // configured sources and KPI freshness
};

std::vector<MetricFamily> build_metrics(const MetricsInput& input);

// "2026-11-28T11:02:03.123Z" → seconds since 1970 (UTC); nullopt for anything else.
std::optional<double> unix_seconds(std::string_view iso8601_utc);

}  // namespace sosei::serve
