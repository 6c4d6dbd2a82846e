// The sign-off records as JSON (signoff_json.hpp).
#include "present/signoff_json.hpp"

namespace sosei::present {

nlohmann::json to_json(const store::Approval& a) {
  return {{"kpi", a.kpi},
          {"period", a.period.str()},
          {"state", store::to_string(a.state)},
          {"locked", a.state == store::ApprovalState::Approved},
          {"changed_at", a.changed_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.changed_at)},
          {"changed_by", a.changed_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.changed_by)}};
}

nlohmann::json to_json(const store::Comment& c) {
  return {{"kpi", c.kpi},
          {"year", c.year},
          {"period", Period::fiscal_year(c.year).str()},
          {"kind", store::to_string(c.kind)},
          {"text", c.text},
          {"version", c.version},
          {"entered_at", c.entered_at},
          {"entered_by", c.entered_by},
          {"department", c.department}};
}

nlohmann::json to_json(const store::AuditEvent& e) {
  nlohmann::json who{{"kind", store::to_string(e.who.kind)}, {"name", e.who.name}};
  if (!e.who.department.empty()) who["department"] = e.who.department;
  if (e.who.token_id) who["token_id"] = e.who.token_id;
  if (e.who.run_id) who["run_id"] = e.who.run_id;
  // A value revision is read from the revisions (no event id of its own): the keys stay, null.
  auto id_or_null = [](int64_t id) { return id ? nlohmann::json(id) : nlohmann::json(nullptr); };
  return {{"id", id_or_null(e.id)},
          {"revision_id", id_or_null(e.revision_id)},
          {"at", e.at},
          {"who", who},
          {"action", e.action},
          {"kpi", e.kpi.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.kpi)},
          {"period", e.period ? nlohmann::json(e.period->str()) : nlohmann::json(nullptr)},
          {"dimensions", e.dimensions},
          {"before", e.before},
          {"after", e.after},
          {"reason", e.reason}};
}

}  // namespace sosei::present
