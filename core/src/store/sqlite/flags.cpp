// Data-quality flags over SQLite (flags.hpp).
#include "store/sqlite/flags.hpp"

#include <algorithm>

#include "store/canonical_json.hpp"
#include "store/sqlite/audit.hpp"
#include "store/sqlite/columns.hpp"

namespace sosei::store {
namespace {

#define SOSEI_KEY_MATCH                                                                                  \
  " series = ?1 AND period_kind = ?2 AND period_year = ?3 AND period_month = ?4 AND period_day = ?5 AND" \
  " dimensions = ?6"
constexpr const char* kOpenOfKey = "SELECT id, rule FROM quality_flags WHERE" SOSEI_KEY_MATCH " AND state = 'open'";
constexpr const char* kRaiseAgain =
    "UPDATE quality_flags SET level = ?2, value = ?3, expected_min = ?4, expected_max = ?5, detail = ?6,"
    " location = ?7, run_id = ?8, raised_at = ?9 WHERE id = ?1";
constexpr const char* kClear =
    "UPDATE quality_flags SET state = 'cleared', closed_run_id = ?2, closed_at = ?3 WHERE id = ?1";
constexpr const char* kRaise =
    "INSERT INTO quality_flags(series, period_kind, period_year, period_month, period_day, dimensions, rule, level,"
    " value, expected_min, expected_max, detail, location, run_id, raised_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
#define SOSEI_FLAG_COLUMNS                                                                                 \
  "SELECT id, series, period_kind, period_year, period_month, period_day, dimensions, rule, level, value," \
  " expected_min, expected_max, detail, location, run_id, raised_at, state, coalesce(closed_run_id, 0),"   \
  " coalesce(closed_at, ''), closed_by, note FROM quality_flags"
// One statement; ?1 '' = every series, ?2 1 = open only, ?3 0 = every id.
constexpr const char* kList = SOSEI_FLAG_COLUMNS
    " WHERE (?1 = '' OR series = ?1) AND (?2 = 0 OR state = 'open') AND (?3 = 0 OR id = ?3)"
    " ORDER BY id";
constexpr const char* kResolve =
    "UPDATE quality_flags SET state = 'resolved', closed_at = ?2, closed_by = ?3, note = ?4"
    " WHERE id = ?1 AND state = 'open'";

// Bound as static text (Statement::bind keeps no copy): a literal, never a temporary string.
const char* level_text(FlagLevel level) { return level == FlagLevel::Error ? "error" : "warning"; }

void bind_optional(sqlite::Statement& s, int index, const std::optional<double>& v) {
  if (v)
    s.bind(index, *v);
  else
    s.bind_null(index);
}

std::optional<double> optional_real(const sqlite::Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return s.real(column);
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

FlagState state_column(std::string_view text) {
  if (text == "open") return FlagState::Open;
  if (text == "cleared") return FlagState::Cleared;
  if (text == "resolved") return FlagState::Resolved;
  throw StoreError("unknown flag state '" + std::string(text) + "' in the database");
}

}  // namespace

void write_sqlite_flags(Session& session, const ObservationKey& key, std::string_view dimensions,
                        const std::vector<FlagRaise>& raised, const Actor& run, const std::string& stamp) {
  sqlite::Connection& db = session.db;
  const int64_t run_id = run.run_id;
  std::vector<std::pair<int64_t, std::string>> open;
  {
    sqlite::Statement& s = db.statement("read open flags", kOpenOfKey);
    sqlite::Use use(s);
    s.bind(1, key.series);
    bind_period(s, 2, key.period);
    s.bind(6, dimensions);
    while (s.step()) open.emplace_back(s.int64(0), s.string(1));
  }
  std::vector<bool> kept(raised.size(), false);
  for (const auto& [id, rule] : open) {
    // Captured by name, not through the structured binding: clang 14 refuses to capture a binding.
    const std::string& open_rule = rule;
    const auto it =
        std::find_if(raised.begin(), raised.end(), [&open_rule](const FlagRaise& r) { return r.rule == open_rule; });
    if (it == raised.end()) {  // this run's value passes the rule
      sqlite::Statement& c = db.statement("clear a flag", kClear);
      c.bind(1, id);
      c.bind(2, run_id);
      c.bind(3, stamp);
      c.run();
      AuditEvent e = flag_event(key, run, stamp, "flag.clear");
      e.before = rule;
      e.after = "cleared";
      append_sqlite_audit(session, e);
      continue;
    }
    kept[static_cast<std::size_t>(it - raised.begin())] = true;
    sqlite::Statement& u = db.statement("raise a flag again", kRaiseAgain);
    u.bind(1, id);
    u.bind(2, level_text(it->level));
    bind_optional(u, 3, it->value);
    bind_optional(u, 4, it->expected_min);
    bind_optional(u, 5, it->expected_max);
    u.bind(6, it->detail);
    u.bind(7, it->location);
    u.bind(8, run_id);
    u.bind(9, stamp);
    u.run();
  }
  for (std::size_t i = 0; i < raised.size(); ++i) {
    if (kept[i]) continue;
    const FlagRaise& r = raised[i];
    sqlite::Statement& s = db.statement("raise a flag", kRaise);
    s.bind(1, key.series);
    bind_period(s, 2, key.period);
    s.bind(6, dimensions);
    s.bind(7, r.rule);
    s.bind(8, level_text(r.level));
    bind_optional(s, 9, r.value);
    bind_optional(s, 10, r.expected_min);
    bind_optional(s, 11, r.expected_max);
    s.bind(12, r.detail);
    s.bind(13, r.location);
    s.bind(14, run_id);
    s.bind(15, stamp);
    s.run();
    AuditEvent e = flag_event(key, run, stamp, "flag.raise");
    e.after = r.rule + " " + level_text(r.level) + (r.value ? " " + number_text(r.value) : std::string());
    e.reason = r.detail;
    append_sqlite_audit(session, e);
  }
}

std::vector<QualityFlag> read_sqlite_flags(sqlite::Connection& db, const FlagQuery& q) {
  sqlite::Statement& s = db.statement("list flags", kList);
  sqlite::Use use(s);
  s.bind(1, q.series);
  s.bind(2, int64_t{q.open_only ? 1 : 0});
  s.bind(3, q.id.value_or(0));
  std::vector<QualityFlag> out;
  while (s.step()) {
    QualityFlag f;
    f.id = s.int64(0);
    f.key.series = s.string(1);
    f.key.period = read_period(s, 2);
    f.key.dimensions = parse_dimensions(s.text(6));
    f.raised.rule = s.string(7);
    f.raised.level = s.text(8) == "error" ? FlagLevel::Error : FlagLevel::Warning;
    f.raised.value = optional_real(s, 9);
    f.raised.expected_min = optional_real(s, 10);
    f.raised.expected_max = optional_real(s, 11);
    f.raised.detail = s.string(12);
    f.raised.location = s.string(13);
    f.run_id = s.int64(14);
    f.raised_at = s.string(15);
    f.state = state_column(s.text(16));
    f.closed_run_id = s.int64(17);
    f.closed_at = s.string(18);
    f.closed_by = s.string(19);
    f.note = s.string(20);
    out.push_back(std::move(f));
  }
  return out;
}

bool resolve_sqlite_flag(Session& session, int64_t id, const AuditEvent& event) {
  const std::string now = session.now();
  const std::string by =
      event.who.department.empty() ? event.who.name : event.who.name + " (" + event.who.department + ")";
  sqlite::Transaction txn(session.db, "resolve a flag");
  sqlite::Statement& s = session.db.statement("resolve a flag", kResolve);
  s.bind(1, id);
  s.bind(2, now);
  s.bind(3, by);
  s.bind(4, event.reason);
  s.run();
  const bool changed = session.db.changes() > 0;
  if (changed) append_sqlite_audit(session, event);
  txn.commit();
  return changed;
}

}  // namespace sosei::store
