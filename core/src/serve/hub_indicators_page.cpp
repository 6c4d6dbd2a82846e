// The hub's page of shared indicators (hub_indicators_page.hpp).
#include "serve/hub_indicators_page.hpp"

#include "common/prefectures.hpp"
#include "present/hub_indicator_text.hpp"
#include "report/html_escape.hpp"
#include "text/hub_messages.hpp"
#include "text/periods.hpp"

namespace sosei::serve {
namespace {

using report::html_escape;
using text::HubMessages;

constexpr const char* kStyle =
    "body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}td.n{text-align:right}.missing{color:#c92a2a}";

std::string cell(const std::string& text, bool number = false) {
  return std::string(number ? "<td class=\"n\">" : "<td>") + html_escape(text) + "</td>";
}

std::string indicator_table(const app::IndicatorView& view, const text::Locale& locale) {
  const text::Lang lang = locale.lang;
  const HubMessages& m = text::hub_messages(lang);
  const config::SharedIndicator& i = *view.indicator;
  const bool ratio = i.aggregate == config::IndicatorAggregate::Ratio;
  const std::string name = present::indicator_name(i, lang);
  std::string html =
      "<h2 id=\"" + html_escape(i.id) + "\">" +
      html_escape(view.period
                      ? text::say(lang, &HubMessages::indicator_title, name, i.id, i.unit.empty() ? "-" : i.unit,
                                  present::aggregate_text(i, lang), text::period_text(*view.period, locale.years, lang))
                      : text::say(lang, &HubMessages::indicator_no_period, name, i.id)) +
      "</h2><table><thead><tr><th>" + html_escape(m.heading_code) + "</th><th>" + html_escape(m.heading_city) +
      "</th><th>" + html_escape(m.heading_kpi) + "</th><th>" + html_escape(m.heading_value) + "</th>";
  if (ratio)
    html += "<th>" + html_escape(m.heading_numerator) + "</th><th>" + html_escape(m.heading_denominator) + "</th>";
  html += "<th>" + html_escape(m.heading_note) + "</th></tr></thead><tbody>";
  const auto numbers = [&](const std::optional<double>& value, const std::optional<double>& numerator,
                           const std::optional<double>& denominator) {
    std::string cells = cell(present::indicator_number(value, lang), true);
    if (ratio)
      cells += cell(present::indicator_number(numerator, lang), true) +
               cell(present::indicator_number(denominator, lang), true);
    return cells;
  };
  for (const auto& c : view.cities) {
    const std::string why = present::indicator_state_text(c, locale);
    html += "<tr>" + cell(c.code) + cell(c.name) + cell(c.kpi) + numbers(c.value, c.numerator, c.denominator) +
            (c.state == app::IndicatorState::Value ? "<td>" : "<td class=\"missing\">") + html_escape(why) +
            "</td></tr>";
  }
  html += "</tbody><tfoot>";
  for (const auto& p : view.prefectures) {
    const auto pref = *prefecture_of(p.prefecture);
    html += "<tr><th colspan=\"3\">" +
            html_escape(text::say(lang, &HubMessages::prefecture_total,
                                  std::string(lang == text::Lang::En ? pref.name_en : pref.name))) +
            "</th>" + numbers(p.value, p.numerator, p.denominator) + "<td></td></tr>";
  }
  if (i.aggregate != config::IndicatorAggregate::Level)
    html += "<tr><th colspan=\"3\">" + html_escape(m.totals) + "</th>" +
            numbers(view.total.value, view.total.numerator, view.total.denominator) + "<td></td></tr>";
  html += "</tfoot></table>";
  if (!view.total.without.empty()) {
    std::string names;
    for (const auto& n : view.total.without) names += (names.empty() ? "" : m.list_separator) + n;
    html += "<p class=\"missing\">" +
            html_escape(text::say(lang, &HubMessages::indicator_without, view.total.without.size(), names)) + "</p>";
  }
  return html;
}

}  // namespace

std::string hub_indicators_html(const config::Hub& hub, const std::vector<app::IndicatorView>& views, text::Lang lang) {
  const text::Locale locale{lang, lang == text::Lang::En ? text::YearStyle::Western : text::YearStyle::Era};
  const std::string title = text::say(lang, &HubMessages::indicators_title, hub.name);
  std::string html = std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == text::Lang::En ? "en" : "ja") +
                     "\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) + "</title><style>" + kStyle +
                     "</style></head><body><h1>" + html_escape(title) + "</h1><p><a href=\"/" +
                     (lang == text::Lang::En ? "?lang=en" : "") + "\">" +
                     html_escape(text::say(lang, &HubMessages::page_title, hub.name)) + "</a></p>";
  for (const auto& view : views) html += indicator_table(view, locale);
  return html + "</body></html>\n";
}

}  // namespace sosei::serve
