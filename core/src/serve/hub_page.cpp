// The hub's page and metrics (hub_page.hpp).
#include "serve/hub_page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "report/html_escape.hpp"
#include "serve/prometheus.hpp"
#include "text/hub_messages.hpp"

namespace sosei::serve {
namespace {

using report::html_escape;
using text::HubMessages;

constexpr const char* kStyle =
    "body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin-top:1em}"
    "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}td.n{text-align:right}"
    "th a{color:inherit}.bar{display:flex;width:10em;height:.8em;background:#eee}"
    ".g0{background:#2b8a3e}.g1{background:#f08c00}.g2{background:#c92a2a}.g3{background:#868e96}"
    ".missing{color:#c92a2a}form *{margin-right:.5em}";

std::string sort_code(app::HubSort sort) {
  switch (sort) {
    case app::HubSort::Code:
      return "code";
    case app::HubSort::Name:
      return "name";
    case app::HubSort::BestShare:
      return "best";
    case app::HubSort::Missing:
      return "missing";
  }
  return "code";
}

// A query value percent-encoded (a group name is Japanese text).
std::string url_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

// The query of this page with another order (the scope and language kept).
std::string link(const app::HubScope& scope, const std::string& sort, text::Lang lang) {
  std::string q = "?sort=" + sort;
  if (scope.kind == app::HubScope::Kind::Prefecture) q += "&prefecture=" + scope.prefecture;
  if (scope.kind == app::HubScope::Kind::Group) q += "&group=" + url_encode(scope.group);
  if (lang == text::Lang::En) q += "&lang=en";
  return html_escape(q);
}

std::string option(const std::string& value, const std::string& label, bool selected) {
  return "<option value=\"" + html_escape(value) + "\"" + (selected ? " selected" : "") + ">" + html_escape(label) +
         "</option>";
}

std::string scope_form(const config::Hub& hub, const app::HubScope& scope, app::HubSort sort, text::Lang lang) {
  const HubMessages& m = text::hub_messages(lang);
  std::set<std::string> prefectures;
  for (const auto& c : hub.cities) prefectures.insert(c.code.substr(0, 2));
  std::string html = "<form method=\"get\" action=\"/\"><label>" + html_escape(m.filter_prefecture) +
                     " <select name=\"prefecture\">" +
                     option("", m.filter_all, scope.kind != app::HubScope::Kind::Prefecture);
  for (const auto& code : prefectures) {
    const auto p = *prefecture_of(code);
    html += option(code, std::string(lang == text::Lang::En ? p.name_en : p.name),
                   scope.kind == app::HubScope::Kind::Prefecture && scope.prefecture == code);
  }
  html += "</select></label>";
  if (!hub.groups.empty()) {
    html += "<label>" + html_escape(m.filter_group) + " <select name=\"group\">" +
            option("", m.filter_all, scope.kind != app::HubScope::Kind::Group);
    for (const auto& g : hub.groups)
      html += option(g.name, g.name, scope.kind == app::HubScope::Kind::Group && scope.group == g.name);
    html += "</select></label>";
  }
  html += "<label>" + html_escape(m.sort_label) + " <select name=\"sort\">";
  for (const auto& [value, label] :
       {std::pair{app::HubSort::Code, m.sort_code}, std::pair{app::HubSort::Name, m.sort_name},
        std::pair{app::HubSort::BestShare, m.sort_best}, std::pair{app::HubSort::Missing, m.sort_missing}})
    html += option(sort_code(value), label, value == sort);
  html += "</select></label>";
  if (lang == text::Lang::En) html += "<input type=\"hidden\" name=\"lang\" value=\"en\">";
  return html + "<button type=\"submit\">" + html_escape(m.show) + "</button></form>";
}

// The grades' shares as a bar, coloured by grade position (best first), each part titled with its count.
std::string grade_bar(const app::CitySummary& c) {
  int total = 0;
  for (const auto& g : c.grades) total += g.count;
  if (total == 0) return "";
  std::string html = "<div class=\"bar\">";
  std::size_t i = 0;
  for (const auto& g : c.grades) {
    const double width = 100.0 * g.count / total;
    html += fmt::format("<span class=\"g{}\" style=\"width:{:.1f}%\" title=\"{} {}\"></span>",
                        std::min<std::size_t>(i, 3), width, html_escape(g.symbol), g.count);
    ++i;
  }
  return html + "</div>";
}

std::string grades_text(const std::vector<store::GradeTally>& grades) {
  std::string s;
  for (const auto& g : grades) s += (s.empty() ? "" : " ") + g.symbol + std::to_string(g.count);
  return s;
}

std::string names(const std::vector<std::string>& list, text::Lang lang) {
  std::string s;
  for (const auto& n : list) s += (s.empty() ? "" : text::hub_messages(lang).list_separator) + n;
  return html_escape(s);
}

std::string city_row(const app::CitySummary& c, text::Lang lang, bool has_pages) {
  const HubMessages& m = text::hub_messages(lang);
  std::string html = "<tr><td>" + html_escape(c.code) + "</td><td>" + html_escape(c.name);
  if (has_pages)
    html += " <a href=\"/city/" + html_escape(c.code) + "/" + (lang == text::Lang::En ? "?lang=en" : "") + "\">" +
            html_escape(m.city_pages_link) + "</a>";
  html += "</td>";
  switch (c.state) {
    case app::CityState::Evaluated:
      html += "<td>" + html_escape(c.as_of) + (c.stale ? html_escape(m.stale_mark) : "") + "</td><td>" +
              html_escape(grades_text(c.grades)) + grade_bar(c) + "</td><td class=\"n\">" +
              fmt::format("{}/{}", c.with_value, c.counted) + "</td>";
      break;
    case app::CityState::NoEvaluation:
      html += "<td class=\"missing\" colspan=\"3\">" + html_escape(m.state_no_evaluation) + "</td>";
      break;
    case app::CityState::NoDatabase:
      html += "<td class=\"missing\" colspan=\"6\">" + html_escape(m.state_no_database) + "</td></tr>";
      return html;
    case app::CityState::Unreachable:
      html += "<td class=\"missing\" colspan=\"6\">" +
              html_escape(text::say(lang, &HubMessages::state_unreachable, c.problem)) + "</td></tr>";
      return html;
  }
  return html + "<td class=\"n\">" + std::to_string(c.open_flags) + "</td><td>" + names(c.stopped_sources, lang) +
         "</td><td>" + names(c.failing_sources, lang) + "</td></tr>";
}

}  // namespace

std::string hub_page_html(const config::Hub& hub, const app::HubScope& scope, app::HubSort sort,
                          const app::HubSummary& summary, text::Lang lang, const std::set<std::string>& with_pages) {
  const HubMessages& m = text::hub_messages(lang);
  const std::string title = text::say(lang, &HubMessages::page_title, hub.name);
  std::string html = std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == text::Lang::En ? "en" : "ja") +
                     "\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) + "</title><style>" + kStyle +
                     "</style></head><body><h1>" + html_escape(title) + "</h1>" + scope_form(hub, scope, sort, lang);
  if (!hub.indicators.empty())
    html += "<p><a href=\"/indicators" + link(scope, sort_code(sort), lang) + "\">" + html_escape(m.indicators_link) +
            "</a></p>";
  html += "<table><thead><tr><th><a href=\"" + link(scope, "code", lang) + "\">" + html_escape(m.heading_code) +
          "</a></th><th><a href=\"" + link(scope, "name", lang) + "\">" + html_escape(m.heading_city) +
          "</a></th><th>" + html_escape(m.heading_as_of) + "</th><th><a href=\"" + link(scope, "best", lang) + "\">" +
          html_escape(m.heading_grades) + "</a></th><th><a href=\"" + link(scope, "missing", lang) + "\">" +
          html_escape(m.heading_with_value) + "</a></th><th>" + html_escape(m.heading_open_flags) + "</th><th>" +
          html_escape(m.heading_stopped) + "</th><th>" + html_escape(m.heading_failing) + "</th></tr></thead><tbody>";
  for (const auto& c : summary.cities) html += city_row(c, lang, with_pages.contains(c.code));
  html += "</tbody><tfoot><tr><th colspan=\"3\">" + html_escape(m.totals) + "</th><td colspan=\"5\">" +
          html_escape(grades_text(summary.totals)) + "</td></tr></tfoot></table>";
  if (!summary.without_evaluation.empty())
    html += "<p class=\"missing\">" +
            html_escape(text::say(lang, &HubMessages::cities_missing, summary.without_evaluation.size(),
                                  [&] {
                                    std::string s;
                                    for (const auto& n : summary.without_evaluation)
                                      s += (s.empty() ? "" : m.list_separator) + n;
                                    return s;
                                  }())) +
            "</p>";
  return html + "</body></html>\n";
}

std::string hub_metrics_text(const app::HubSummary& summary) {
  MetricFamily evaluated{"sosei_hub_city_evaluated", "1 when the city has a saved evaluation, else 0", "gauge", {}};
  MetricFamily graded{"sosei_hub_city_kpis", "KPIs of the city's latest evaluation with this grade", "gauge", {}};
  MetricFamily counted{"sosei_hub_city_kpis_counted", "KPIs the city's latest evaluation counts", "gauge", {}};
  MetricFamily valued{"sosei_hub_city_kpis_with_value", "counted KPIs with an actual value", "gauge", {}};
  MetricFamily flags{"sosei_hub_city_open_flags", "the city's open data-quality flags", "gauge", {}};
  MetricFamily stopped{"sosei_hub_city_stopped_sources", "the city's sources the daemon stopped", "gauge", {}};
  MetricFamily failing{"sosei_hub_city_failing_sources", "the city's sources whose newest run failed", "gauge", {}};
  for (const auto& c : summary.cities) {
    const Labels city{{"city", c.code}};
    evaluated.samples.push_back({city, c.state == app::CityState::Evaluated ? 1.0 : 0.0});
    if (c.state != app::CityState::Evaluated && c.state != app::CityState::NoEvaluation) continue;
    for (const auto& g : c.grades) graded.samples.push_back({{{"city", c.code}, {"grade", g.symbol}}, double(g.count)});
    counted.samples.push_back({city, double(c.counted)});
    valued.samples.push_back({city, double(c.with_value)});
    flags.samples.push_back({city, double(c.open_flags)});
    stopped.samples.push_back({city, double(c.stopped_sources.size())});
    failing.samples.push_back({city, double(c.failing_sources.size())});
  }
  return exposition({evaluated, graded, counted, valued, flags, stopped, failing});
}

}  // namespace sosei::serve
