// Live views over the store (live_data.hpp), reusing the evaluation engine, the status report and the
// report writer exactly as `sosei evaluate`, `sosei status` and `sosei report` use them.
#include "serve/live_data.hpp"

#include "daemon/next_run.hpp"
#include "evaluate/engine.hpp"
#include "evaluate/scheme_loader.hpp"
#include "evaluate/store_input.hpp"
#include "report/report_input.hpp"
#include "report/writers.hpp"
#include "serve/metrics.hpp"

namespace sosei::serve {

LiveData::LiveData(const config::AppConfig& config, StoreAccess& reads, std::function<Date()> today)
    : config_(config), reads_(reads), today_(today ? std::move(today) : std::function<Date()>([tz = config.timezone] {
        return sosei::today(system_clock(), tz);
      })) {
  for (const std::string& name : evaluate::scheme_names(config.grading_dir))
    schemes_.emplace(name, evaluate::load_scheme_named(config.grading_dir, name));
  if (!schemes_.contains(config.default_scheme))
    throw config::ConfigError({}, "the default grading scheme '" + config.default_scheme + "' has no file in " +
                                      config.grading_dir + " (add " + config.default_scheme + ".yaml there)");
}

ViewQuery LiveData::query(const Params& params) const {
  return read_view_query(params, schemes_, config_.default_scheme, today_());
}

evaluate::Evaluation LiveData::evaluation(const ViewQuery& q) {
  const auto observations =
      reads_.with([&](store::Store& s) { return evaluate::load_observations(s, config_.strategy); });
  return evaluate::evaluate(config_.strategy, observations, *q.scheme, q.as_of);
}

status::StatusReport LiveData::status(const Date& as_of) {
  return reads_.with(
      [&](store::Store& s) { return status::build_status(config_, s, as_of, daemon::next_run_provider(config_, s)); });
}

std::string LiveData::dashboard_html(const ViewQuery& q) {
  const auto evaluation = this->evaluation(q);
  const auto drilldowns = reads_.with([&](store::Store& s) { return report::load_drilldowns(s, config_); });
  return report::html_report(report::build_report(evaluation, config_.strategy, drilldowns, q.report));
}

std::string LiveData::metrics_text() {
  const ViewQuery q = query({});
  const auto evaluation = this->evaluation(q);
  const auto status = this->status(q.as_of);
  const auto runs = reads_.with([](store::Store& s) { return s.run_summaries(); });
  return exposition(build_metrics({evaluation, runs, status}));
}

}  // namespace sosei::serve
