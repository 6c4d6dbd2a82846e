// The JSON API (api.hpp). Records, evaluations, status and KPIs print through the same JSON forms as
// the CLI's --json output (present/), so both stay alike.
#include "serve/api.hpp"

#include <charconv>

#include "present/evaluation_json.hpp"
#include "present/kpi_json.hpp"
#include "present/record_json.hpp"
#include "present/status_json.hpp"
#include "serve/http_error.hpp"
#include "sosei/notation.hpp"

namespace sosei::serve {
namespace {

using nlohmann::json;
using present::kpi_json;
using present::to_json;

const config::Kpi& find_kpi(LiveData& live, const std::string& id) {
  const config::Kpi* kpi = live.config().strategy.find_kpi(id);
  if (!kpi) throw HttpError(404, "unknown KPI '" + id + "': /api/kpis lists the KPIs of the strategy");
  return *kpi;
}

std::optional<store::StoredObservation> latest_of(const std::vector<store::StoredObservation>& observations) {
  std::optional<store::StoredObservation> latest;
  for (const auto& o : observations)
    if (o.key.dimensions.empty() && (!latest || latest->key.period < o.key.period)) latest = o;
  return latest;
}

int64_t positive_int(const Params& params, const std::string& name, int64_t fallback, int64_t max) {
  const std::string text = single_param(params, name);
  if (text.empty()) return fallback;
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > max)
    throw HttpError(400, name + ": '" + text + "' is not a whole number from 1 to " + std::to_string(max));
  return n;
}

}  // namespace

json kpis_document(LiveData& live) {
  json kpis = json::array();
  live.reads().with([&](store::Store& s) {
    for (const config::Kpi& kpi : live.config().strategy.kpis)
      kpis.push_back(kpi_json(kpi, latest_of(s.values({kpi.id, {}, {}}))));
  });
  return {{"kpis", kpis}};
}

json kpi_document(LiveData& live, const std::string& id, const Params& params) {
  const config::Kpi& kpi = find_kpi(live, id);
  const ViewQuery q = live.query(params);
  const auto observations = live.observations({kpi.id, {}, {}}, q.report.lang).rows;
  const auto evaluation = live.evaluation(q);
  json j = {{"kpi", kpi_json(kpi, latest_of(observations))},
            {"as_of", q.as_of.str()},
            {"scheme", q.scheme->name},
            {"evaluation", nullptr}};
  for (const auto& e : evaluation.kpis)
    if (e.kpi.id == kpi.id) j["evaluation"] = to_json(e);
  return j;
}

json observations_document(LiveData& live, const std::string& id, const Params& params) {
  const config::Kpi& kpi = find_kpi(live, id);
  store::ValuesQuery query{kpi.id, {}, {}};
  if (const std::string text = single_param(params, "period"); !text.empty()) {
    std::string error;
    const int32_t bare =
        kpi.period_type == config::PeriodType::FiscalYear ? SOSEI_PERIOD_FISCAL_YEAR : SOSEI_PERIOD_CALENDAR_YEAR;
    const auto p = sosei::parse_period(text, bare, &error);
    if (!p) throw HttpError(400, "period: " + error);
    query.period = Period::from(*p);
  }
  json rows = json::array();
  const auto observations = live.observations(query, live.query(params).report.lang);
  for (std::size_t i = 0; i < observations.rows.size(); ++i) {
    json row = to_json(observations.rows[i]);
    row["from_predecessors"] = i >= observations.own;  // at a hub: a value from before the city's merger
    rows.push_back(std::move(row));
  }
  return {{"kpi", kpi.id}, {"observations", rows}};
}

json evaluation_document(LiveData& live, const Params& params) { return to_json(live.evaluation(live.query(params))); }

json runs_document(LiveData& live, const Params& params) {
  const auto limit = static_cast<std::size_t>(positive_int(params, "limit", 50, 1000));
  const std::string source = single_param(params, "source");
  json runs = json::array();
  for (const auto& r : live.reads().with([&](store::Store& s) { return s.runs(limit, source); }))
    runs.push_back(to_json(r, false));
  return {{"runs", runs}};
}

json run_document(LiveData& live, const std::string& id) {
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), n);
  std::optional<store::RunRecord> run;
  if (ec == std::errc() && end == id.data() + id.size())
    run = live.reads().with([&](store::Store& s) { return s.run(n); });
  if (!run) throw HttpError(404, "no import run '" + id + "': /api/runs lists the runs");
  return to_json(*run, true);
}

json status_document(LiveData& live, const Params& params) { return to_json(live.status(live.query(params).as_of)); }

}  // namespace sosei::serve
