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

namespace {

nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json(const store::QualityFlag& f, const std::string& department) {
  return {{"id", f.id},
          {"series", f.key.series},
          {"period", f.key.period.str()},
          {"dimensions", f.key.dimensions},
          {"department", department},
          {"rule", f.raised.rule},
          {"level", store::to_string(f.raised.level)},
          {"value", optional_number(f.raised.value)},
          {"expected_min", optional_number(f.raised.expected_min)},
          {"expected_max", optional_number(f.raised.expected_max)},
          {"detail", f.raised.detail},
          {"location", f.raised.location},
          {"run_id", f.run_id},
          {"raised_at", f.raised_at},
          {"state", store::to_string(f.state)},
          {"closed_run_id", f.closed_run_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(f.closed_run_id)},
          {"closed_at", f.closed_at},
          {"closed_by", f.closed_by},
          {"note", f.note}};
}

}  // namespace sosei::present
