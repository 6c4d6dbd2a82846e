// The audit trail (audit_events, read through the audit_trail view with the value revisions),
// approvals and comments over PostgreSQL. A change of approval checks its starting
// state under a row lock and the writers' lock (no import runs while a period is approved or
// unlocked: an import reads the locked periods once, at its start).
#include "store/postgresql/signoff.hpp"

#include "store/canonical_json.hpp"
#include "store/postgresql/columns.hpp"
#include "store/postgresql/migrations.hpp"

namespace sosei::store::pg {
namespace {

#define SOSEI_APPROVAL_COLUMNS                                                                             \
  "SELECT kpi, period_kind, period_year, period_month, period_day, state, iso_utc(changed_at), changed_by" \
  " FROM approvals"
#define SOSEI_APPROVAL_ORDER " ORDER BY kpi, period_kind COLLATE \"C\", period_year, period_month, period_day"
#define SOSEI_COMMENT_COLUMNS \
  "SELECT kpi, year, kind, version, text, iso_utc(entered_at), entered_by, department FROM comments c"
#define SOSEI_COMMENT_ORDER " ORDER BY kpi, year, CASE kind WHEN 'why' THEN 0 WHEN 'next' THEN 1 ELSE 2 END"

std::vector<Approval> approval_rows(const Result& r) {
  std::vector<Approval> out;
  for (int i = 0; i < r.rows(); ++i) {
    Approval a;
    a.kpi = r.string(i, 0);
    a.period = read_period(r, i, 1);
    a.state = approval_state_from(r.text(i, 5)).value_or(ApprovalState::Entered);
    a.changed_at = r.string(i, 6);
    a.changed_by = r.string(i, 7);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

int64_t append_audit(Session& s, const AuditEvent& e) {
  Params p;
  p.text(e.at.empty() ? s.now() : e.at).text(to_string(e.who.kind)).text(e.who.name).text(e.who.department);
  if (e.who.token_id)
    p.int64(e.who.token_id);
  else
    p.null();
  if (e.who.run_id)
    p.int64(e.who.run_id);
  else
    p.null();
  p.text(e.action).text(e.kpi);
  if (e.period)
    add_period(p, *e.period);
  else
    p.null().null().int64(0).int64(0);
  p.text(canonical_json(e.dimensions)).text(e.before).text(e.after).text(e.reason);
  Result r = s.db.prepared(
      "append an audit event", "append_audit",
      "INSERT INTO audit_events(at, actor_kind, actor, department, token_id, run_id, action, kpi, period_kind,"
      " period_year, period_month, period_day, dimensions, before, after, reason)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
      p);
  return r.int64(0, 0);
}

std::vector<AuditEvent> read_audit(Session& s, const AuditQuery& q) {
  Params p;
  p.text(q.kpi).text(q.since).text(q.action);
  if (q.period)
    add_period(p, *q.period);
  else
    p.null().int64(0).int64(0).int64(0);
  if (q.limit == 0)
    p.null();
  else
    p.int64(static_cast<int64_t>(q.limit));
  // Newest `limit` matches (NULL: all), returned in the order they happened. An empty text parameter
  // means "any". `since` compares as text with the ISO form, as in the SQLite store: a date or any
  // prefix works. audit_trail (migration 9) joins the events written here with the value revisions.
  Result r = s.db.prepared(
      "read the audit trail", "audit",
      "SELECT * FROM (SELECT event_id, revision_id, iso_utc(at), actor_kind, actor, department,"
      " coalesce(token_id, 0), coalesce(run_id, 0), action, kpi, period_kind, period_year, period_month,"
      " period_day, dimensions, before, after, reason, at AS t FROM audit_trail WHERE ($1::text = '' OR kpi = $1::text)"
      " AND ($2::text = '' OR iso_utc(at) COLLATE \"C\" >= $2::text) AND ($3::text = '' OR action = $3::text)"
      " AND ($4::text IS NULL OR (period_kind = $4::text AND period_year = $5::integer"
      " AND period_month = $6::integer AND period_day = $7::integer))"
      " ORDER BY at DESC, event_id DESC, revision_id DESC LIMIT $8::bigint) newest"
      " ORDER BY t, event_id, revision_id",
      p);
  std::vector<AuditEvent> out;
  for (int i = 0; i < r.rows(); ++i) {
    AuditEvent e;
    e.id = r.int64(i, 0);
    e.revision_id = r.int64(i, 1);
    e.at = r.string(i, 2);
    e.who.kind = actor_kind_from(r.text(i, 3)).value_or(Actor::Kind::Cli);
    e.who.name = r.string(i, 4);
    e.who.department = r.string(i, 5);
    e.who.token_id = r.int64(i, 6);
    e.who.run_id = r.int64(i, 7);
    e.action = r.string(i, 8);
    e.kpi = r.string(i, 9);
    if (!r.is_null(i, 10)) e.period = read_period(r, i, 10);
    e.dimensions = parse_dimensions(r.text(i, 14));
    e.before = r.string(i, 15);
    e.after = r.string(i, 16);
    e.reason = r.string(i, 17);
    out.push_back(std::move(e));
  }
  return out;
}

Approval read_approval(Session& s, const std::string& kpi, const Period& period) {
  auto rows = approval_rows(s.db.prepared(
      "read an approval", "approval",
      SOSEI_APPROVAL_COLUMNS
      " WHERE kpi = $1 AND period_kind = $2 AND period_year = $3 AND period_month = $4 AND period_day = $5",
      add_period(Params().text(kpi), period)));
  if (!rows.empty()) return rows.front();
  return {kpi, period, ApprovalState::Entered, "", ""};
}

std::vector<Approval> read_approvals(Session& s, const std::string& kpi) {
  return approval_rows(s.db.prepared("list approvals", "approvals",
                                     SOSEI_APPROVAL_COLUMNS
                                     " WHERE ($1 = '' OR kpi = $1) AND state <> 'entered'" SOSEI_APPROVAL_ORDER,
                                     Params().text(kpi)));
}

std::vector<Approval> read_locks(Session& s) {
  return approval_rows(s.db.prepared("list locked periods", "locks",
                                     SOSEI_APPROVAL_COLUMNS " WHERE state = 'approved'" SOSEI_APPROVAL_ORDER,
                                     Params()));
}

bool change_approval(Session& s, const std::string& kpi, const Period& period, ApprovalState from, ApprovalState to,
                     const AuditEvent& event) {
  Transaction txn(s.db);
  s.lock("wait for the running imports", "advisory_xact_lock", kWritersClass, kCityKey, Params());
  // Serialises two people changing the same period: the second reads the first's state.
  s.db.prepared("lock an approval", "lock_approval",
                "INSERT INTO approvals(kpi, period_kind, period_year, period_month, period_day, state, changed_at,"
                " changed_by) VALUES ($1, $2, $3, $4, $5, 'entered', now(), '') ON CONFLICT DO NOTHING",
                add_period(Params().text(kpi), period));
  Result current = s.db.prepared("read an approval for change", "approval_for_update",
                                 "SELECT state FROM approvals WHERE kpi = $1 AND period_kind = $2 AND period_year = $3"
                                 " AND period_month = $4 AND period_day = $5 FOR UPDATE",
                                 add_period(Params().text(kpi), period));
  if (current.rows() == 0 || approval_state_from(current.text(0, 0)) != from) {
    txn.rollback();  // nothing written, not even the placeholder row
    return false;
  }
  const std::string now = s.now();
  s.db.prepared("write an approval", "write_approval",
                "UPDATE approvals SET state = $6, changed_at = $7, changed_by = $8 WHERE kpi = $1 AND period_kind = $2"
                " AND period_year = $3 AND period_month = $4 AND period_day = $5",
                add_period(Params().text(kpi), period).text(to_string(to)).text(now).text(event.who.name));
  AuditEvent stamped = event;
  stamped.at = now;
  append_audit(s, stamped);
  txn.commit();
  return true;
}

Comment add_comment(Session& s, const Comment& comment, const AuditEvent& event) {
  Transaction txn(s.db);
  Comment c = comment;
  const std::string kind = to_string(c.kind);
  // Two people commenting at once: the second waits here and numbers after the first.
  s.db.exec("number a comment version", "SELECT pg_advisory_xact_lock(hashtext(current_setting('sosei.city') || $1))",
            Params().text("sosei.comment:" + c.kpi));
  Result next = s.db.prepared("number a comment version", "next_comment_version",
                              "SELECT coalesce(max(version), 0) + 1 FROM comments WHERE kpi = $1 AND year = $2"
                              " AND kind = $3",
                              Params().text(c.kpi).int64(c.year).text(kind));
  c.version = static_cast<int>(next.int64(0, 0));
  c.entered_at = s.now();
  s.db.prepared("add a comment", "add_comment",
                "INSERT INTO comments(kpi, year, kind, version, text, entered_at, entered_by, department)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                Params()
                    .text(c.kpi)
                    .int64(c.year)
                    .text(kind)
                    .int64(c.version)
                    .text(c.text)
                    .text(c.entered_at)
                    .text(c.entered_by)
                    .text(c.department));
  AuditEvent stamped = event;
  stamped.at = c.entered_at;
  append_audit(s, stamped);
  txn.commit();
  return c;
}

std::vector<Comment> read_comments(Session& s, const std::string& kpi, bool all_versions) {
  Result r = all_versions
                 ? s.db.prepared("list every comment version", "all_comments",
                                 SOSEI_COMMENT_COLUMNS " WHERE ($1 = '' OR kpi = $1)" SOSEI_COMMENT_ORDER ", version",
                                 Params().text(kpi))
                 : s.db.prepared("list the current comments", "latest_comments",
                                 SOSEI_COMMENT_COLUMNS
                                 " WHERE ($1 = '' OR kpi = $1) AND version = (SELECT max(version) FROM comments d"
                                 " WHERE d.kpi = c.kpi AND d.year = c.year AND d.kind = c.kind)" SOSEI_COMMENT_ORDER,
                                 Params().text(kpi));
  std::vector<Comment> out;
  for (int i = 0; i < r.rows(); ++i) {
    Comment c;
    c.kpi = r.string(i, 0);
    c.year = static_cast<int>(r.int64(i, 1));
    c.kind = comment_kind_from(r.text(i, 2)).value_or(CommentKind::Why);
    c.version = static_cast<int>(r.int64(i, 3));
    c.text = r.string(i, 4);
    c.entered_at = r.string(i, 5);
    c.entered_by = r.string(i, 6);
    c.department = r.string(i, 7);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace sosei::store::pg
