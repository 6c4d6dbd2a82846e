// The in-process observation sink: validates each observation and writes it into the run's store
// transaction, applying the source's bad-row policy (fail the run, or skip and count). A row that would
// change an approved period is a rejected row too (the period is locked: docs/signoff.md).
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "config/model.hpp"
#include "host/observation_sink.hpp"
#include "import/observation_validator.hpp"
#include "import/rule_stream.hpp"
#include "store/store.hpp"

namespace sosei::import {

// The rejection of a key stored twice in one run, naming both locations, in `lang`.
std::string duplicate_reason(const store::DuplicateKey& d, text::Lang lang);

// What a rejected row that would change an approved (locked) period is told.
using LockedMessage = std::function<std::string(const store::Approval&)>;

class StoreSink : public host::ObservationSink {
 public:
  // `rules`, when given, sees every value the sink writes (judged as it streams in).
  StoreSink(ObservationValidator validator, store::ImportTransaction& transaction, config::OnBadRow policy,
            LockedMessage locked_message = nullptr, RuleStream* rules = nullptr);
  ~StoreSink() override;
  StoreSink(const StoreSink&) = delete;
  StoreSink& operator=(const StoreSink&) = delete;

  // After the plugin ended: writes what waits in the store, so a repeated key found only now still
  // counts. SOSEI_ERR_REJECTED when the run must fail (stop_reason() says why).
  int32_t finish();
  // The series this run wrote (KPI ids, "<source>/<series>"): what the rule check looks at.
  const std::set<std::string>& series() const { return series_; }
  // Values of approved periods that came with another note only: stored as they were (the approved
  // note kept), not refused — a plugin that rewords its notes (an upgrade, a translation) must not
  // fail every run over years the council has approved. The importer says how many.
  std::size_t locked_notes_kept() const { return locked_notes_kept_; }

  int32_t accept(const Observation& observation) override;
  int32_t reject(const std::string& location, const std::string& reason) override;
  const std::string& stop_reason() const override { return stop_reason_; }
  std::optional<std::string> state(const std::string& key) override { return transaction_.state(key); }
  void set_state(const std::string& key, const std::string& value) override { transaction_.set_state(key, value); }

 private:
  // Records the refusal; with on_bad_row: fail it stops the run, and a `bad_row`'s reason then says
  // how to go on (fix the input or skip such rows), which an approved period's refusal must not.
  int32_t refuse(const std::string& location, const std::string& reason, bool bad_row);

  ObservationValidator validator_;
  store::ImportTransaction& transaction_;
  config::OnBadRow policy_;
  std::string stop_reason_;
  // The approved periods as the run started (usually none: then the hot path checks nothing).
  const std::vector<store::Approval>& locks_;
  LockedMessage locked_message_;
  RuleStream* rules_;
  // Reused for every observation so the hot path does not allocate once warmed up.
  store::ObservationKey key_;
  store::ObservationData data_;
  std::set<std::string> series_;
  std::string last_series_;  // consecutive observations of one series skip the set
  std::size_t locked_notes_kept_ = 0;
};

}  // namespace sosei::import
