// What the server shows, computed per request from the store through the application's use cases:
// the evaluation, the status, the dashboard (the council report's HTML) and the metrics. Store reads
// hold the reads connection only while reading; evaluating and laying out happen outside the lock.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/environment.hpp"
#include "evaluate/engine.hpp"
#include "evaluate/evaluation.hpp"
#include "report/report_model.hpp"
#include "serve/prometheus.hpp"
#include "serve/store_access.hpp"
#include "serve/view_query.hpp"
#include "status/status.hpp"

namespace sosei::serve {

class LiveData {
 public:
  // Loads every grading scheme of the configured folder (a broken one is a config::ConfigError now,
  // not a 500 later).
  LiveData(const app::Environment& env, StoreAccess& reads);

  const config::AppConfig& config() const { return env_.config(); }
  StoreAccess& reads() { return reads_; }
  Date today() const { return env_.today(); }
  ViewQuery query(const Params& params) const;  // throws HttpError(400)

  evaluate::Evaluation evaluation(const ViewQuery& q);
  // A KPI's stored observations (`query`), and after them, at a hub, the values its history takes from
  // before the city's merger (rows[own…], source "" and run 0), noted in `lang`.
  struct KpiObservations {
    std::vector<store::StoredObservation> rows;
    std::size_t own = 0;
  };
  KpiObservations observations(const store::ValuesQuery& query, text::Lang lang);
  status::StatusReport status(const Date& as_of);
  std::string dashboard_html(const ViewQuery& q);
  // Prometheus text exposition, as of today with the default scheme; `first` labels every sample (a
  // hub's city="402273").
  std::string metrics_text(const Labels& first = {});

  // What the evaluation adds to the stored observations before it grades them: at a hub, a merged
  // city's values from before its merger (app/merged_history.hpp), noted in the request's language.
  // Set once, before serving.
  using History = std::function<void(evaluate::ObservationsByKpi&, text::Lang)>;
  void continue_history(History history) { history_ = std::move(history); }

 private:
  // The drill-downs' sums, read again only when the store's data_version() moved: summing a series
  // of millions of values takes the store a second per million, and they change once per run.
  std::shared_ptr<const report::DrilldownInput> drilldowns();

  const app::Environment& env_;
  StoreAccess& reads_;
  Schemes schemes_;
  History history_;
  // Touched only inside reads_.with(), which serialises the requests' reads.
  std::string drilldowns_version_;
  std::shared_ptr<const report::DrilldownInput> drilldowns_;
};

}  // namespace sosei::serve
