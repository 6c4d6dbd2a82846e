// Judging a run's values as they stream in (rule_stream.hpp).
#include "import/rule_stream.hpp"

namespace sosei::import {

RuleStream::RuleStream(const config::AppConfig& config, store::Store& store, int64_t run_id)
    : config_(config), store_(store), run_id_(run_id) {}

RuleStream::Series& RuleStream::series_of(const std::string& name) {
  auto [it, added] = series_.try_emplace(name);
  if (added) {
    std::vector<config::Rule> rules = config_.rules_for(name);
    // Asked before the run's first value of the series reaches the store: only earlier runs' count.
    if (!rules.empty() && !store_.holds_values(name))
      it->second.check = std::make_unique<SeriesCheck>(name, std::move(rules), store_, run_id_);
  }
  return it->second;
}

void RuleStream::see(const store::ObservationKey& key, const store::ObservationData& data) {
  if (!current_ || key.series != current_name_) {
    current_ = &series_of(key.series);
    current_name_ = key.series;
  }
  if (current_->check && !current_->check->see_streamed(key, data))
    current_->check.reset();  // out of order: the check after the run reads the series back
}

std::optional<std::vector<Finding>> RuleStream::findings(const std::string& series) {
  const auto it = series_.find(series);
  if (it == series_.end() || !it->second.check) return std::nullopt;
  std::vector<Finding> found = it->second.check->finish_stream();
  it->second.check.reset();
  return found;
}

bool RuleStream::judges(const std::string& series) const {
  const auto it = series_.find(series);
  return it != series_.end() && it->second.check;
}

}  // namespace sosei::import
