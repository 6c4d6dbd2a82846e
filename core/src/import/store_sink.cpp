// Validation + storage of streamed observations.
#include "import/store_sink.hpp"

#include "text/bounded_text.hpp"
#include "text/import_messages.hpp"
#include "text/sdk_text.hpp"

namespace sosei::import {

StoreSink::StoreSink(ObservationValidator validator, store::ImportTransaction& transaction, config::OnBadRow policy,
                     LockedMessage locked_message, RuleStream* rules)
    : validator_(validator),
      transaction_(transaction),
      policy_(policy),
      locks_(transaction.locked_periods()),
      locked_message_(std::move(locked_message)),
      rules_(rules) {
  // The store finds a repeated key (perhaps while writing later rows); it is a bad row like any other.
  transaction_.on_duplicate(
      [this](const store::DuplicateKey& d) { reject(d.location, duplicate_reason(d, validator_.locale().lang)); });
}

StoreSink::~StoreSink() { transaction_.on_duplicate(nullptr); }

std::string duplicate_reason(const store::DuplicateKey& d, text::Lang lang) {
  std::string key = d.series + " " + d.period.str();
  if (d.dimensions != "{}") key += " " + d.dimensions;
  return text::say(
      lang, &text::ImportMessages::second_value, key,
      d.first_location.empty() ? text::say(lang, &text::ImportMessages::an_earlier_row) : d.first_location);
}

int32_t StoreSink::accept(const Observation& o) {
  if (auto why = validator_.check(o, key_, data_)) return reject(o.location, *why);
  if (!locks_.empty()) {
    // Locks are few (periods the council has seen): a scan is cheaper than a lookup structure.
    for (const auto& lock : locks_) {
      if (lock.kpi != key_.series || lock.period != key_.period) continue;
      const auto held = transaction_.stored(key_);
      if (held && held->value == data_.value && held->flags == data_.flags) {
        if (held->note != data_.note) {
          data_.note = held->note;  // the approved note stays; the value is unchanged
          ++locked_notes_kept_;
        }
        continue;
      }
      // Not a bad row to skip: the refusal says who may unlock the period, and no more.
      return refuse(o.location,
                    locked_message_ ? locked_message_(lock)
                                    : key_.series + " " + key_.period.str() +
                                          " is approved and locked: it cannot be changed until the policy division "
                                          "unlocks it (sosei unlock)",
                    /*bad_row=*/false);
    }
  }
  // Before the store has it: the stream asks the store whether a series held values before the run.
  if (rules_) rules_->see(key_, data_);
  transaction_.put(key_, data_);
  if (key_.series != last_series_) {
    last_series_.assign(key_.series);
    series_.insert(last_series_);
  }
  return stop_reason_.empty() ? SOSEI_OK : SOSEI_ERR_REJECTED;
}

int32_t StoreSink::finish() {
  transaction_.flush();
  return stop_reason_.empty() ? SOSEI_OK : SOSEI_ERR_REJECTED;
}

int32_t StoreSink::reject(const std::string& location, const std::string& whole_reason) {
  return refuse(location, whole_reason, /*bad_row=*/true);
}

int32_t StoreSink::refuse(const std::string& location, const std::string& whole_reason, bool bad_row) {
  // A plugin's reason may quote the whole bad row; every rejected row is stored, so bound each one.
  // The SDK's refusals (notation, CSV) are English; the city's staff read them in the configured language.
  const std::string reason =
      text::bounded_text(text::sdk_text(whole_reason, validator_.locale().lang), validator_.locale().lang);
  const std::string where = text::bounded_text(location, validator_.locale().lang);
  transaction_.reject({where, reason});
  if (policy_ == config::OnBadRow::Skip) return SOSEI_OK;
  // A bad row may be fixed or skipped (on_bad_row: skip); an approved value may only be unlocked.
  stop_reason_ = (where.empty() ? std::string() : where + ": ") + reason +
                 (bad_row ? text::say(validator_.locale().lang, &text::ImportMessages::how_to_go_on) : std::string());
  return SOSEI_ERR_REJECTED;
}

}  // namespace sosei::import
