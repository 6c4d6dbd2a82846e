// Validation + storage of streamed observations.
#include "import/store_sink.hpp"

namespace sosei::import {

StoreSink::StoreSink(ObservationValidator validator, store::ImportTransaction& transaction, config::OnBadRow policy)
    : validator_(std::move(validator)), transaction_(transaction), policy_(policy) {}

int32_t StoreSink::accept(const Observation& o) {
  if (auto why = validator_.check(o, key_, data_)) return reject(o.location, *why);
  transaction_.put(key_, data_);
  return SOSEI_OK;
}

int32_t StoreSink::reject(const std::string& location, const std::string& reason) {
  transaction_.reject({location, reason});
  if (policy_ == config::OnBadRow::Skip) return SOSEI_OK;
  stop_reason_ = (location.empty() ? std::string() : location + ": ") + reason +
                 " (fix the input, or set on_bad_row: skip on the source to skip such rows)";
  return SOSEI_ERR_REJECTED;
}

}  // namespace sosei::import
