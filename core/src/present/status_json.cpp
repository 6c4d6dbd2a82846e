// StatusReport → JSON (status_json.hpp).
#include "present/status_json.hpp"

#include "present/record_json.hpp"

namespace sosei::present {

nlohmann::json to_json(const status::StatusReport& r) {
  nlohmann::json j;
  j["as_of"] = r.as_of;
  j["sources"] = nlohmann::json::array();
  for (const auto& s : r.sources) {
    nlohmann::json x;
    x["id"] = s.id;
    x["plugin"] = s.plugin;
    x["schedule"] = s.schedule.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.schedule);
    x["last_run"] = s.last_run ? to_json(*s.last_run, false) : nlohmann::json(nullptr);
    x["last_success"] = s.last_success ? nlohmann::json(*s.last_success) : nlohmann::json(nullptr);
    x["consecutive_failures"] = s.consecutive_failures;
    if (s.quarantine)
      x["quarantine"] = {
          {"since", s.quarantine->since}, {"reason", s.quarantine->reason}, {"failures", s.quarantine->failures}};
    else
      x["quarantine"] = nullptr;
    x["next_run"] = s.next_run ? nlohmann::json(*s.next_run) : nlohmann::json(nullptr);
    x["late_since"] = s.late_since ? nlohmann::json(*s.late_since) : nlohmann::json(nullptr);
    j["sources"].push_back(x);
  }
  j["kpis"] = nlohmann::json::array();
  for (const auto& k : r.kpis) {
    j["kpis"].push_back({{"id", k.id},
                         {"name", k.name},
                         {"department", k.department},
                         {"latest", k.latest ? nlohmann::json(k.latest->str()) : nlohmann::json(nullptr)},
                         {"expected", k.expected ? nlohmann::json(k.expected->str()) : nlohmann::json(nullptr)},
                         {"due", k.due.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.due)},
                         {"overdue", k.overdue}});
  }
  j["overdue"] = r.overdue_count();
  int quarantined = 0;
  for (const auto& s : r.sources) quarantined += s.quarantine ? 1 : 0;
  j["quarantined"] = quarantined;
  j["daemon"] = r.daemon ? to_json(*r.daemon) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json to_json(const status::DaemonState& d) {
  const bool reconnecting = d.alive && d.kind == status::DaemonState::Kind::Reconnecting;
  return {{"state", d.alive ? status::to_string(d.kind) : std::string("stopped")},
          {"pid", d.pid},
          {"since", d.since},
          {"attempt", reconnecting ? nlohmann::json(d.attempt) : nlohmann::json(nullptr)},
          {"next_at", reconnecting ? nlohmann::json(d.next_at) : nlohmann::json(nullptr)},
          {"error", reconnecting ? nlohmann::json(d.error) : nlohmann::json(nullptr)},
          {"updated_at", d.updated_at}};
}

}  // namespace sosei::present
