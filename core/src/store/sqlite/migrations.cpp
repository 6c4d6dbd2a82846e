// The schema, as an append-only list of migrations (docs/schema.md explains every table), and the
// code that applies them.
#include "store/sqlite/migrations.hpp"

#include <algorithm>
#include <string>

#include "store/store.hpp"

namespace sosei::store {
namespace {

constexpr const char* kInitialSchema = R"sql(
CREATE TABLE schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

CREATE TABLE sources (
  id            TEXT PRIMARY KEY,
  first_seen_at TEXT NOT NULL
);

CREATE TABLE import_runs (
  id             INTEGER PRIMARY KEY,
  source         TEXT NOT NULL REFERENCES sources(id),
  plugin         TEXT NOT NULL,
  plugin_version TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  status         TEXT NOT NULL
                 CHECK (status IN ('running', 'succeeded', 'failed', 'unchanged', 'aborted')),
  accepted       INTEGER NOT NULL DEFAULT 0,
  rejected       INTEGER NOT NULL DEFAULT 0,
  inserted       INTEGER NOT NULL DEFAULT 0,
  revised        INTEGER NOT NULL DEFAULT 0,
  error          TEXT NOT NULL DEFAULT '',
  fingerprint    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_runs_by_source ON import_runs(source, id);

CREATE TABLE run_rejections (
  run_id   INTEGER NOT NULL REFERENCES import_runs(id),
  seq      INTEGER NOT NULL,
  location TEXT NOT NULL,
  reason   TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

CREATE TABLE observations (
  id               INTEGER PRIMARY KEY,
  series           TEXT NOT NULL,
  period_kind      TEXT NOT NULL CHECK (period_kind IN ('fiscal_year', 'calendar_year', 'month', 'date')),
  period_year      INTEGER NOT NULL,
  period_month     INTEGER NOT NULL DEFAULT 0,
  period_day       INTEGER NOT NULL DEFAULT 0,
  dimensions       TEXT NOT NULL DEFAULT '{}',
  value_kind       TEXT NOT NULL,
  number           REAL,
  flags            INTEGER NOT NULL DEFAULT 0,
  note             TEXT NOT NULL DEFAULT '',
  location         TEXT NOT NULL DEFAULT '',
  source           TEXT NOT NULL REFERENCES sources(id),
  first_run_id     INTEGER NOT NULL REFERENCES import_runs(id),
  first_value_kind TEXT NOT NULL,
  first_number     REAL,
  created_at       TEXT NOT NULL,
  run_id           INTEGER NOT NULL REFERENCES import_runs(id),
  updated_at       TEXT NOT NULL,
  CHECK ((value_kind = 'number') = (number IS NOT NULL))
);
-- The key of an observation; it also serves every lookup by series (its first column).
CREATE UNIQUE INDEX observations_key
  ON observations(series, period_kind, period_year, period_month, period_day, dimensions);

CREATE TABLE revisions (
  id             INTEGER PRIMARY KEY,
  observation_id INTEGER NOT NULL REFERENCES observations(id),
  run_id         INTEGER NOT NULL REFERENCES import_runs(id),
  changed_at     TEXT NOT NULL,
  old_value_kind TEXT NOT NULL,
  old_number     REAL,
  new_value_kind TEXT NOT NULL,
  new_number     REAL,
  old_note       TEXT NOT NULL DEFAULT '',
  new_note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX revisions_by_observation ON revisions(observation_id, id);

CREATE TABLE source_state (
  source         TEXT NOT NULL REFERENCES sources(id),
  key            TEXT NOT NULL,
  value          TEXT NOT NULL,
  updated_run_id INTEGER NOT NULL REFERENCES import_runs(id),
  PRIMARY KEY (source, key)
) WITHOUT ROWID;
)sql";

// Stored evaluations, their KPI rows, and the observations each used (so a revision marks it stale).
constexpr const char* kEvaluations = R"sql(
CREATE TABLE evaluations (
  id           INTEGER PRIMARY KEY,
  created_at   TEXT NOT NULL,
  as_of        TEXT NOT NULL,
  scheme       TEXT NOT NULL,
  stale        INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
  stale_since  TEXT,
  stale_run_id INTEGER REFERENCES import_runs(id),
  CHECK ((stale = 1) = (stale_since IS NOT NULL))
);
-- How a grade moved: the evaluations of one as-of date and scheme in order.
CREATE INDEX evaluations_by_as_of ON evaluations(as_of, scheme, id);

CREATE TABLE evaluation_kpis (
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
  seq           INTEGER NOT NULL,
  kpi           TEXT NOT NULL,
  counted       INTEGER NOT NULL CHECK (counted IN (0, 1)),
  actual        REAL,
  formed        TEXT NOT NULL,
  ratio         REAL,
  progress      REAL,
  grade_index   INTEGER NOT NULL,
  grade_symbol  TEXT NOT NULL,
  grade_label   TEXT NOT NULL,
  pace_ratio    REAL,
  off_track     INTEGER NOT NULL CHECK (off_track IN (0, 1)),
  PRIMARY KEY (evaluation_id, seq)
) WITHOUT ROWID;
CREATE INDEX evaluation_kpis_by_kpi ON evaluation_kpis(kpi, evaluation_id);

CREATE TABLE evaluation_inputs (
  evaluation_id  INTEGER NOT NULL REFERENCES evaluations(id),
  observation_id INTEGER NOT NULL REFERENCES observations(id),
  PRIMARY KEY (evaluation_id, observation_id)
) WITHOUT ROWID;
-- The revision path of an import: which evaluations used this observation.
CREATE INDEX evaluation_inputs_by_observation ON evaluation_inputs(observation_id, evaluation_id);
)sql";

constexpr const char* kQuarantines = R"sql(
CREATE TABLE source_quarantines (
  source   TEXT PRIMARY KEY REFERENCES sources(id),
  since    TEXT NOT NULL,
  reason   TEXT NOT NULL,
  failures INTEGER NOT NULL CHECK (failures >= 0)
) WITHOUT ROWID;
)sql";

// Hand-entry tokens: only the SHA-256 of each token is kept (the UNIQUE index is the lookup path).
constexpr const char* kApiTokens = R"sql(
CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  department   TEXT NOT NULL CHECK (department <> ''),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
);
)sql";

// What the plugins declare about their series, recorded by the imports, so the report captions a
// series without loading its plugin.
constexpr const char* kSeriesInfo = R"sql(
CREATE TABLE series_info (
  series         TEXT PRIMARY KEY,
  unit           TEXT NOT NULL DEFAULT '',
  help           TEXT NOT NULL DEFAULT '',
  label_ja       TEXT NOT NULL DEFAULT '',
  label_en       TEXT NOT NULL DEFAULT '',
  plugin         TEXT NOT NULL,
  plugin_version TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Where each revision's values came from ("file.csv:12", "token 3"), so a history says who changed a
// value. Older revisions keep empty locations, except each observation's newest, whose new location
// is the observation's current one.
constexpr const char* kRevisionLocations = R"sql(
ALTER TABLE revisions ADD COLUMN old_location TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN new_location TEXT NOT NULL DEFAULT '';
UPDATE revisions SET new_location = (SELECT o.location FROM observations o WHERE o.id = revisions.observation_id)
  WHERE id IN (SELECT max(id) FROM revisions GROUP BY observation_id);
)sql";

// Data-quality flags (issue 14 §2): a rule's finding on one observation key, open until a later run's
// value passes the rule (cleared) or a person closes it with a reason (resolved). Keyed like the
// observations but without a reference to one: a completeness flag names a value that is missing.
constexpr const char* kQualityFlags = R"sql(
CREATE TABLE quality_flags (
  id            INTEGER PRIMARY KEY,
  series        TEXT NOT NULL,
  period_kind   TEXT NOT NULL CHECK (period_kind IN ('fiscal_year', 'calendar_year', 'month', 'date')),
  period_year   INTEGER NOT NULL,
  period_month  INTEGER NOT NULL DEFAULT 0,
  period_day    INTEGER NOT NULL DEFAULT 0,
  dimensions    TEXT NOT NULL DEFAULT '{}',
  rule          TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('error', 'warning')),
  value         REAL,
  expected_min  REAL,
  expected_max  REAL,
  detail        TEXT NOT NULL DEFAULT '',
  location      TEXT NOT NULL DEFAULT '',
  run_id        INTEGER NOT NULL REFERENCES import_runs(id),
  raised_at     TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'cleared', 'resolved')),
  closed_run_id INTEGER REFERENCES import_runs(id),
  closed_at     TEXT,
  closed_by     TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  CHECK ((state = 'open') = (closed_at IS NULL))
);
-- A run re-checks the flags of the keys it wrote; the lists ask for the open ones.
CREATE INDEX quality_flags_by_key
  ON quality_flags(series, period_kind, period_year, period_month, period_day, dimensions, state);
CREATE INDEX quality_flags_by_state ON quality_flags(state, series);
)sql";

// Sign-off (issue 14 §4-6): token roles, the approval state of each KPI period, the versioned
// commentary, and the append-only audit trail. Value revisions enter the trail through a trigger in
// the import's own transaction (no second write path to forget), and the revisions and tokens made
// before this migration are copied in, so `history` and `sosei audit` see the whole past.
constexpr const char* kSignoff = R"sql(
ALTER TABLE api_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'department' CHECK (role IN ('department', 'policy'));

CREATE TABLE approvals (
  kpi          TEXT NOT NULL,
  period_kind  TEXT NOT NULL,
  period_year  INTEGER NOT NULL,
  period_month INTEGER NOT NULL DEFAULT 0,
  period_day   INTEGER NOT NULL DEFAULT 0,
  state        TEXT NOT NULL CHECK (state IN ('entered', 'submitted', 'approved')),
  changed_at   TEXT NOT NULL,
  changed_by   TEXT NOT NULL,
  PRIMARY KEY (kpi, period_kind, period_year, period_month, period_day)
) WITHOUT ROWID;

CREATE TABLE comments (
  kpi        TEXT NOT NULL,
  year       INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('why', 'next', 'committee')),
  version    INTEGER NOT NULL CHECK (version >= 1),
  text       TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  department TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kpi, year, kind, version)
) WITHOUT ROWID;

-- before/after are texts for people; a value event keeps its exact numbers in before_number /
-- after_number and the kinds, notes and locations in details (JSON), which history reads.
CREATE TABLE audit_events (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  actor_kind    TEXT NOT NULL CHECK (actor_kind IN ('cli', 'token', 'run')),
  actor         TEXT NOT NULL,
  department    TEXT NOT NULL DEFAULT '',
  token_id      INTEGER,
  run_id        INTEGER,
  action        TEXT NOT NULL CHECK (action <> ''),
  kpi           TEXT NOT NULL DEFAULT '',
  period_kind   TEXT,
  period_year   INTEGER,
  period_month  INTEGER NOT NULL DEFAULT 0,
  period_day    INTEGER NOT NULL DEFAULT 0,
  dimensions    TEXT NOT NULL DEFAULT '{}',
  before        TEXT NOT NULL DEFAULT '',
  after         TEXT NOT NULL DEFAULT '',
  reason        TEXT NOT NULL DEFAULT '',
  before_number REAL,
  after_number  REAL,
  details       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_by_kpi
  ON audit_events(kpi, period_kind, period_year, period_month, period_day, dimensions, id);
CREATE INDEX audit_events_by_at ON audit_events(at);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: an audit event is never changed'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: an audit event is never deleted'); END;

CREATE TRIGGER revisions_audit AFTER INSERT ON revisions
BEGIN
  INSERT INTO audit_events(at, actor_kind, actor, department, token_id, run_id, action, kpi, period_kind,
                           period_year, period_month, period_day, dimensions, before, after, before_number,
                           after_number, details)
  SELECT NEW.changed_at,
         CASE WHEN r.source LIKE 'hand:%' THEN 'token' ELSE 'run' END,
         CASE WHEN r.source LIKE 'hand:%' THEN NEW.new_location ELSE r.source END,
         CASE WHEN r.source LIKE 'hand:%' THEN substr(r.source, 6) ELSE '' END,
         CASE WHEN r.source LIKE 'hand:%' AND NEW.new_location LIKE 'token %'
              THEN CAST(substr(NEW.new_location, 7) AS INTEGER) END,
         NEW.run_id, 'value.revise', o.series, o.period_kind, o.period_year, o.period_month, o.period_day,
         o.dimensions,
         CASE WHEN NEW.old_value_kind = 'number' THEN printf('%.15g', NEW.old_number) ELSE NEW.old_value_kind END,
         CASE WHEN NEW.new_value_kind = 'number' THEN printf('%.15g', NEW.new_number) ELSE NEW.new_value_kind END,
         NEW.old_number, NEW.new_number,
         json_object('old_value_kind', NEW.old_value_kind, 'new_value_kind', NEW.new_value_kind,
                     'old_note', NEW.old_note, 'new_note', NEW.new_note,
                     'old_location', NEW.old_location, 'new_location', NEW.new_location,
                     'source', r.source)
  FROM observations o JOIN import_runs r ON r.id = NEW.run_id WHERE o.id = NEW.observation_id;
END;

-- The past, in the order it happened: revisions, then the tokens and their revocations.
INSERT INTO audit_events(at, actor_kind, actor, department, token_id, run_id, action, kpi, period_kind,
                         period_year, period_month, period_day, dimensions, before, after, before_number,
                         after_number, details)
SELECT v.changed_at,
       CASE WHEN r.source LIKE 'hand:%' THEN 'token' ELSE 'run' END,
       CASE WHEN r.source LIKE 'hand:%' THEN v.new_location ELSE r.source END,
       CASE WHEN r.source LIKE 'hand:%' THEN substr(r.source, 6) ELSE '' END,
       CASE WHEN r.source LIKE 'hand:%' AND v.new_location LIKE 'token %'
            THEN CAST(substr(v.new_location, 7) AS INTEGER) END,
       v.run_id, 'value.revise', o.series, o.period_kind, o.period_year, o.period_month, o.period_day,
       o.dimensions,
       CASE WHEN v.old_value_kind = 'number' THEN printf('%.15g', v.old_number) ELSE v.old_value_kind END,
       CASE WHEN v.new_value_kind = 'number' THEN printf('%.15g', v.new_number) ELSE v.new_value_kind END,
       v.old_number, v.new_number,
       json_object('old_value_kind', v.old_value_kind, 'new_value_kind', v.new_value_kind,
                   'old_note', v.old_note, 'new_note', v.new_note,
                   'old_location', v.old_location, 'new_location', v.new_location, 'source', r.source)
FROM revisions v JOIN observations o ON o.id = v.observation_id JOIN import_runs r ON r.id = v.run_id
ORDER BY v.id;
INSERT INTO audit_events(at, actor_kind, actor, action, after, reason)
SELECT created_at, 'cli', '', 'token.create', 'token ' || id || ' ' || department || ' (department)', note
FROM api_tokens ORDER BY id;
INSERT INTO audit_events(at, actor_kind, actor, action, before, after)
SELECT revoked_at, 'cli', '', 'token.revoke', 'token ' || id || ' ' || department || ' (department)', 'revoked'
FROM api_tokens WHERE revoked_at IS NOT NULL ORDER BY revoked_at, id;
)sql";

// Value revisions are audit events read from `revisions` itself: one record of each change, not a
// copy per revision (the copy of migration 8's trigger doubled the database and made a re-import where
// every value changes 2.5 times slower). The copies made until now stay in audit_events; the view
// reads revisions only after the last copied one. A revision is as final as an audit event once its
// run has ended; only the open run may withdraw one (a value its rule check rejects).
constexpr const char* kRevisionsAreAudit = R"sql(
DROP TRIGGER revisions_audit;

CREATE TABLE audit_revision_copies (through_revision_id INTEGER NOT NULL);
INSERT INTO audit_revision_copies SELECT coalesce(max(id), 0) FROM revisions;

CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions is append-only: a recorded revision is never changed'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
WHEN (SELECT status FROM import_runs WHERE id = OLD.run_id) <> 'running'
BEGIN SELECT RAISE(ABORT, 'revisions is append-only: only the open run may withdraw its revision'); END;

CREATE VIEW audit_trail AS
SELECT id AS event_id, 0 AS revision_id, at, actor_kind, actor, department, token_id, run_id, action, kpi,
       period_kind, period_year, period_month, period_day, dimensions, before, after, reason
FROM audit_events
UNION ALL
SELECT 0, v.id, v.changed_at,
       CASE WHEN r.source LIKE 'hand:%' THEN 'token' ELSE 'run' END,
       CASE WHEN r.source LIKE 'hand:%' THEN v.new_location ELSE r.source END,
       CASE WHEN r.source LIKE 'hand:%' THEN substr(r.source, 6) ELSE '' END,
       CASE WHEN r.source LIKE 'hand:%' AND v.new_location LIKE 'token %'
            THEN CAST(substr(v.new_location, 7) AS INTEGER) END,
       v.run_id, 'value.revise', o.series, o.period_kind, o.period_year, o.period_month, o.period_day,
       o.dimensions,
       CASE WHEN v.old_value_kind = 'number' THEN printf('%.15g', v.old_number) ELSE v.old_value_kind END,
       CASE WHEN v.new_value_kind = 'number' THEN printf('%.15g', v.new_number) ELSE v.new_value_kind END,
       ''
FROM revisions v JOIN observations o ON o.id = v.observation_id JOIN import_runs r ON r.id = v.run_id
WHERE v.id > (SELECT through_revision_id FROM audit_revision_copies);
)sql";

// The numeric values with dimensions summed per series, dimension set and month (a date in its month;
// other periods as stored), kept as the values change (store/sqlite/sum_deltas.hpp): a drill-down
// reads one row per set and month instead of grouping millions of observations after every run.
constexpr const char* kDimensionSums = R"sql(
CREATE TABLE dimension_sums (
  series       TEXT NOT NULL,
  period_kind  TEXT NOT NULL,
  period_year  INTEGER NOT NULL,
  period_month INTEGER NOT NULL,
  dimensions   TEXT NOT NULL,
  total        REAL NOT NULL,
  value_count  INTEGER NOT NULL,
  PRIMARY KEY (series, period_kind, period_year, period_month, dimensions)
) WITHOUT ROWID;
INSERT INTO dimension_sums(series, period_kind, period_year, period_month, dimensions, total, value_count)
SELECT series, period_kind, period_year, period_month, dimensions, SUM(number), COUNT(*) FROM observations
WHERE dimensions <> '{}' AND value_kind = 'number'
GROUP BY series, period_kind, period_year, period_month, dimensions;
)sql";

constexpr Migration kMigrations[] = {
    {1, "initial schema: sources, import runs, observations, revisions, source state", kInitialSchema},
    {2, "stored evaluations: evaluations, evaluation KPIs, evaluation inputs", kEvaluations},
    {3, "source quarantines of the scheduler", kQuarantines},
    {4, "API tokens of the departments for hand entry", kApiTokens},
    {5, "series metadata declared by the plugins", kSeriesInfo},
    {6, "where each revision's old and new value came from", kRevisionLocations},
    {7, "data-quality flags raised by validation rules", kQualityFlags},
    {8, "sign-off: token roles, approvals, commentary, append-only audit trail", kSignoff},
    {9, "value revisions read as audit events, no longer copied; revisions append-only", kRevisionsAreAudit},
    {10, "numeric values summed per series, dimension set and month", kDimensionSums},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }
int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

int schema_version(sqlite::Connection& db) {
  sqlite::Statement& s = db.statement("read the schema version", "PRAGMA user_version");
  sqlite::Use use(s);
  return s.step() ? static_cast<int>(s.int64(0)) : 0;
}

namespace {

// Whether migration `version` has run. Recorded per version (not only as the highest number), so a
// number left free by one branch (7) and filled in after a later one (8) ran still gets applied.
bool applied(sqlite::Connection& db, int version) {
  const int current = schema_version(db);
  if (current == 0) return false;
  if (version > current) return false;
  sqlite::Statement& s =
      db.statement("look up an applied schema migration", "SELECT 1 FROM schema_migrations WHERE version = ?1");
  sqlite::Use use(s);
  s.bind(1, version);
  return s.step();
}

}  // namespace

void migrate(sqlite::Connection& db, const Clock& clock) {
  for (const Migration& m : migrations()) {
    if (applied(db, m.version)) continue;
    sqlite::Transaction txn(db, "start a schema migration");
    // Another process may have migrated while we waited for the write lock.
    if (applied(db, m.version)) continue;
    std::string what = "schema migration " + std::to_string(m.version) + " (" + m.name + ")";
    db.exec(what.c_str(), m.sql);
    sqlite::Statement& record = db.statement(
        "record a schema migration", "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, ?3)");
    std::string applied_at = iso8601_utc(clock.now_ms());
    record.bind(1, m.version);
    record.bind(2, m.name);
    record.bind(3, applied_at);
    record.run();
    // PRAGMA takes no parameters; the number is this code's own constant, never outside input.
    const int version = std::max(m.version, schema_version(db));
    db.exec("set the schema version", ("PRAGMA user_version = " + std::to_string(version)).c_str());
    txn.commit();
  }
  check_schema_known(db);
}

void check_schema_known(sqlite::Connection& db) {
  int version = schema_version(db);
  if (version > latest_schema_version()) {
    throw StoreError("database " + db.path() + " has schema version " + std::to_string(version) +
                     " but this sosei only knows up to version " + std::to_string(latest_schema_version()) +
                     " — it was written by a newer sosei; upgrade sosei to use it");
  }
}

}  // namespace sosei::store
