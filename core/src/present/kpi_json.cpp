// One KPI definition in JSON (kpi_json.hpp).
#include "present/kpi_json.hpp"

#include <cmath>

#include "present/record_json.hpp"

namespace sosei::present {

using nlohmann::json;

json number_or_null(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

json stated_json(const config::StatedValue& s) {
  return json{{"text", s.text}, {"number", number_or_null(s.number)}, {"year", s.year ? json(*s.year) : json(nullptr)}};
}

json kpi_json(const config::Kpi& k) {
  json target = stated_json(k.target.value);
  target["kind"] = config::to_string(k.target.kind);
  target["year"] = k.target.year;
  return json{{"id", k.id},
              {"name", k.name_ja},
              {"name_en", k.name_en},
              {"unit", k.unit},
              {"department", k.department},
              {"goal_no", k.goal_no},
              {"goal", k.goal},
              {"measure", k.measure},
              {"project", k.project},
              {"goal_level", k.goal_level},
              {"period_type", config::to_string(k.period_type)},
              {"baseline", stated_json(k.baseline)},
              {"target", target}};
}

json kpi_json(const config::Kpi& kpi, const std::optional<store::StoredObservation>& latest) {
  json j = kpi_json(kpi);
  j["entered_by_hand"] = kpi.entered_by_hand;
  j["latest"] = nullptr;
  if (latest)
    j["latest"] = {{"period", latest->key.period.str()}, {"value", to_json(latest->data.value)},
                   {"note", latest->data.note},          {"source", latest->source},
                   {"run_id", latest->run_id},           {"updated_at", latest->updated_at}};
  return j;
}

}  // namespace sosei::present
