// What the server shows, computed per request from the store: the evaluation, the status, the
// dashboard (the council report's HTML) and the metrics. Store reads hold the reads connection only
// while reading; evaluating and laying out happen outside the lock.
#pragma once

#include <functional>
#include <string>

#include "config/model.hpp"
#include "evaluate/evaluation.hpp"
#include "serve/store_access.hpp"
#include "serve/view_query.hpp"
#include "status/status.hpp"

namespace sosei::serve {

class LiveData {
 public:
  // Loads every grading scheme of the configured folder (a broken one is a config::ConfigError now,
  // not a 500 later).
  LiveData(const config::AppConfig& config, StoreAccess& reads, std::function<Date()> today);

  const config::AppConfig& config() const { return config_; }
  StoreAccess& reads() { return reads_; }
  Date today() const { return today_(); }
  ViewQuery query(const Params& params) const;  // throws HttpError(400)

  evaluate::Evaluation evaluation(const ViewQuery& q);
  status::StatusReport status(const Date& as_of);
  std::string dashboard_html(const ViewQuery& q);
  std::string metrics_text();  // Prometheus text exposition, as of today with the default scheme

 private:
  const config::AppConfig& config_;
  StoreAccess& reads_;
  std::function<Date()> today_;
  Schemes schemes_;
};

}  // namespace sosei::serve
