// Hand entry (hand_entry.hpp): the SDK's notation parsers read the value and period, the import's
// KPI rules (check_kpi_value) apply the same bounds and period rules as to any plugin's observation,
// and the store records one import run with revisions like any import.
#include "serve/hand_entry.hpp"

#include <nlohmann/json.hpp>

#include "app/signoff.hpp"
#include "import/observation_validator.hpp"
#include "serve/http_error.hpp"
#include "sosei/notation.hpp"

namespace sosei::serve {
namespace {

constexpr const char* kExample = R"(send {"kpi": "startups", "period": "R7", "value": "5件", "note": "速報値"})";

std::string text_field(const nlohmann::json& body, const char* name, bool required) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) throw HttpError(400, std::string("the entry has no \"") + name + "\": " + kExample);
    return "";
  }
  if (!it->is_string())
    throw HttpError(400, std::string("\"") + name +
                             "\" must be a string as the city writes it (\"5件\", \"R7\"), not " + it->type_name());
  return it->get<std::string>();
}

// An entry must not silently undo an import: the next run of that source would bring its value back.
void refuse_imported_value(store::Store& store, const config::Kpi& kpi, const Period& period) {
  for (const auto& existing : store.values({kpi.id, period, store::Dimensions{}}))
    if (!existing.source.starts_with(kHandSourcePrefix))
      throw HttpError(409, "the " + period.str() + " value of KPI '" + kpi.id + "' comes from the import source '" +
                               existing.source + "' (run " + std::to_string(existing.run_id) +
                               "): correct it in that source's data, or remove the KPI from that source first");
}

}  // namespace

EntryRequest parse_entry_json(std::string_view body) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    throw HttpError(400, std::string("the body is not valid JSON (") + e.what() + "): " + kExample);
  }
  if (!j.is_object()) throw HttpError(400, std::string("the body must be a JSON object: ") + kExample);
  for (const auto& [key, _] : j.items())
    if (key != "kpi" && key != "period" && key != "value" && key != "note")
      throw HttpError(400, "unknown field \"" + key + "\" in the entry: only kpi, period, value and note are read");
  return {text_field(j, "kpi", true), text_field(j, "period", true), text_field(j, "value", true),
          text_field(j, "note", false)};
}

EntryResult enter_by_hand(const config::Strategy& strategy, store::Store& store, const store::ApiToken& token,
                          const EntryRequest& request, const text::Locale& locale) {
  const config::Kpi* kpi = strategy.find_kpi(request.kpi);
  if (!kpi) throw HttpError(404, "unknown KPI '" + request.kpi + "': /api/kpis lists the KPIs of the strategy");
  if (kpi->department != token.department)
    throw HttpError(403, "KPI '" + kpi->id + "' belongs to " + kpi->department + "; token " + std::to_string(token.id) +
                             " of " + token.department + " may enter only " + token.department + "'s KPIs");
  if (!kpi->entered_by_hand)
    throw HttpError(403, "KPI '" + kpi->id +
                             "' is not entered by hand (its values are imported): set "
                             "entered_by_hand: true on it in the strategy to allow entries");

  std::string error;
  // The KPI's own unit (5組, 3校) is a unit here, whatever the SDK's fixed list knows.
  const std::string_view units[] = {kpi->unit};
  const auto value = sosei::parse_value(request.value, units, &error);
  if (!value) throw HttpError(400, "value: " + error);
  if (value->kind == SOSEI_VALUE_NUMBER && !value->unit.empty() && value->unit != kpi->unit)
    throw HttpError(400, "value: '" + request.value + "' is in " + std::string(value->unit) + " but KPI '" + kpi->id +
                             "' counts " + (kpi->unit.empty() ? std::string("without a unit") : "in " + kpi->unit) +
                             ": write the number in " + (kpi->unit.empty() ? "no unit" : kpi->unit));
  const int32_t bare_year =
      kpi->period_type == config::PeriodType::FiscalYear ? SOSEI_PERIOD_FISCAL_YEAR : SOSEI_PERIOD_CALENDAR_YEAR;
  const auto period = sosei::parse_period(request.period, bare_year, &error);
  if (!period) throw HttpError(400, "period: " + error);

  Observation o;
  o.series = kpi->id;
  o.period = Period::from(*period);
  o.value = Value::from(value->kind, value->number);
  o.note = request.note;
  o.location = "token " + std::to_string(token.id);
  if (auto why = import::check_kpi_value(strategy, *kpi, o)) throw HttpError(400, *why);
  const store::ObservationKey key{o.series, o.period, {}};
  const store::ObservationData data{o.value, o.flags, o.note, o.location};

  // One import run of the department's hand source, as any import's.
  auto run = store.begin_import(
      {std::string(kHandSourcePrefix) + token.department, std::string(kHandEntryPlugin), SOSEI_VERSION});
  // Checked inside the run: it holds the write lock, so no import can slip in between.
  try {
    refuse_imported_value(store, *kpi, key.period);
  } catch (const HttpError&) {
    run->discard();
    throw;
  }
  // An approved period is locked: the run records the refused entry and changes nothing else.
  for (const auto& lock : run->locked_periods())
    if (lock.kpi == key.series && lock.period == key.period && run->would_change(key, data)) {
      const std::string why = app::locked_message(lock, locale);
      run->reject({o.location, why});
      run->fail(why);
      throw HttpError(409, why);
    }
  run->put(key, data);
  EntryResult result;
  result.run = run->commit();
  result.kpi = kpi->id;
  result.period = key.period;
  result.value = data.value;
  result.inserted = result.run.inserted > 0;
  result.revised = result.run.revised > 0;
  return result;
}

}  // namespace sosei::serve
