// approvals and comments (docs/schema.md). A period without a row is "entered"; a change checks the
// state it starts from inside the write transaction, so two people approving at once cannot both
// succeed, and the audit event is committed with the change or not at all.
#include "store/sqlite/signoff.hpp"

#include "store/sqlite/audit.hpp"
#include "store/sqlite/columns.hpp"

namespace sosei::store {
namespace {

#define SOSEI_APPROVAL_COLUMNS \
  "SELECT kpi, period_kind, period_year, period_month, period_day, state, changed_at, changed_by FROM approvals"
constexpr const char* kOne = SOSEI_APPROVAL_COLUMNS
    " WHERE kpi = ?1 AND period_kind = ?2 AND period_year = ?3 AND period_month = ?4 AND period_day = ?5";
constexpr const char* kAll = SOSEI_APPROVAL_COLUMNS
    " WHERE (?1 = '' OR kpi = ?1) AND state <> 'entered'"
    " ORDER BY kpi, period_kind, period_year, period_month, period_day";
constexpr const char* kLocks =
    SOSEI_APPROVAL_COLUMNS " WHERE state = 'approved' ORDER BY kpi, period_kind, period_year, period_month, period_day";
constexpr const char* kWrite =
    "INSERT INTO approvals(kpi, period_kind, period_year, period_month, period_day, state, changed_at, changed_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT(kpi, period_kind, period_year, period_month, period_day) DO UPDATE SET state = excluded.state,"
    " changed_at = excluded.changed_at, changed_by = excluded.changed_by";

constexpr const char* kNextVersion =
    "SELECT coalesce(max(version), 0) + 1 FROM comments WHERE kpi = ?1 AND year = ?2 AND kind = ?3";
constexpr const char* kAddComment =
    "INSERT INTO comments(kpi, year, kind, version, text, entered_at, entered_by, department)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
#define SOSEI_COMMENT_COLUMNS \
  "SELECT kpi, year, kind, version, text, entered_at, entered_by, department FROM comments c"
// Kinds in the order the council reads them: why, next, committee.
#define SOSEI_COMMENT_KIND_ORDER " CASE kind WHEN 'why' THEN 0 WHEN 'next' THEN 1 ELSE 2 END"
constexpr const char* kAllComments = SOSEI_COMMENT_COLUMNS
    " WHERE (?1 = '' OR kpi = ?1)"
    " ORDER BY kpi, year," SOSEI_COMMENT_KIND_ORDER ", version";
constexpr const char* kLatestComments = SOSEI_COMMENT_COLUMNS
    " WHERE (?1 = '' OR kpi = ?1) AND version = (SELECT max(version) FROM comments d WHERE d.kpi = c.kpi"
    " AND d.year = c.year AND d.kind = c.kind) ORDER BY kpi, year," SOSEI_COMMENT_KIND_ORDER;

Approval read_row(const sqlite::Statement& s) {
  Approval a;
  a.kpi = s.string(0);
  a.period = read_period(s, 1);
  a.state = approval_state_from(s.text(5)).value_or(ApprovalState::Entered);
  a.changed_at = s.string(6);
  a.changed_by = s.string(7);
  return a;
}

std::vector<Approval> read_list(sqlite::Connection& db, const char* what, const char* sql, const std::string* kpi) {
  sqlite::Statement& s = db.statement(what, sql);
  sqlite::Use use(s);
  if (kpi) s.bind(1, *kpi);
  std::vector<Approval> out;
  while (s.step()) out.push_back(read_row(s));
  return out;
}

}  // namespace

Approval read_sqlite_approval(sqlite::Connection& db, const std::string& kpi, const Period& period) {
  sqlite::Statement& s = db.statement("read an approval", kOne);
  sqlite::Use use(s);
  s.bind(1, kpi);
  bind_period(s, 2, period);
  if (s.step()) return read_row(s);
  return {kpi, period, ApprovalState::Entered, "", ""};
}

std::vector<Approval> read_sqlite_approvals(sqlite::Connection& db, const std::string& kpi) {
  return read_list(db, "list approvals", kAll, &kpi);
}

std::vector<Approval> read_sqlite_locks(sqlite::Connection& db) {
  return read_list(db, "list locked periods", kLocks, nullptr);
}

bool change_sqlite_approval(Session& session, const std::string& kpi, const Period& period, ApprovalState from,
                            ApprovalState to, const AuditEvent& event) {
  sqlite::Transaction txn(session.db, "change an approval");
  if (read_sqlite_approval(session.db, kpi, period).state != from) return false;  // rolled back, nothing written
  const std::string now = session.now();
  const std::string state = to_string(to);
  sqlite::Statement& s = session.db.statement("write an approval", kWrite);
  s.bind(1, kpi);
  bind_period(s, 2, period);
  s.bind(6, state);
  s.bind(7, now);
  s.bind(8, event.who.name);
  s.run();
  AuditEvent stamped = event;
  stamped.at = now;
  append_sqlite_audit(session, stamped);
  txn.commit();
  return true;
}

Comment add_sqlite_comment(Session& session, const Comment& comment, const AuditEvent& event) {
  sqlite::Transaction txn(session.db, "add a comment");
  Comment c = comment;
  const std::string kind = to_string(c.kind);
  {
    sqlite::Statement& s = session.db.statement("number a comment version", kNextVersion);
    sqlite::Use use(s);
    s.bind(1, c.kpi);
    s.bind(2, c.year);
    s.bind(3, kind);
    c.version = s.step() ? static_cast<int>(s.int64(0)) : 1;
  }
  c.entered_at = session.now();
  sqlite::Statement& s = session.db.statement("add a comment", kAddComment);
  s.bind(1, c.kpi);
  s.bind(2, c.year);
  s.bind(3, kind);
  s.bind(4, c.version);
  s.bind(5, c.text);
  s.bind(6, c.entered_at);
  s.bind(7, c.entered_by);
  s.bind(8, c.department);
  s.run();
  AuditEvent stamped = event;
  stamped.at = c.entered_at;
  append_sqlite_audit(session, stamped);
  txn.commit();
  return c;
}

std::vector<Comment> read_sqlite_comments(sqlite::Connection& db, const std::string& kpi, bool all_versions) {
  sqlite::Statement& s = all_versions ? db.statement("list every comment version", kAllComments)
                                      : db.statement("list the current comments", kLatestComments);
  sqlite::Use use(s);
  s.bind(1, kpi);
  std::vector<Comment> out;
  while (s.step()) {
    Comment c;
    c.kpi = s.string(0);
    c.year = static_cast<int>(s.int64(1));
    c.kind = comment_kind_from(s.text(2)).value_or(CommentKind::Why);
    c.version = static_cast<int>(s.int64(3));
    c.text = s.string(4);
    c.entered_at = s.string(5);
    c.entered_by = s.string(6);
    c.department = s.string(7);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace sosei::store
