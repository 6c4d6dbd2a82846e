// The hand-entry form (entry_page.hpp). It posts to /entry as an ordinary form, so it works without
// JavaScript; the token travels in the body, never in a cookie, so another site cannot post with it.
#include "serve/entry_page.hpp"

#include <map>
#include <vector>

#include "report/html_escape.hpp"

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

std::string kpi_select(const config::Strategy& strategy, const std::string& selected, bool hand_only, const char* id) {
  std::map<std::string, std::vector<const config::Kpi*>> by_department;
  for (const auto& kpi : strategy.kpis)
    if (kpi.entered_by_hand || !hand_only) by_department[kpi.department].push_back(&kpi);
  if (by_department.empty())
    return "<p class=\"error\">このまちの戦略には手入力の KPI がありません（strategy.yaml で entered_by_hand: true "
           "を設定）。"
           "<br><small>No KPI of the strategy is entered by hand (set entered_by_hand: true in "
           "strategy.yaml).</small></p>";
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
  return std::string("<label for=\"") + id + "\">" + label + "</label><input id=\"" + id + "\" name=\"" +
         (name ? name : id) + "\" value=\"" + html_escape(value) + "\" placeholder=\"" + hint + "\"" +
         (required ? " required" : "") + ">";
}

std::string token_field(const char* id) {
  return std::string("<label for=\"") + id + "\">トークン (token)</label><input id=\"" + id +
         "\" name=\"token\" type=\"password\" required>\n";
}

std::string describe_entry(const EntryResult& r) {
  std::string what = r.inserted  ? "新しい値として登録しました (new value)"
                     : r.revised ? "値を修正しました (revised; the old value is kept as a revision)"
                                 : "同じ値がすでに登録されています (unchanged)";
  return what + ": " + r.kpi + " " + r.period.str() + " = " + r.value.str() + " — import run " +
         std::to_string(r.run.id) + " (" + r.run.source + ")";
}

std::string entry_page(const config::Strategy& strategy, const std::optional<EntryOutcomeView>& outcome) {
  const EntryRequest filled = outcome ? outcome->entered : EntryRequest{};
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>KPI 手入力 — " +
      html_escape(strategy.city) + "</title><style>" + kStyle + "</style></head><body>\n";
  html += "<h1>KPI 手入力 <small>hand entry</small></h1>\n";
  html += "<p>" + html_escape(strategy.city) + " " + html_escape(strategy.name) +
          " — <a href=\"/\">ダッシュボード (dashboard)</a></p>\n";
  if (outcome)
    html += std::string("<p class=\"") + (outcome->ok ? "ok" : "error") + "\" role=\"status\">" +
            html_escape(outcome->message) + "</p>\n";
  html += "<form method=\"post\" action=\"/entry\" autocomplete=\"off\">\n";
  html += "<label for=\"kpi\">KPI</label>" + kpi_select(strategy, filled.kpi) + "\n";
  html += field("period", "年度 (period)", "R7, 令和7年度, FY2025", filled.period, true) + "\n";
  html += field("value", "値 (value, as the city writes it)", "5件, 1,234, 未実施", filled.value, true) + "\n";
  html += field("note", "備考 (note)", "速報値", filled.note, false) + "\n";
  html +=
      "<label for=\"token\">担当課のトークン (your department's token)</label>"
      "<input id=\"token\" name=\"token\" type=\"password\" required>\n";
  html += "<button type=\"submit\">登録 (enter)</button>\n</form>\n";
  // What staff need to know; how scripts enter values (the JSON API) is in docs/serve.md, not here.
  html +=
      "<p><small>登録した値は担当課の手入力として記録されます。同じ年度の値を登録し直すと、"
      "以前の値は修正履歴に残ります。</small></p>\n";
  html += "<p><a href=\"/signoff\">承認と締め・コメント (sign-off and commentary)</a></p>\n";
  return html + "</body></html>\n";
}

}  // namespace sosei::serve
