// audit_events (docs/schema.md, docs/signoff.md): every event is one INSERT; reads go through the
// audit_trail view, which adds the value revisions, and filter by KPI, time, action and period with one
// constant statement (empty parameters mean "any").
#include "store/sqlite/audit.hpp"

#include "store/canonical_json.hpp"
#include "store/sqlite/columns.hpp"

namespace sosei::store {
namespace {

constexpr const char* kAppend =
    "INSERT INTO audit_events(at, actor_kind, actor, department, token_id, run_id, action, kpi, period_kind,"
    " period_year, period_month, period_day, dimensions, before, after, reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

// Newest `limit` matches (-1: all), returned in the order they happened. audit_trail (migration 9)
// joins the events written here with the value revisions the imports recorded.
constexpr const char* kRead =
    "SELECT * FROM (SELECT event_id, revision_id, at, actor_kind, actor, department, coalesce(token_id, 0),"
    " coalesce(run_id, 0), action, kpi, period_kind, period_year, period_month, period_day, dimensions, before,"
    " after, reason FROM audit_trail WHERE (?1 = '' OR kpi = ?1) AND (?2 = '' OR at >= ?2)"
    " AND (?3 = '' OR action = ?3)"
    " AND (?4 IS NULL OR (period_kind = ?4 AND period_year = ?5 AND period_month = ?6 AND period_day = ?7))"
    " ORDER BY at DESC, event_id DESC, revision_id DESC LIMIT ?8) ORDER BY at, event_id, revision_id";

}  // namespace

int64_t append_sqlite_audit(Session& session, const AuditEvent& e) {
  const std::string at = e.at.empty() ? session.now() : e.at;
  const std::string dimensions = canonical_json(e.dimensions);
  const std::string actor_kind = to_string(e.who.kind);
  sqlite::Statement& s = session.db.statement("append an audit event", kAppend);
  s.bind(1, at);
  s.bind(2, actor_kind);
  s.bind(3, e.who.name);
  s.bind(4, e.who.department);
  if (e.who.token_id)
    s.bind(5, e.who.token_id);
  else
    s.bind_null(5);
  if (e.who.run_id)
    s.bind(6, e.who.run_id);
  else
    s.bind_null(6);
  s.bind(7, e.action);
  s.bind(8, e.kpi);
  if (e.period) {
    bind_period(s, 9, *e.period);
  } else {
    s.bind_null(9);
    s.bind_null(10);
    s.bind(11, 0);
    s.bind(12, 0);
  }
  s.bind(13, dimensions);
  s.bind(14, e.before);
  s.bind(15, e.after);
  s.bind(16, e.reason);
  s.run();
  return session.db.last_insert_rowid();
}

std::vector<AuditEvent> read_sqlite_audit(sqlite::Connection& db, const AuditQuery& q) {
  sqlite::Statement& s = db.statement("read the audit trail", kRead);
  sqlite::Use use(s);
  s.bind(1, q.kpi);
  s.bind(2, q.since);
  s.bind(3, q.action);
  if (q.period) {
    bind_period(s, 4, *q.period);
  } else {
    s.bind_null(4);
    s.bind(5, 0);
    s.bind(6, 0);
    s.bind(7, 0);
  }
  s.bind(8, q.limit == 0 ? int64_t{-1} : static_cast<int64_t>(q.limit));
  std::vector<AuditEvent> out;
  while (s.step()) {
    AuditEvent e;
    e.id = s.int64(0);
    e.revision_id = s.int64(1);
    e.at = s.string(2);
    e.who.kind = actor_kind_from(s.text(3)).value_or(Actor::Kind::Cli);
    e.who.name = s.string(4);
    e.who.department = s.string(5);
    e.who.token_id = s.int64(6);
    e.who.run_id = s.int64(7);
    e.action = s.string(8);
    e.kpi = s.string(9);
    if (!s.is_null(10)) e.period = read_period(s, 10);
    e.dimensions = parse_dimensions(s.text(14));
    e.before = s.string(15);
    e.after = s.string(16);
    e.reason = s.string(17);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace sosei::store
