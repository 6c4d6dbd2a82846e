// Every readable city at a glance (city_glances.hpp).
#include "store/postgresql/city_glances.hpp"

#include <map>

#include "store/postgresql/columns.hpp"
#include "store/postgresql/evaluations.hpp"

namespace sosei::store::pg {
namespace {

// Each city's newest evaluation: the one the summary reads.
constexpr const char* kLatest =
    "SELECT DISTINCT ON (city) city, id, iso_utc(created_at), as_of, scheme, stale, " SOSEI_PG_TIME(
        "stale_since") ", coalesce(stale_run_id, 0) FROM evaluations ORDER BY city, id DESC";

// The counted KPIs of those evaluations by grade, in scheme order: tallies, values present, best grade.
constexpr const char* kTallies =
    "SELECT k.city, k.grade_index, k.grade_symbol, k.grade_label, count(*), count(k.actual)"
    " FROM evaluation_kpis k JOIN (SELECT DISTINCT ON (city) city, id FROM evaluations ORDER BY city, id DESC) e"
    " ON e.city = k.city AND e.id = k.evaluation_id"
    " WHERE k.counted GROUP BY k.city, k.grade_index, k.grade_symbol, k.grade_label"
    " ORDER BY k.city, k.grade_index, k.grade_symbol";

constexpr const char* kOpenFlags = "SELECT city, count(*) FROM quality_flags WHERE state = 'open' GROUP BY city";

constexpr const char* kStopped = "SELECT city, source FROM source_quarantines ORDER BY city, source";

// A source is failing when its newest run failed or was aborted (a running one is not newest-ended yet).
constexpr const char* kFailing =
    "SELECT city, source FROM (SELECT DISTINCT ON (city, source) city, source, status FROM import_runs"
    " ORDER BY city, source, id DESC) newest WHERE status IN ('failed', 'aborted') ORDER BY city, source";

}  // namespace

std::vector<CityGlance> read_city_glances(Session& s) {
  std::map<std::string, CityGlance> by_city;
  auto glance = [&by_city](std::string_view city) -> CityGlance& {
    CityGlance& g = by_city[std::string(city)];
    g.city = city;
    return g;
  };
  Result latest = s.db.prepared("find each city's newest evaluation", "city_latest_evaluations", kLatest, Params());
  std::vector<EvaluationRecord> evaluations = evaluation_rows(latest, 1);
  for (int i = 0; i < latest.rows(); ++i) glance(latest.text(i, 0)).latest = std::move(evaluations[i]);
  Result tallies = s.db.prepared("count each city's grades", "city_grade_tallies", kTallies, Params());
  for (int i = 0; i < tallies.rows(); ++i) {
    CityGlance& g = glance(tallies.text(i, 0));
    const int count = static_cast<int>(tallies.int64(i, 4));
    const std::string symbol = tallies.string(i, 2);
    g.counted += count;
    g.with_value += static_cast<int>(tallies.int64(i, 5));
    if (tallies.int64(i, 1) == 0 && !symbol.empty()) g.best_grade += count;
    if (g.latest) g.latest->grades.push_back({symbol, tallies.string(i, 3), count});
  }
  Result flags = s.db.prepared("count each city's open flags", "city_open_flags", kOpenFlags, Params());
  for (int i = 0; i < flags.rows(); ++i) glance(flags.text(i, 0)).open_flags = static_cast<int>(flags.int64(i, 1));
  Result stopped = s.db.prepared("list each city's stopped sources", "city_stopped_sources", kStopped, Params());
  for (int i = 0; i < stopped.rows(); ++i) glance(stopped.text(i, 0)).stopped_sources.push_back(stopped.string(i, 1));
  Result failing = s.db.prepared("list each city's failing sources", "city_failing_sources", kFailing, Params());
  for (int i = 0; i < failing.rows(); ++i) glance(failing.text(i, 0)).failing_sources.push_back(failing.string(i, 1));

  std::vector<CityGlance> out;
  out.reserve(by_city.size());
  for (auto& [city, g] : by_city) out.push_back(std::move(g));
  return out;
}

}  // namespace sosei::store::pg
