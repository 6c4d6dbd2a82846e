// Adding a comment version (commentary.hpp): the rights by kind, and its audit event.
#include "app/commentary.hpp"

#include <fmt/format.h>

#include "report/signoff.hpp"
#include "sosei/notation.hpp"
#include "text/catalogue.hpp"
#include "text/periods.hpp"

namespace sosei::app {
namespace {

using Why = SignoffRefused::Why;

int read_fiscal_year(const std::string& text, text::Lang lang) {
  if (auto p = Period::parse(text); p && p->kind == PeriodKind::FiscalYear) return p->year;
  std::string error;
  const auto parsed = sosei::parse_period(text, SOSEI_PERIOD_FISCAL_YEAR, &error);
  if (!parsed || parsed->kind != SOSEI_PERIOD_FISCAL_YEAR)
    throw SignoffRefused(Why::BadInput, fmt::format(fmt::runtime(text::catalogue(lang).refuse_comment_year), text));
  return parsed->year;
}

}  // namespace

CommentResult add_comment(const config::Strategy& strategy, store::Store& store, const Signer& who,
                          const CommentRequest& request, text::Lang lang) {
  const text::Catalogue& c = text::catalogue(lang);
  const config::Kpi* kpi = strategy.find_kpi(request.kpi);
  if (!kpi) throw SignoffRefused(Why::NotFound, fmt::format(fmt::runtime(c.refuse_unknown_kpi), request.kpi));
  const auto kind = store::comment_kind_from(request.kind);
  if (!kind) throw SignoffRefused(Why::BadInput, fmt::format(fmt::runtime(c.comment_kind_unknown), request.kind));
  const int year = read_fiscal_year(request.year, lang);
  if (request.text.find_first_not_of(" \t\r\n　") == std::string::npos)
    throw SignoffRefused(Why::BadInput, c.refuse_empty_comment);
  if (who.role) {
    // The department explains its figures; the committee's opinion is the policy division's to record.
    if (*kind == store::CommentKind::Committee && *who.role != store::TokenRole::Policy)
      throw SignoffRefused(Why::Forbidden,
                           fmt::format(fmt::runtime(c.refuse_policy_only), who.actor.token_id, who.actor.department));
    if (*kind != store::CommentKind::Committee && *who.role == store::TokenRole::Policy)
      throw SignoffRefused(Why::Forbidden,
                           fmt::format(fmt::runtime(c.refuse_department_only), kpi->department, who.actor.token_id));
    if (*who.role == store::TokenRole::Department && kpi->department != who.actor.department)
      throw SignoffRefused(Why::Forbidden, fmt::format(fmt::runtime(c.refuse_other_department), kpi->id,
                                                       kpi->department, who.actor.token_id, who.actor.department));
  }

  store::Comment comment;
  comment.kpi = kpi->id;
  comment.year = year;
  comment.kind = *kind;
  comment.text = request.text;
  comment.entered_by = who.actor.name;
  comment.department = who.actor.department;

  store::AuditEvent event;
  event.who = who.actor;
  event.action = "comment.add";
  event.kpi = kpi->id;
  event.period = Period::fiscal_year(year);
  for (const auto& old : store.comments(kpi->id, false))
    if (old.year == year && old.kind == *kind) event.before = old.text;
  event.after = request.text;
  event.reason = store::to_string(*kind);

  CommentResult result;
  result.comment = store.add_comment(comment, event);
  result.message =
      fmt::format(fmt::runtime(c.comment_saved), kpi->id, text::fiscal_year_text(year, text::YearStyle::Era, lang),
                  report::comment_kind_label(*kind, lang), result.comment.version);
  return result;
}

}  // namespace sosei::app
