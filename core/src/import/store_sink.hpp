// The in-process observation sink: validates each observation and writes it into the run's store
// transaction, applying the source's bad-row policy (fail the run, or skip and count).
#pragma once

#include "config/model.hpp"
#include "host/observation_sink.hpp"
#include "import/observation_validator.hpp"
#include "store/store.hpp"

namespace sosei::import {

class StoreSink : public host::ObservationSink {
 public:
  StoreSink(ObservationValidator validator, store::ImportTransaction& transaction, config::OnBadRow policy);

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
  // Reused for every observation so the hot path does not allocate once warmed up.
  store::ObservationKey key_;
  store::ObservationData data_;
};

}  // namespace sosei::import
