// The /signoff page: plain HTML forms (no script) for the sign-off steps — 提出 by a department, 承認
// and 締めの解除 by the policy division — and for the commentary, each posting its token in the body
// like the hand-entry form (docs/signoff.md).
#include "serve/signoff_page.hpp"

#include "report/html_escape.hpp"

namespace sosei::serve {
namespace {

using report::html_escape;

// Submit (the department), approve and unlock (the policy division): one form, one button per step.
std::string signoff_form(const config::Strategy& strategy) {
  std::string html = "<h2 id=\"signoff\">承認と締め <small>sign-off</small></h2>\n";
  html += "<form method=\"post\" action=\"/signoff/step\" autocomplete=\"off\">\n";
  html += "<label for=\"signoff-kpi\">KPI</label>" + kpi_select(strategy, "", false, "signoff-kpi") + "\n";
  html += field("signoff-period", "年度 (period)", "R7, FY2025", "", true, "period") + "\n";
  html += field("signoff-reason", "理由 (reason: 締めの解除には必須)", "", "", false, "reason") + "\n";
  html += token_field("signoff-token");
  html +=
      "<button type=\"submit\" name=\"step\" value=\"submit\">提出 (submit)</button> "
      "<button type=\"submit\" name=\"step\" value=\"approve\">承認 (approve)</button> "
      "<button type=\"submit\" name=\"step\" value=\"unlock\">締めの解除 (unlock)</button>\n</form>\n";
  html +=
      "<p><small>提出は担当課のトークン、承認と締めの解除は企画政策担当（role: policy）のトークンで行います。"
      "承認された年度の値は、締めが解除されるまで取込でも手入力でも変わりません。</small></p>\n";
  return html;
}

std::string comment_form(const config::Strategy& strategy) {
  std::string html = "<h2 id=\"comment\">コメント <small>commentary</small></h2>\n";
  html += "<form method=\"post\" action=\"/signoff/comment\" autocomplete=\"off\">\n";
  html += "<label for=\"comment-kpi\">KPI</label>" + kpi_select(strategy, "", false, "comment-kpi") + "\n";
  html += field("comment-year", "年度 (fiscal year)", "R7, FY2025", "", true, "year") + "\n";
  html +=
      "<label for=\"comment-kind\">種類 (kind)</label><select id=\"comment-kind\" name=\"kind\">"
      "<option value=\"why\">要因分析 (why)</option><option value=\"next\">今後の方向性 (next)</option>"
      "<option value=\"committee\">推進会議の意見 (committee)</option></select>\n";
  html +=
      "<label for=\"comment-text\">本文 (text)</label><textarea id=\"comment-text\" name=\"text\" rows=\"4\" "
      "style=\"width:100%\" required></textarea>\n";
  html += token_field("comment-token");
  html += "<button type=\"submit\">保存 (save)</button>\n</form>\n";
  return html;
}

}  // namespace

std::string signoff_page(const config::Strategy& strategy, const std::optional<EntryOutcomeView>& outcome) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>承認と締め・コメント — " +
      html_escape(strategy.city) + "</title><style>" + form_style() + "</style></head><body>\n";
  html += "<h1>承認と締め・コメント <small>sign-off and commentary</small></h1>\n";
  html += "<p>" + html_escape(strategy.city) + " " + html_escape(strategy.name) +
          " — <a href=\"/\">ダッシュボード (dashboard)</a> · <a href=\"/entry\">手入力 (hand entry)</a></p>\n";
  if (outcome)
    html += std::string("<p class=\"") + (outcome->ok ? "ok" : "error") + "\" role=\"status\">" +
            html_escape(outcome->message) + "</p>\n";
  html += signoff_form(strategy);
  html += comment_form(strategy);
  return html + "</body></html>\n";
}

}  // namespace sosei::serve
