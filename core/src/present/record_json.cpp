// JSON forms of store records (record_json.hpp).
#include "present/record_json.hpp"

namespace sosei::present {

nlohmann::json to_json(const Value& v) {
  if (v.is_number()) return v.number;
  return to_string(v.kind);
}

nlohmann::json to_json(const store::RunRecord& r, bool with_rejections) {
  nlohmann::json j = {{"id", r.id},
                      {"source", r.source},
                      {"plugin", r.plugin},
                      {"plugin_version", r.plugin_version},
                      {"started_at", r.started_at},
                      {"finished_at", r.finished_at},
                      {"status", to_string(r.status)},
                      {"accepted", r.accepted},
                      {"rejected", r.rejected},
                      {"inserted", r.inserted},
                      {"revised", r.revised},
                      {"error", r.error},
                      {"fingerprint", r.fingerprint}};
  if (with_rejections) {
    j["rejections"] = nlohmann::json::array();
    for (const auto& x : r.rejections) j["rejections"].push_back({{"location", x.location}, {"reason", x.reason}});
  }
  return j;
}

nlohmann::json to_json(const store::StoredObservation& o) {
  return {{"series", o.key.series},
          {"period", o.key.period.str()},
          {"dimensions", o.key.dimensions},
          {"value", to_json(o.data.value)},
          {"series_break", (o.data.flags & 1u) != 0},
          {"note", o.data.note},
          {"location", o.data.location},
          {"source", o.source},
          {"run_id", o.run_id},
          {"updated_at", o.updated_at},
          {"revisions", o.revision_count}};
}

}  // namespace sosei::present
