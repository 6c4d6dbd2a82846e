// The hand-entry form (entry_page.hpp). It posts to /entry as an ordinary form, so it works without
// JavaScript; the token travels in the body, never in a cookie, so another site cannot post with it.
#include "serve/entry_page.hpp"

#include <map>
#include <vector>

#include "report/html_escape.hpp"
#include "text/numbers.hpp"
#include "text/periods.hpp"
#include "text/phrase.hpp"

namespace sosei::serve {
namespace {

using report::html_escape;

constexpr const char* kStyle = R"css(
body{font-family:"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP","Noto Sans CJK JP","Yu Gothic",Meiryo,"IPAPGothic","IPAexGothic",sans-serif;margin:2em auto;max-width:46em;padding:0 1em;color:#222}
h1{font-size:1.4em}label{display:block;margin:.8em 0 .2em;font-weight:bold}
input,select,button{font-family:inherit}
input,select{font-size:1em;padding:.3em;width:100%;box-sizing:border-box}
button{margin-top:1.2em;font-size:1em;padding:.4em 1.6em}
.ok,.error{padding:.6em 1em;border-left:.4em solid}.ok{border-color:#2a7;background:#eef8f1}
.error{border-color:#c33;background:#fbeeee}small{color:#555}
)css";

std::string option(const config::Kpi& kpi, const std::string& selected) {
  std::string label = kpi.name_ja + (kpi.unit.empty() ? "" : "（" + kpi.unit + "）") + " — " + kpi.id;
  return "<option value=\"" + html_escape(kpi.id) + "\"" + (kpi.id == selected ? " selected" : "") + ">" +
         html_escape(label) + "</option>";
}

}  // namespace

const char* form_style() { return kStyle; }

std::string kpi_select(const config::Strategy& strategy, const std::string& selected, bool hand_only, const char* id,
                       text::Lang lang) {
  std::map<std::string, std::vector<const config::Kpi*>> by_department;
  for (const auto& kpi : strategy.kpis)
    if (kpi.entered_by_hand || !hand_only) by_department[kpi.department].push_back(&kpi);
  if (by_department.empty())
    return std::string("<p class=\"error\">") + html_escape(text::catalogue(lang).entry_no_kpis) + "</p>";
  std::string html = std::string("<select id=\"") + id + "\" name=\"kpi\" required>";
  for (const auto& [department, kpis] : by_department) {
    html += "<optgroup label=\"" + html_escape(department) + "\">";
    for (const auto* kpi : kpis) html += option(*kpi, selected);
    html += "</optgroup>";
  }
  return html + "</select>";
}

std::string field(const char* id, const char* label, const char* hint, const std::string& value, bool required,
                  const char* name) {
  return std::string("<label for=\"") + id + "\">" + html_escape(label) + "</label><input id=\"" + id + "\" name=\"" +
         (name ? name : id) + "\" value=\"" + html_escape(value) + "\" placeholder=\"" + hint + "\"" +
         (required ? " required" : "") + ">";
}

std::string token_field(const char* id, const char* label) {
  return std::string("<label for=\"") + id + "\">" + html_escape(label) + "</label><input id=\"" + id +
         "\" name=\"token\" type=\"password\" required>\n";
}

std::string describe_entry(const EntryResult& r, const text::Locale& reader) {
  const text::Catalogue& c = text::catalogue(reader.lang);
  const char* what = r.inserted ? c.entry_inserted : r.revised ? c.entry_revised : c.entry_unchanged;
  return text::say(reader.lang, &text::Catalogue::entry_result, what, r.kpi,
                   text::period_text(r.period, reader.years, reader.lang), text::value_text(r.value, reader.lang),
                   r.run.id, r.run.source);
}

std::string entry_page(const config::Strategy& strategy, const std::optional<EntryOutcomeView>& outcome,
                       text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  const EntryRequest filled = outcome ? outcome->entered : EntryRequest{};
  std::string html = std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == text::Lang::En ? "en" : "ja") +
                     "\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<title>" +
                     html_escape(c.entry_title) + " — " + html_escape(strategy.city) + "</title><style>" + kStyle +
                     "</style></head><body>\n";
  html += "<h1>" + html_escape(c.entry_title) + "</h1>\n";
  html += "<p>" + html_escape(strategy.city) + " " + html_escape(strategy.name) + " — <a href=\"/\">" +
          html_escape(c.dashboard) + "</a></p>\n";
  if (outcome)
    html += std::string("<p class=\"") + (outcome->ok ? "ok" : "error") + "\" role=\"status\">" +
            html_escape(outcome->message) + "</p>\n";
  // The form posts back to the page in the language it was shown in.
  html += std::string("<form method=\"post\" action=\"/entry") + (lang == text::Lang::En ? "?lang=en" : "") +
          "\" autocomplete=\"off\">\n";
  html += "<label for=\"kpi\">KPI</label>" + kpi_select(strategy, filled.kpi, true, "kpi", lang) + "\n";
  html += field("period", c.entry_period, "R7, 令和7年度, FY2025", filled.period, true) + "\n";
  html += field("value", c.entry_value, "5件, 1,234, 未実施", filled.value, true) + "\n";
  html += field("note", c.entry_note, "速報値", filled.note, false) + "\n";
  html += "<label for=\"token\">" + html_escape(c.entry_token) +
          "</label><input id=\"token\" name=\"token\" type=\"password\" required>\n";
  html += "<button type=\"submit\">" + html_escape(c.entry_submit) + "</button>\n</form>\n";
  // What staff need to know; how scripts enter values (the JSON API) is in docs/serve.md, not here.
  html += "<p><small>" + html_escape(c.entry_footer) + "</small></p>\n";
  html += "<p><a href=\"/signoff\">" + html_escape(c.signoff_link) + "</a></p>\n";
  return html + "</body></html>\n";
}

}  // namespace sosei::serve
