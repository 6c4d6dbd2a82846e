// The rule check while a run's values stream in (issue 14 §2): a series that held no value before the
// run is judged value by value as the sink writes it, so the check after the run has nothing to read
// back. The run's own values are its whole history, and the store's scan would give them in the same
// order as long as each dimension set's values come in period order; when they do not (a file sorted
// by month across sets is fine, one sorted by set and then shuffled is not), or the series held values
// before the run, the series is left to the check after the run, which reads it back. Either way the
// findings are the same.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/model.hpp"
#include "import/series_check.hpp"
#include "store/store.hpp"

namespace sosei::import {

class RuleStream {
 public:
  RuleStream(const config::AppConfig& config, store::Store& store, int64_t run_id);

  // Each value the run writes, as the sink hands it to the store.
  void see(const store::ObservationKey& key, const store::ObservationData& data);

  // After the stream: the findings of `series` when the stream judged all of it; nullopt when it must be
  // read back (it held values before the run, or its values came out of order, or it has no rules).
  std::optional<std::vector<Finding>> findings(const std::string& series);
  // Whether the stream judges `series` itself so far (for tests and the log).
  bool judges(const std::string& series) const;

 private:
  struct Series {
    std::unique_ptr<SeriesCheck> check;  // null: no rules, or left to the check after the run
  };
  Series& series_of(const std::string& name);

  const config::AppConfig& config_;
  store::Store& store_;
  int64_t run_id_;
  std::unordered_map<std::string, Series> series_;
  Series* current_ = nullptr;  // the previous value's series: runs write one series for long stretches
  std::string current_name_;
};

}  // namespace sosei::import
