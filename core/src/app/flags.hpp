// The data-quality flags use case (issue 14 §3, docs/quality.md): list them with their KPI and
// department, close one with a reason, and what the evaluation, report, dashboard and status need
// to know of the open ones. `sosei flags`, `POST /api/flags/ID/resolve` and the markers share it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "common/date.hpp"
#include "config/model.hpp"
#include "evaluate/evaluation.hpp"
#include "store/store.hpp"

namespace sosei::app {

struct FlagFilter {
  std::string kpi;         // a KPI id or "<source>/<series>"; empty: all
  std::string department;  // only series of this department; empty: all
  bool open_only = false;
};

struct FlagRow {
  store::QualityFlag flag;
  std::string department;  // of the KPI, or of the KPIs the series' source feeds
};

// The department a series belongs to: its KPI's, or for "<source>/<series>" the first KPI of the source.
std::string series_department(const config::AppConfig& config, const std::string& series);

std::vector<FlagRow> list_flags(const config::AppConfig& config, store::Store& store, const FlagFilter& filter);

// Closes an open flag with its audit event (false when it is not open). A department token may close
// only flags of its own department (throws std::invalid_argument otherwise); the CLI and a policy
// token close any.
bool resolve_flag(const config::AppConfig& config, store::Store& store, int64_t id, const Signer& who,
                  const std::string& note);

// The KPIs of an evaluation whose actual was formed from a period with an open flag: their actual
// is shown with the marker ※ (and the legend line text::Catalogue::flag_marker_legend).
std::set<std::string> flagged_kpis(store::Store& store, const evaluate::Evaluation& evaluation);

// Open error-level flags on KPI periods whose data are due by `today` (status --check fails on them).
int open_errors_due(const config::AppConfig& config, store::Store& store, const Date& today);

}  // namespace sosei::app
