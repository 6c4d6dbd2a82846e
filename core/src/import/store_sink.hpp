// The in-process observation sink: validates each observation and writes it into the run's store
// transaction, applying the source's bad-row policy (fail the run, or skip and count). A row that would
// change an approved period is a rejected row too (the period is locked: docs/signoff.md).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "host/observation_sink.hpp"
#include "import/observation_validator.hpp"
#include "store/store.hpp"

namespace sosei::import {

// What a rejected row that would change an approved (locked) period is told.
using LockedMessage = std::function<std::string(const store::Approval&)>;

class StoreSink : public host::ObservationSink {
 public:
  StoreSink(ObservationValidator validator, store::ImportTransaction& transaction, config::OnBadRow policy,
            LockedMessage locked_message = nullptr);

  int32_t accept(const Observation& observation) override;
  int32_t reject(const std::string& location, const std::string& reason) override;
  const std::string& stop_reason() const override { return stop_reason_; }
  std::optional<std::string> state(const std::string& key) override { return transaction_.state(key); }
  void set_state(const std::string& key, const std::string& value) override { transaction_.set_state(key, value); }

 private:
  ObservationValidator validator_;
  store::ImportTransaction& transaction_;
  config::OnBadRow policy_;
  std::string stop_reason_;
  // The approved periods as the run started (usually none: then the hot path checks nothing).
  const std::vector<store::Approval>& locks_;
  LockedMessage locked_message_;
  // Reused for every observation so the hot path does not allocate once warmed up.
  store::ObservationKey key_;
  store::ObservationData data_;
};

}  // namespace sosei::import
