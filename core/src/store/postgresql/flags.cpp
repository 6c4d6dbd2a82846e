// Data-quality flags over PostgreSQL (flags.hpp): the same rules as the SQLite store's — open flags
// of a rule raised again stay open with the new value, the other open ones are cleared by the run;
// each flag raised, cleared or resolved is an audit event in the transaction of its change.
#include "store/postgresql/flags.hpp"

#include <algorithm>

#include "store/canonical_json.hpp"
#include "store/postgresql/columns.hpp"
#include "store/postgresql/signoff.hpp"

namespace sosei::store::pg {
namespace {

const char* level_text(FlagLevel level) { return level == FlagLevel::Error ? "error" : "warning"; }

FlagState state_column(std::string_view text) {
  if (text == "open") return FlagState::Open;
  if (text == "cleared") return FlagState::Cleared;
  if (text == "resolved") return FlagState::Resolved;
  throw StoreError("unknown flag state '" + std::string(text) + "' in the database");
}

// The audit event of a flag the run raised or cleared: by the run, about the flag's key.
AuditEvent flag_event(const ObservationKey& key, const Actor& run, const std::string& stamp, const char* action) {
  AuditEvent e;
  e.at = stamp;
  e.who = run;
  e.action = action;
  e.kpi = key.series;
  e.period = key.period;
  e.dimensions = key.dimensions;
  return e;
}

std::string number_text(const std::optional<double>& v) { return v ? Value::of(*v).str() : std::string(); }

}  // namespace

void write_flags(Session& s, const ObservationKey& key, const std::string& dimensions,
                 const std::vector<FlagRaise>& raised, const Actor& run, const std::string& stamp) {
  const int64_t run_id = run.run_id;
  Result open = s.db.prepared("read open flags", "open_flags",
                              "SELECT id, rule FROM quality_flags WHERE series = $1 AND period_kind = $2"
                              " AND period_year = $3 AND period_month = $4 AND period_day = $5 AND dimensions = $6"
                              " AND state = 'open' ORDER BY id",
                              add_period(Params().text(key.series), key.period).text(dimensions));
  std::vector<bool> kept(raised.size(), false);
  for (int i = 0; i < open.rows(); ++i) {
    const int64_t id = open.int64(i, 0);
    const std::string_view rule = open.text(i, 1);
    const auto it = std::find_if(raised.begin(), raised.end(), [&](const FlagRaise& r) { return r.rule == rule; });
    if (it == raised.end()) {  // this run's value passes the rule
      s.db.prepared("clear a flag", "clear_flag",
                    "UPDATE quality_flags SET state = 'cleared', closed_run_id = $2, closed_at = $3 WHERE id = $1",
                    Params().int64(id).int64(run_id).text(stamp));
      AuditEvent e = flag_event(key, run, stamp, "flag.clear");
      e.before = rule;
      e.after = "cleared";
      append_audit(s, e);
      continue;
    }
    kept[static_cast<std::size_t>(it - raised.begin())] = true;
    s.db.prepared("raise a flag again", "raise_flag_again",
                  "UPDATE quality_flags SET level = $2, value = $3, expected_min = $4, expected_max = $5, detail = $6,"
                  " location = $7, run_id = $8, raised_at = $9 WHERE id = $1",
                  Params()
                      .int64(id)
                      .text(level_text(it->level))
                      .real(it->value)
                      .real(it->expected_min)
                      .real(it->expected_max)
                      .text(it->detail)
                      .text(it->location)
                      .int64(run_id)
                      .text(stamp));
  }
  for (std::size_t i = 0; i < raised.size(); ++i) {
    if (kept[i]) continue;
    const FlagRaise& r = raised[i];
    s.db.prepared("raise a flag", "raise_flag",
                  "INSERT INTO quality_flags(series, period_kind, period_year, period_month, period_day, dimensions,"
                  " rule, level, value, expected_min, expected_max, detail, location, run_id, raised_at)"
                  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                  add_period(Params().text(key.series), key.period)
                      .text(dimensions)
                      .text(r.rule)
                      .text(level_text(r.level))
                      .real(r.value)
                      .real(r.expected_min)
                      .real(r.expected_max)
                      .text(r.detail)
                      .text(r.location)
                      .int64(run_id)
                      .text(stamp));
    AuditEvent e = flag_event(key, run, stamp, "flag.raise");
    e.after = r.rule + " " + level_text(r.level) + (r.value ? " " + number_text(r.value) : std::string());
    e.reason = r.detail;
    append_audit(s, e);
  }
}

std::vector<QualityFlag> read_flags(Session& s, const FlagQuery& q) {
  Result r = s.db.prepared(
      "list flags", "flags",
      "SELECT id, series, period_kind, period_year, period_month, period_day, dimensions, rule, level, value,"
      " expected_min, expected_max, detail, location, run_id, iso_utc(raised_at), state, coalesce(closed_run_id, 0),"
      " " SOSEI_PG_TIME("closed_at") ", closed_by, note FROM quality_flags"
      " WHERE ($1 = '' OR series = $1) AND (NOT $2::boolean OR state = 'open') AND ($3 = 0 OR id = $3)"
      " ORDER BY id",
      Params().text(q.series).text(q.open_only ? "true" : "false").int64(q.id.value_or(0)));
  std::vector<QualityFlag> out;
  for (int i = 0; i < r.rows(); ++i) {
    QualityFlag f;
    f.id = r.int64(i, 0);
    f.key.series = r.string(i, 1);
    f.key.period = read_period(r, i, 2);
    f.key.dimensions = parse_dimensions(r.text(i, 6));
    f.raised.rule = r.string(i, 7);
    f.raised.level = r.text(i, 8) == "error" ? FlagLevel::Error : FlagLevel::Warning;
    f.raised.value = r.optional_real(i, 9);
    f.raised.expected_min = r.optional_real(i, 10);
    f.raised.expected_max = r.optional_real(i, 11);
    f.raised.detail = r.string(i, 12);
    f.raised.location = r.string(i, 13);
    f.run_id = r.int64(i, 14);
    f.raised_at = r.string(i, 15);
    f.state = state_column(r.text(i, 16));
    f.closed_run_id = r.int64(i, 17);
    f.closed_at = r.string(i, 18);
    f.closed_by = r.string(i, 19);
    f.note = r.string(i, 20);
    out.push_back(std::move(f));
  }
  return out;
}

bool resolve_flag(Session& s, int64_t id, const AuditEvent& event) {
  const std::string now = s.now();
  const std::string by =
      event.who.department.empty() ? event.who.name : event.who.name + " (" + event.who.department + ")";
  Transaction txn(s.db);
  // The row lock of the UPDATE makes a second resolver wait, then find the flag closed.
  const bool changed = s.db.prepared("resolve a flag", "resolve_flag",
                                     "UPDATE quality_flags SET state = 'resolved', closed_at = $2, closed_by = $3,"
                                     " note = $4 WHERE id = $1 AND state = 'open'",
                                     Params().int64(id).text(now).text(by).text(event.reason))
                           .affected() > 0;
  if (!changed) {
    txn.rollback();
    return false;
  }
  AuditEvent stamped = event;
  if (stamped.at.empty()) stamped.at = now;
  append_audit(s, stamped);
  txn.commit();
  return true;
}

}  // namespace sosei::store::pg
