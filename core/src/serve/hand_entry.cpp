// Hand entry (hand_entry.hpp): the SDK's notation parsers read the value and period, the import's
// KPI rules (check_kpi_value) apply the same bounds and period rules as to any plugin's observation,
// and the store records one import run with revisions like any import.
#include "serve/hand_entry.hpp"

#include <nlohmann/json.hpp>

#include "app/signoff.hpp"
#include "import/observation_validator.hpp"
#include "serve/http_error.hpp"
#include "serve/json_depth.hpp"
#include "sosei/notation.hpp"
#include "text/periods.hpp"
#include "text/phrase.hpp"

namespace sosei::serve {
namespace {

using text::Catalogue;
using text::say;

std::string text_field(const nlohmann::json& body, const char* name, bool required, text::Lang lang) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required)
      throw HttpError(400, say(lang, &Catalogue::entry_missing_field, name, say(lang, &Catalogue::entry_example)));
    return "";
  }
  if (!it->is_string()) throw HttpError(400, say(lang, &Catalogue::entry_field_not_string, name, it->type_name()));
  return it->get<std::string>();
}

// An entry must not silently undo an import: the next run of that source would bring its value back.
void refuse_imported_value(store::Store& store, const config::Kpi& kpi, const Period& period,
                           const text::Locale& locale) {
  for (const auto& existing : store.values({kpi.id, period, store::Dimensions{}}))
    if (!existing.source.starts_with(kHandSourcePrefix))
      throw HttpError(409, say(locale.lang, &Catalogue::entry_imported_value, kpi.id,
                               text::period_text(period, locale.years, locale.lang), existing.source, existing.run_id));
}

}  // namespace

EntryRequest parse_entry_json(std::string_view body, text::Lang lang) {
  check_json_depth(body, lang);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    throw HttpError(400, say(lang, &Catalogue::entry_bad_json, e.what(), say(lang, &Catalogue::entry_example)));
  }
  if (!j.is_object())
    throw HttpError(400, say(lang, &Catalogue::entry_not_object, say(lang, &Catalogue::entry_example)));
  for (const auto& [key, _] : j.items())
    if (key != "kpi" && key != "period" && key != "value" && key != "note")
      throw HttpError(400, say(lang, &Catalogue::entry_unknown_field, key));
  return {text_field(j, "kpi", true, lang), text_field(j, "period", true, lang), text_field(j, "value", true, lang),
          text_field(j, "note", false, lang)};
}

EntryResult enter_by_hand(const config::Strategy& strategy, store::Store& store, const store::ApiToken& token,
                          const EntryRequest& request, const text::Locale& locale) {
  const text::Lang lang = locale.lang;
  const config::Kpi* kpi = strategy.find_kpi(request.kpi);
  if (!kpi) throw HttpError(404, say(lang, &Catalogue::entry_unknown_kpi, request.kpi));
  if (kpi->department != token.department)
    throw HttpError(403, say(lang, &Catalogue::entry_other_department, kpi->id, kpi->department, token.id,
                             token.department, token.department));
  if (!kpi->entered_by_hand) throw HttpError(403, say(lang, &Catalogue::entry_not_by_hand, kpi->id));

  std::string error;
  // The KPI's own unit (5組, 3校) is a unit here, whatever the SDK's fixed list knows.
  const std::string_view units[] = {kpi->unit};
  const auto value = sosei::parse_value(request.value, units, &error);
  if (!value) throw HttpError(400, say(lang, &Catalogue::entry_bad_value, request.value, kpi->unit));
  if (!sosei::fits_unit(request.value, *value, kpi->unit)) {
    const std::string kpi_unit = kpi->unit.empty() ? text::catalogue(lang).no_unit : kpi->unit;
    const std::string written_unit =
        value->unit.empty() ? text::catalogue(lang).no_unit : std::string(value->unit);  // 5.5万 of a KPI in 万人
    throw HttpError(400,
                    say(lang, &Catalogue::entry_wrong_unit, request.value, written_unit, kpi->id, kpi_unit, kpi_unit));
  }
  const int32_t bare_year =
      kpi->period_type == config::PeriodType::FiscalYear ? SOSEI_PERIOD_FISCAL_YEAR : SOSEI_PERIOD_CALENDAR_YEAR;
  const auto period = sosei::parse_period(request.period, bare_year, &error);
  if (!period) throw HttpError(400, say(lang, &Catalogue::entry_bad_period, request.period));

  Observation o;
  o.series = kpi->id;
  o.period = Period::from(*period);
  o.value = Value::from(value->kind, value->number);
  o.note = request.note;
  o.location = "token " + std::to_string(token.id);
  if (auto why = import::check_kpi_value(strategy, *kpi, o, locale)) throw HttpError(400, *why);
  const store::ObservationKey key{o.series, o.period, {}};
  const store::ObservationData data{o.value, o.flags, o.note, o.location};

  // One import run of the department's hand source, as any import's.
  auto run = store.begin_import(
      {std::string(kHandSourcePrefix) + token.department, std::string(kHandEntryPlugin), SOSEI_VERSION});
  // Checked inside the run: it holds the write lock, so no import can slip in between.
  try {
    refuse_imported_value(store, *kpi, key.period, locale);
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
