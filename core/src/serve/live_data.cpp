// Live views over the store (live_data.hpp): the same use cases as `sosei evaluate`, `sosei status`
// and `sosei report`.
#include "serve/live_data.hpp"

#include "app/flags.hpp"

#include "app/evaluation.hpp"
#include "app/report.hpp"
#include "app/status_report.hpp"
#include "report/writers.hpp"
#include "serve/metrics.hpp"

namespace sosei::serve {

LiveData::LiveData(const app::Environment& env, StoreAccess& reads)
    : env_(env), reads_(reads), schemes_(app::all_grading_schemes(env)) {}

ViewQuery LiveData::query(const Params& params) const { return read_view_query(params, schemes_, env_); }

evaluate::Evaluation LiveData::evaluation(const ViewQuery& q) {
  auto observations = reads_.with([&](store::Store& s) { return app::stored_observations(env_, s); });
  if (history_) history_(observations, q.report.lang);  // outside the lock: it reads other stores
  return app::evaluate_observations(env_, observations, q.as_of, *q.scheme);
}

LiveData::KpiObservations LiveData::observations(const store::ValuesQuery& query, text::Lang lang) {
  KpiObservations out;
  out.rows = reads_.with([&](store::Store& s) { return s.values(query); });
  out.own = out.rows.size();
  if (!history_) return out;
  // The history needs every period the city has a value for, whatever the query's: a period of its own
  // keeps the predecessors' out of it.
  evaluate::ObservationsByKpi continued;
  continued[query.series] = query.period || query.dimensions ? reads_.with([&](store::Store& s) {
    return s.values({query.series, {}, {}});
  })
                                                             : out.rows;
  const std::size_t stored = continued[query.series].size();
  history_(continued, lang);  // outside the lock: it reads other stores
  const auto& all = continued[query.series];
  const bool plain = !query.dimensions || query.dimensions->empty();  // the predecessors' values have no breakdown
  for (std::size_t i = stored; i < all.size(); ++i)
    if (plain && (!query.period || all[i].key.period == *query.period)) out.rows.push_back(all[i]);
  return out;
}

status::StatusReport LiveData::status(const Date& as_of) {
  return reads_.with([&](store::Store& s) { return app::current_status(env_, s, as_of); });
}

std::shared_ptr<const report::DrilldownInput> LiveData::drilldowns() {
  return reads_.with([&](store::Store& s) {
    const std::string version = s.data_version();
    if (!drilldowns_ || version != drilldowns_version_) {
      drilldowns_ = std::make_shared<const report::DrilldownInput>(app::stored_drilldowns(env_, s));
      drilldowns_version_ = version;
    }
    return drilldowns_;
  });
}

std::string LiveData::dashboard_html(const ViewQuery& q) {
  const auto evaluation = this->evaluation(q);
  const auto drilldowns = this->drilldowns();
  report::ReportOptions options = q.report;
  options.flagged_kpis = reads_.with([&](store::Store& s) { return app::flagged_kpis(s, evaluation); });
  // The dashboard shows the commentary; ?approved_only=1 shows it as the council's final report would.
  const auto signoff = reads_.with([&](store::Store& s) { return app::stored_signoff(s, q.approved_only); });
  return report::html_report(app::report_model(env_, evaluation, *drilldowns, options, signoff));
}

std::string LiveData::metrics_text(const Labels& first) {
  const ViewQuery q = query({});
  const auto evaluation = this->evaluation(q);
  const auto status = this->status(q.as_of);
  const auto runs = reads_.with([](store::Store& s) { return s.run_summaries(); });
  auto families = build_metrics({evaluation, runs, status});
  if (!first.empty())
    for (auto& family : families)
      for (auto& sample : family.samples) sample.labels.insert(sample.labels.begin(), first.begin(), first.end());
  return exposition(families);
}

}  // namespace sosei::serve
