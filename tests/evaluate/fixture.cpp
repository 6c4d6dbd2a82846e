// Builders for the evaluation tests (fixture.hpp).
#include "fixture.hpp"

#include "evaluate/scheme_loader.hpp"

namespace sosei::evaluate::test {

config::Strategy strategy() {
  config::Strategy s;
  s.name = "test strategy";
  s.city = "test city";
  s.first_year = 2025;
  s.last_year = 2029;
  s.history_from = 2023;
  return s;
}

config::Kpi kpi(config::TargetKind kind, double target, std::optional<double> baseline) {
  config::Kpi k;
  k.id = "k";
  k.name_ja = "テスト";
  k.unit = "件";
  k.department = "総合政策課";
  k.goal_no = 1;
  k.baseline.text = baseline ? std::to_string(*baseline) : "—";
  k.baseline.number = baseline;
  k.baseline.year = 2023;
  k.target.kind = kind;
  k.target.value.text = std::to_string(target);
  k.target.value.number = target;
  k.target.year = 2029;
  return k;
}

store::StoredObservation number(Period p, double v, uint32_t flags) {
  store::StoredObservation o;
  o.key = {"k", p, {}};
  o.data.value = Value::of(v);
  o.data.flags = flags;
  o.run_id = 1;
  return o;
}

store::StoredObservation status(Period p, ValueKind k) {
  store::StoredObservation o = number(p, 0);
  o.data.value = Value::status(k);
  return o;
}

store::StoredObservation fy(int year, double v) { return number(Period::fiscal_year(year), v); }

GradingScheme scheme(const std::string& name) {
  return load_scheme_named(std::string(SOSEI_TEST_SOURCE_DIR) + "/config/grading", name);
}

Date end_of_fy(int year) { return last_day_of_fiscal_year(year); }

KpiEvaluation run(const config::Kpi& k, const std::vector<store::StoredObservation>& obs,
                  const std::string& scheme_name, Date as_of) {
  return evaluate_kpi(strategy(), k, obs, scheme(scheme_name), as_of);
}

}  // namespace sosei::evaluate::test
