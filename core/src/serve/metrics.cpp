// The families of /metrics (metrics.hpp). Names follow Prometheus conventions: a sosei_ prefix, base
// units (seconds), _total for counters, _timestamp_seconds for points in time. A KPI or source with
// no such value has no sample, rather than a made-up 0.
#include "serve/metrics.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace sosei::serve {
namespace {

void add_if(MetricFamily& family, Labels labels, const std::optional<double>& value) {
  if (value && std::isfinite(*value)) family.samples.push_back({std::move(labels), *value});
}

Labels kpi_labels(const config::Kpi& kpi) { return {{"kpi", kpi.id}, {"department", kpi.department}}; }

// The newest year with a number: what a chart's last point shows.
const evaluate::YearValue* latest_number(const evaluate::KpiEvaluation& e) {
  const evaluate::YearValue* latest = nullptr;
  for (const auto& y : e.years)
    if (y.value.is_number() && (!latest || latest->period < y.period)) latest = &y;
  return latest;
}

std::vector<MetricFamily> kpi_families(const evaluate::Evaluation& evaluation, const status::StatusReport& status) {
  MetricFamily info{
      "sosei_kpi_info", "The strategy's KPIs: name, unit and basic goal as labels; always 1.", "gauge", {}};
  MetricFamily latest{"sosei_kpi_latest_value",
                      "Newest published value of a KPI as of today (numbers only), in the KPI's unit; the period "
                      "label says which year it is.",
                      "gauge",
                      {}};
  MetricFamily ratio{"sosei_kpi_ratio", "Actual against target as a fraction (1 = target reached).", "gauge", {}};
  MetricFamily progress{"sosei_kpi_progress",
                        "Progress from the baseline (or projection) towards the target as a fraction.",
                        "gauge",
                        {}};
  MetricFamily pace{"sosei_kpi_pace_ratio", "Actual against what was expected by today, as a fraction.", "gauge", {}};
  MetricFamily grade{"sosei_kpi_grade",
                     "Grade of a KPI as its index in the grading scheme (0 = best band); symbol and label as labels.",
                     "gauge",
                     {}};
  MetricFamily overdue{"sosei_kpi_data_overdue",
                       "1 when the data of a KPI's last due period have not arrived by their due date, else 0.",
                       "gauge",
                       {}};
  for (const auto& e : evaluation.kpis) {
    const config::Kpi& k = e.kpi;
    info.samples.push_back({{{"kpi", k.id},
                             {"name", k.name_ja},
                             {"department", k.department},
                             {"unit", k.unit},
                             {"goal", std::to_string(k.goal_no)}},
                            1});
    if (const auto* y = latest_number(e)) {
      Labels labels = kpi_labels(k);
      labels.emplace_back("period", y->period.str());
      latest.samples.push_back({std::move(labels), y->value.number});
    }
    add_if(ratio, kpi_labels(k), e.ratio);
    add_if(progress, kpi_labels(k), e.progress);
    add_if(pace, kpi_labels(k), e.pace.ratio);
    Labels grade_labels = kpi_labels(k);
    grade_labels.emplace_back("symbol", e.grade.symbol);
    grade_labels.emplace_back("label", e.grade.label);
    grade.samples.push_back({std::move(grade_labels), static_cast<double>(e.grade.index)});
  }
  for (const auto& k : status.kpis)
    overdue.samples.push_back({{{"kpi", k.id}, {"department", k.department}}, k.overdue ? 1.0 : 0.0});
  return {info, latest, ratio, progress, pace, grade, overdue};
}

std::vector<MetricFamily> run_families(const std::vector<store::SourceRunSummary>& runs,
                                       const status::StatusReport& status) {
  MetricFamily total{"sosei_import_runs_total", "Import runs recorded, by source and status.", "counter", {}};
  MetricFamily failed{"sosei_import_last_run_failed",
                      "1 when the newest import run of a source failed or was aborted, else 0.",
                      "gauge",
                      {}};
  MetricFamily duration{
      "sosei_import_last_run_duration_seconds", "How long the newest import run of a source took.", "gauge", {}};
  MetricFamily success{"sosei_import_last_success_timestamp_seconds",
                       "When the newest successful (succeeded or unchanged) import run of a source finished, as "
                       "Unix time.",
                       "gauge",
                       {}};
  MetricFamily in_a_row{"sosei_source_consecutive_failures",
                        "Failed runs since the last success of a configured source (the daemon quarantines after "
                        "daemon.quarantine_after).",
                        "gauge",
                        {}};
  MetricFamily quarantined{"sosei_source_quarantined",
                           "1 while a configured source is quarantined (sosei resume SOURCE lifts it), else 0.",
                           "gauge",
                           {}};
  for (const auto& r : runs) {
    for (const auto& [run_status, count] : r.runs)
      total.samples.push_back(
          {{{"source", r.source}, {"status", store::to_string(run_status)}}, static_cast<double>(count)});
    const bool last_failed =
        r.last_run.status == store::RunStatus::Failed || r.last_run.status == store::RunStatus::Aborted;
    failed.samples.push_back({{{"source", r.source}}, last_failed ? 1.0 : 0.0});
    const auto started = unix_seconds(r.last_run.started_at);
    const auto finished = unix_seconds(r.last_run.finished_at);
    if (started && finished) duration.samples.push_back({{{"source", r.source}}, *finished - *started});
    add_if(success, {{"source", r.source}}, unix_seconds(r.last_success_at));
  }
  MetricFamily late{"sosei_source_late",
                    "1 when a scheduled run of a configured source has not succeeded within its timeout, retries "
                    "and an hour after it fell due (judged by the source's own schedule), else 0; no sample for "
                    "unscheduled sources or before their first success.",
                    "gauge",
                    {}};
  for (const auto& s : status.sources) {
    if (!s.schedule.empty() && s.last_success) late.samples.push_back({{{"source", s.id}}, s.late_since ? 1.0 : 0.0});
    in_a_row.samples.push_back({{{"source", s.id}}, static_cast<double>(s.consecutive_failures)});
    quarantined.samples.push_back({{{"source", s.id}}, s.quarantine ? 1.0 : 0.0});
  }
  return {total, failed, duration, success, in_a_row, quarantined, late};
}

}  // namespace

std::optional<double> unix_seconds(std::string_view iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0, consumed = 0;
  const std::string text(iso);
  if (text.size() != 24 ||
      std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ%n", &y, &mo, &d, &h, &mi, &s, &ms, &consumed) != 7 ||
      consumed != 24)
    return std::nullopt;
  using namespace std::chrono;
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  const auto since_epoch = sys_days{date}.time_since_epoch() + hours{h} + minutes{mi} + std::chrono::seconds{s};
  return static_cast<double>(duration_cast<std::chrono::seconds>(since_epoch).count()) + ms / 1000.0;
}

std::vector<MetricFamily> build_metrics(const MetricsInput& input) {
  std::vector<MetricFamily> out;
  out.push_back(
      {"sosei_build_info", "The running sosei's version; always 1.", "gauge", {{{{"version", SOSEI_VERSION}}, 1}}});
  for (auto& f : kpi_families(input.evaluation, input.status)) out.push_back(std::move(f));
  for (auto& f : run_families(input.runs, input.status)) out.push_back(std::move(f));
  return out;
}

}  // namespace sosei::serve
