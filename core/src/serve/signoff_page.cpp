// The /signoff page: plain HTML forms (no script) for the sign-off steps — 提出 by a department, 承認
// and 締めの解除 by the policy division — and for the commentary, each posting its token in the body
// like the hand-entry form (docs/signoff.md).
#include "serve/signoff_page.hpp"

#include "report/html_escape.hpp"
#include "report/signoff.hpp"
#include "text/catalogue.hpp"

namespace sosei::serve {
namespace {

using report::html_escape;

// Submit (the department), approve and unlock (the policy division): one form, one button per step.
std::string signoff_form(const config::Strategy& strategy, text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  auto button = [](const char* step, const char* label) {
    return std::string("<button type=\"submit\" name=\"step\" value=\"") + step + "\">" + html_escape(label) +
           "</button>";
  };
  std::string html = "<h2 id=\"signoff\">" + html_escape(c.signoff_steps_heading) + "</h2>\n";
  html += "<form method=\"post\" action=\"/signoff/step\" autocomplete=\"off\">\n";
  html += "<label for=\"signoff-kpi\">KPI</label>" + kpi_select(strategy, "", false, "signoff-kpi", lang) + "\n";
  html += field("signoff-period", c.entry_period, "R7, FY2025", "", true, "period") + "\n";
  html += field("signoff-reason", c.signoff_reason, "", "", false, "reason") + "\n";
  html += token_field("signoff-token", c.signoff_token);
  html += button("submit", c.signoff_submit) + " " + button("approve", c.signoff_approve) + " " +
          button("unlock", c.signoff_unlock) + "\n</form>\n";
  html += "<p><small>" + html_escape(c.signoff_help) + "</small></p>\n";
  return html;
}

std::string comment_form(const config::Strategy& strategy, text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  std::string html = "<h2 id=\"comment\">" + html_escape(c.comment_heading) + "</h2>\n";
  html += "<form method=\"post\" action=\"/signoff/comment\" autocomplete=\"off\">\n";
  html += "<label for=\"comment-kpi\">KPI</label>" + kpi_select(strategy, "", false, "comment-kpi", lang) + "\n";
  html += field("comment-year", c.entry_period, "R7, FY2025", "", true, "year") + "\n";
  html += "<label for=\"comment-kind\">" + html_escape(c.comment_kind_column) +
          "</label><select id=\"comment-kind\" name=\"kind\">";
  for (auto kind : {store::CommentKind::Why, store::CommentKind::Next, store::CommentKind::Committee})
    html += "<option value=\"" + store::to_string(kind) + "\">" + html_escape(report::comment_kind_label(kind, lang)) +
            "</option>";
  html += "</select>\n";
  html += "<label for=\"comment-text\">" + html_escape(c.comment_text_column) +
          "</label><textarea id=\"comment-text\" name=\"text\" rows=\"4\" style=\"width:100%\" "
          "required></textarea>\n";
  html += token_field("comment-token", c.signoff_token);
  html += "<button type=\"submit\">" + html_escape(c.comment_save) + "</button>\n</form>\n";
  return html;
}

}  // namespace

std::string signoff_page(const config::Strategy& strategy, const std::optional<EntryOutcomeView>& outcome,
                         text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  std::string html = std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == text::Lang::En ? "en" : "ja") +
                     "\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<title>" +
                     html_escape(c.signoff_link) + " — " + html_escape(strategy.city) + "</title><style>" +
                     form_style() + "</style></head><body>\n";
  html += "<h1>" + html_escape(c.signoff_link) + "</h1>\n";
  html += "<p>" + html_escape(strategy.city) + " " + html_escape(strategy.name) + " — <a href=\"/\">" +
          html_escape(c.dashboard) + "</a> · <a href=\"/entry\">" + html_escape(c.entry_title) + "</a></p>\n";
  if (outcome)
    html += std::string("<p class=\"") + (outcome->ok ? "ok" : "error") + "\" role=\"status\">" +
            html_escape(outcome->message) + "</p>\n";
  html += signoff_form(strategy, lang);
  html += comment_form(strategy, lang);
  return html + "</body></html>\n";
}

}  // namespace sosei::serve
