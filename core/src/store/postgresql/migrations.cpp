// The PostgreSQL schema (docs/schema.md describes the tables; the concepts are the SQLite store's):
// timestamptz for times, foreign keys, and triggers that keep the revisions and the audit trail
// append-only. Applied one migration per transaction, all under one session advisory lock.
#include "store/postgresql/migrations.hpp"

#include <iterator>
#include <string>

#include "store/store.hpp"

namespace sosei::store::pg {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

constexpr const char* kInitialSchema = R"sql(
CREATE TABLE schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL
);

-- Every time the store hands out, in the form the SQLite store stores: ISO 8601 UTC with milliseconds.
CREATE FUNCTION iso_utc(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

CREATE TABLE sources (
  id            text COLLATE "C" PRIMARY KEY,
  first_seen_at timestamptz NOT NULL
);

CREATE TABLE import_runs (
  id             bigserial PRIMARY KEY,
  source         text COLLATE "C" NOT NULL REFERENCES sources(id),
  plugin         text NOT NULL,
  plugin_version text NOT NULL,
  started_at     timestamptz NOT NULL,
  finished_at    timestamptz,
  status         text NOT NULL
                 CHECK (status IN ('running', 'succeeded', 'failed', 'unchanged', 'aborted')),
  accepted       bigint NOT NULL DEFAULT 0,
  rejected       bigint NOT NULL DEFAULT 0,
  inserted       bigint NOT NULL DEFAULT 0,
  revised        bigint NOT NULL DEFAULT 0,
  error          text NOT NULL DEFAULT '',
  fingerprint    text NOT NULL DEFAULT ''
);
CREATE INDEX import_runs_by_source ON import_runs(source, id);

CREATE TABLE run_rejections (
  run_id   bigint NOT NULL REFERENCES import_runs(id),
  seq      integer NOT NULL,
  location text NOT NULL,
  reason   text NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- series and dimensions compare as bytes ("C"), as in SQLite: the same order in every database locale.
CREATE TABLE observations (
  id               bigserial PRIMARY KEY,
  series           text COLLATE "C" NOT NULL,
  period_kind      text NOT NULL CHECK (period_kind IN ('fiscal_year', 'calendar_year', 'month', 'date')),
  period_year      integer NOT NULL,
  period_month     integer NOT NULL DEFAULT 0,
  period_day       integer NOT NULL DEFAULT 0,
  dimensions       text COLLATE "C" NOT NULL DEFAULT '{}',
  value_kind       text NOT NULL,
  number           double precision,
  flags            bigint NOT NULL DEFAULT 0,
  note             text NOT NULL DEFAULT '',
  location         text NOT NULL DEFAULT '',
  source           text NOT NULL REFERENCES sources(id),
  first_run_id     bigint NOT NULL REFERENCES import_runs(id),
  first_value_kind text NOT NULL,
  first_number     double precision,
  created_at       timestamptz NOT NULL,
  run_id           bigint NOT NULL REFERENCES import_runs(id),
  updated_at       timestamptz NOT NULL,
  CHECK ((value_kind = 'number') = (number IS NOT NULL))
);
-- The key of an observation; it also serves every lookup by series (its first column).
CREATE UNIQUE INDEX observations_key
  ON observations(series, period_kind, period_year, period_month, period_day, dimensions);

CREATE TABLE revisions (
  id             bigserial PRIMARY KEY,
  observation_id bigint NOT NULL REFERENCES observations(id),
  run_id         bigint NOT NULL REFERENCES import_runs(id),
  changed_at     timestamptz NOT NULL,
  old_value_kind text NOT NULL,
  old_number     double precision,
  new_value_kind text NOT NULL,
  new_number     double precision,
  old_note       text NOT NULL DEFAULT '',
  new_note       text NOT NULL DEFAULT ''
);
CREATE INDEX revisions_by_observation ON revisions(observation_id, id);

-- A revision is history: it is never changed, and removed only while its own run is still open
-- (a rule withdrew the value it wrote; the run's transaction is the only one that sees it).
CREATE FUNCTION revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND (SELECT status FROM import_runs WHERE id = OLD.run_id) = 'running' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'revisions is append-only: a revision is never changed or deleted';
END $$;
CREATE TRIGGER revisions_no_update BEFORE UPDATE OR DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION revisions_append_only();

CREATE TABLE source_state (
  source         text NOT NULL REFERENCES sources(id),
  key            text NOT NULL,
  value          text NOT NULL,
  updated_run_id bigint NOT NULL REFERENCES import_runs(id),
  PRIMARY KEY (source, key)
);
)sql";

constexpr const char* kEvaluations = R"sql(
CREATE TABLE evaluations (
  id           bigserial PRIMARY KEY,
  created_at   timestamptz NOT NULL,
  as_of        text NOT NULL,
  scheme       text NOT NULL,
  stale        boolean NOT NULL DEFAULT false,
  stale_since  timestamptz,
  stale_run_id bigint REFERENCES import_runs(id),
  CHECK (stale = (stale_since IS NOT NULL))
);
CREATE INDEX evaluations_by_as_of ON evaluations(as_of, scheme, id);

CREATE TABLE evaluation_kpis (
  evaluation_id bigint NOT NULL REFERENCES evaluations(id),
  seq           integer NOT NULL,
  kpi           text NOT NULL,
  counted       boolean NOT NULL,
  actual        double precision,
  formed        text NOT NULL,
  ratio         double precision,
  progress      double precision,
  grade_index   integer NOT NULL,
  grade_symbol  text NOT NULL,
  grade_label   text NOT NULL,
  pace_ratio    double precision,
  off_track     boolean NOT NULL,
  PRIMARY KEY (evaluation_id, seq)
);
CREATE INDEX evaluation_kpis_by_kpi ON evaluation_kpis(kpi, evaluation_id);

CREATE TABLE evaluation_inputs (
  evaluation_id  bigint NOT NULL REFERENCES evaluations(id),
  observation_id bigint NOT NULL REFERENCES observations(id),
  PRIMARY KEY (evaluation_id, observation_id)
);
CREATE INDEX evaluation_inputs_by_observation ON evaluation_inputs(observation_id, evaluation_id);
)sql";

constexpr const char* kQuarantines = R"sql(
CREATE TABLE source_quarantines (
  source   text PRIMARY KEY REFERENCES sources(id),
  since    timestamptz NOT NULL,
  reason   text NOT NULL,
  failures integer NOT NULL CHECK (failures >= 0)
);
)sql";

constexpr const char* kApiTokens = R"sql(
CREATE TABLE api_tokens (
  id           bigserial PRIMARY KEY,
  token_sha256 text NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  department   text NOT NULL CHECK (department <> ''),
  note         text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
)sql";

constexpr const char* kSeriesInfo = R"sql(
CREATE TABLE series_info (
  series         text COLLATE "C" PRIMARY KEY,
  unit           text NOT NULL DEFAULT '',
  help           text NOT NULL DEFAULT '',
  label_ja       text NOT NULL DEFAULT '',
  label_en       text NOT NULL DEFAULT '',
  plugin         text NOT NULL,
  plugin_version text NOT NULL,
  updated_at     timestamptz NOT NULL
);
)sql";

constexpr const char* kRevisionLocations = R"sql(
ALTER TABLE revisions ADD COLUMN old_location text NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN new_location text NOT NULL DEFAULT '';
)sql";

constexpr const char* kQualityFlags = R"sql(
CREATE TABLE quality_flags (
  id            bigserial PRIMARY KEY,
  series        text COLLATE "C" NOT NULL,
  period_kind   text NOT NULL CHECK (period_kind IN ('fiscal_year', 'calendar_year', 'month', 'date')),
  period_year   integer NOT NULL,
  period_month  integer NOT NULL DEFAULT 0,
  period_day    integer NOT NULL DEFAULT 0,
  dimensions    text COLLATE "C" NOT NULL DEFAULT '{}',
  rule          text NOT NULL,
  level         text NOT NULL CHECK (level IN ('error', 'warning')),
  value         double precision,
  expected_min  double precision,
  expected_max  double precision,
  detail        text NOT NULL DEFAULT '',
  location      text NOT NULL DEFAULT '',
  run_id        bigint NOT NULL REFERENCES import_runs(id),
  raised_at     timestamptz NOT NULL,
  state         text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'cleared', 'resolved')),
  closed_run_id bigint REFERENCES import_runs(id),
  closed_at     timestamptz,
  closed_by     text NOT NULL DEFAULT '',
  note          text NOT NULL DEFAULT '',
  CHECK ((state = 'open') = (closed_at IS NULL))
);
CREATE INDEX quality_flags_by_key
  ON quality_flags(series, period_kind, period_year, period_month, period_day, dimensions, state);
CREATE INDEX quality_flags_by_state ON quality_flags(state, series);
)sql";

// Value revisions entered the audit trail through a trigger in the import's own transaction, as in
// the SQLite store, until migration 9 dropped it. extra_float_digits = 0 gives the numbers' texts 15
// significant digits, the SQLite store's printf('%.15g').
constexpr const char* kSignoff = R"sql(
ALTER TABLE api_tokens ADD COLUMN role text NOT NULL DEFAULT 'department' CHECK (role IN ('department', 'policy'));

CREATE TABLE approvals (
  kpi          text COLLATE "C" NOT NULL,
  period_kind  text NOT NULL,
  period_year  integer NOT NULL,
  period_month integer NOT NULL DEFAULT 0,
  period_day   integer NOT NULL DEFAULT 0,
  state        text NOT NULL CHECK (state IN ('entered', 'submitted', 'approved')),
  changed_at   timestamptz NOT NULL,
  changed_by   text NOT NULL,
  PRIMARY KEY (kpi, period_kind, period_year, period_month, period_day)
);

CREATE TABLE comments (
  kpi        text COLLATE "C" NOT NULL,
  year       integer NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('why', 'next', 'committee')),
  version    integer NOT NULL CHECK (version >= 1),
  text       text NOT NULL,
  entered_at timestamptz NOT NULL,
  entered_by text NOT NULL,
  department text NOT NULL DEFAULT '',
  PRIMARY KEY (kpi, year, kind, version)
);

CREATE TABLE audit_events (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL,
  actor_kind    text NOT NULL CHECK (actor_kind IN ('cli', 'token', 'run')),
  actor         text NOT NULL,
  department    text NOT NULL DEFAULT '',
  token_id      bigint,
  run_id        bigint,
  action        text NOT NULL CHECK (action <> ''),
  kpi           text COLLATE "C" NOT NULL DEFAULT '',
  period_kind   text,
  period_year   integer,
  period_month  integer NOT NULL DEFAULT 0,
  period_day    integer NOT NULL DEFAULT 0,
  dimensions    text COLLATE "C" NOT NULL DEFAULT '{}',
  before        text NOT NULL DEFAULT '',
  after         text NOT NULL DEFAULT '',
  reason        text NOT NULL DEFAULT '',
  before_number double precision,
  after_number  double precision,
  details       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_by_kpi
  ON audit_events(kpi, period_kind, period_year, period_month, period_day, dimensions, id);
CREATE INDEX audit_events_by_at ON audit_events(at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: an audit event is never changed or deleted';
END $$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION revisions_append_only();

CREATE FUNCTION revisions_audit() RETURNS trigger LANGUAGE plpgsql SET extra_float_digits = 0 AS $$
BEGIN
  INSERT INTO audit_events(at, actor_kind, actor, department, token_id, run_id, action, kpi, period_kind,
                           period_year, period_month, period_day, dimensions, before, after, before_number,
                           after_number, details)
  SELECT NEW.changed_at,
         CASE WHEN r.source LIKE 'hand:%' THEN 'token' ELSE 'run' END,
         CASE WHEN r.source LIKE 'hand:%' THEN NEW.new_location ELSE r.source END,
         CASE WHEN r.source LIKE 'hand:%' THEN substr(r.source, 6) ELSE '' END,
         CASE WHEN r.source LIKE 'hand:%' AND NEW.new_location ~ '^token [0-9]+$'
              THEN substr(NEW.new_location, 7)::bigint END,
         NEW.run_id, 'value.revise', o.series, o.period_kind, o.period_year, o.period_month, o.period_day,
         o.dimensions,
         CASE WHEN NEW.old_value_kind = 'number' THEN NEW.old_number::text ELSE NEW.old_value_kind END,
         CASE WHEN NEW.new_value_kind = 'number' THEN NEW.new_number::text ELSE NEW.new_value_kind END,
         NEW.old_number, NEW.new_number,
         jsonb_build_object('old_value_kind', NEW.old_value_kind, 'new_value_kind', NEW.new_value_kind,
                            'old_note', NEW.old_note, 'new_note', NEW.new_note,
                            'old_location', NEW.old_location, 'new_location', NEW.new_location,
                            'source', r.source)
  FROM observations o JOIN import_runs r ON r.id = NEW.run_id WHERE o.id = NEW.observation_id;
  RETURN NULL;
END $$;
CREATE TRIGGER revisions_audit AFTER INSERT ON revisions FOR EACH ROW EXECUTE FUNCTION revisions_audit();
)sql";

// Value revisions are audit events read from `revisions` itself, as in the SQLite store's migration 9:
// one record of each change instead of a copy per revision. The copies made until now stay in
// audit_events; the view reads the revisions after the last copied one. Dropping the trigger first
// takes revisions' exclusive lock, so every revision the trigger copied is committed when the last
// copied id is read, and none is written before this migration commits. `revisions` was already
// append-only once its run ended (migration 1's trigger lets only the open run withdraw one).
// audit_value_text gives a number 15 significant digits, the SQLite store's printf('%.15g'), as the
// dropped trigger did.
constexpr const char* kRevisionsAreAudit = R"sql(
DROP TRIGGER revisions_audit ON revisions;
DROP FUNCTION revisions_audit();

CREATE TABLE audit_revision_copies (through_revision_id bigint NOT NULL);
INSERT INTO audit_revision_copies SELECT coalesce(max(id), 0) FROM revisions;

CREATE FUNCTION audit_value_text(kind text, n double precision) RETURNS text LANGUAGE sql IMMUTABLE
  PARALLEL SAFE SET extra_float_digits = 0
  RETURN CASE WHEN kind = 'number' THEN n::text ELSE kind END;

CREATE VIEW audit_trail AS
SELECT id AS event_id, 0::bigint AS revision_id, at, actor_kind, actor, department, token_id, run_id, action, kpi,
       period_kind, period_year, period_month, period_day, dimensions, before, after, reason
FROM audit_events
UNION ALL
SELECT 0, v.id, v.changed_at,
       CASE WHEN r.source LIKE 'hand:%' THEN 'token' ELSE 'run' END,
       CASE WHEN r.source LIKE 'hand:%' THEN v.new_location ELSE r.source END,
       CASE WHEN r.source LIKE 'hand:%' THEN substr(r.source, 6) ELSE '' END,
       CASE WHEN r.source LIKE 'hand:%' AND v.new_location ~ '^token [0-9]+$'
            THEN substr(v.new_location, 7)::bigint END,
       v.run_id, 'value.revise', o.series, o.period_kind, o.period_year, o.period_month, o.period_day,
       o.dimensions, audit_value_text(v.old_value_kind, v.old_number),
       audit_value_text(v.new_value_kind, v.new_number), ''
FROM revisions v JOIN observations o ON o.id = v.observation_id JOIN import_runs r ON r.id = v.run_id
WHERE v.id > (SELECT through_revision_id FROM audit_revision_copies);
)sql";

// The references of the two tables an import writes by the million are checked once per statement
// instead of once per row. PostgreSQL's foreign keys look up the run, the first run and the source
// for every inserted observation (the run and the observation for every revision): 200,000 rows took
// 4.8 s to COPY into observations with them, 1.6 s checked per statement, 1.4 s unchecked. The
// triggers check the same both ways: a row naming a run, source or observation that does not exist
// is refused, and so is deleting (or renumbering) one a row names, with SQLSTATE 23503 as a foreign
// key would. Unlike a foreign key they take no lock on the named row: sosei deletes a run only from
// the importer that owns it, after its data were rolled back, and never deletes a source.
constexpr const char* kReferencesPerStatement = R"sql(
ALTER TABLE observations DROP CONSTRAINT observations_source_fkey,
  DROP CONSTRAINT observations_first_run_id_fkey, DROP CONSTRAINT observations_run_id_fkey;
ALTER TABLE revisions DROP CONSTRAINT revisions_observation_id_fkey, DROP CONSTRAINT revisions_run_id_fkey;

CREATE FUNCTION observations_name_what_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.* INTO bad FROM (SELECT DISTINCT source, run_id, first_run_id FROM written) n
  WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = n.source)
     OR NOT EXISTS (SELECT 1 FROM import_runs r WHERE r.id = n.run_id)
     OR NOT EXISTS (SELECT 1 FROM import_runs r WHERE r.id = n.first_run_id)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
      MESSAGE = format('observations name source %s, run %s, first run %s: not all of them exist',
                       bad.source, bad.run_id, bad.first_run_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER observations_inserted_name_what_exists AFTER INSERT ON observations
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION observations_name_what_exists();
CREATE TRIGGER observations_updated_name_what_exists AFTER UPDATE ON observations
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION observations_name_what_exists();

CREATE FUNCTION revisions_name_what_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.* INTO bad FROM (SELECT DISTINCT observation_id, run_id FROM written) n
  WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.id = n.observation_id)
     OR NOT EXISTS (SELECT 1 FROM import_runs r WHERE r.id = n.run_id)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
      MESSAGE = format('revisions name observation %s, run %s: not both exist', bad.observation_id, bad.run_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER revisions_inserted_name_what_exists AFTER INSERT ON revisions
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION revisions_name_what_exists();

-- The other way: what observations or revisions name stays.
CREATE FUNCTION refuse_removing_named() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'import_runs' THEN
    named := EXISTS (SELECT 1 FROM observations WHERE run_id = OLD.id OR first_run_id = OLD.id)
          OR EXISTS (SELECT 1 FROM revisions WHERE run_id = OLD.id);
  ELSIF TG_TABLE_NAME = 'sources' THEN
    named := EXISTS (SELECT 1 FROM observations WHERE source = OLD.id);
  ELSE
    named := EXISTS (SELECT 1 FROM revisions WHERE observation_id = OLD.id);
  END IF;
  IF named THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
      MESSAGE = format('%s %s is still named by observations or revisions', TG_TABLE_NAME, OLD.id);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER import_runs_stay_while_named BEFORE DELETE OR UPDATE OF id ON import_runs
  FOR EACH ROW EXECUTE FUNCTION refuse_removing_named();
CREATE TRIGGER sources_stay_while_named BEFORE DELETE OR UPDATE OF id ON sources
  FOR EACH ROW EXECUTE FUNCTION refuse_removing_named();
CREATE TRIGGER observations_stay_while_named BEFORE DELETE OR UPDATE OF id ON observations
  FOR EACH ROW EXECUTE FUNCTION refuse_removing_named();
)sql";

// Many cities in one database (docs/hub.md). Every row of a city's data carries its `city` (the
// six-digit 全国地方公共団体コード, "" in a single city's own store): the column defaults to the
// session's `sosei.city`, which every sosei connection sets before its first statement, so no
// statement names it. The natural keys (a source's name, a series' key, a KPI's approval …) are unique
// per city; ids stay numbered by one sequence per table. Row-level security, forced on the tables'
// owner too, lets a session see the rows of its city (and of the cities in `sosei.reads`, read only)
// and write its own city's only (a session that only reads others' names no city: "-", which no row
// may carry) — the second wall behind the application's own scoping, for the day
// a statement forgets it. Rows stored before this migration belong to the city of the process that
// migrates (its strategy's city_code, or ""). schema_migrations belongs to no city. A city without an
// audit_revision_copies row (every city but the migrating one) had no revisions copied into its audit
// events: the audit view reads all its revisions.
constexpr const char* kTenants = R"sql(
CREATE FUNCTION sosei_readable_cities() RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE
  RETURN CASE WHEN coalesce(current_setting('sosei.reads', true), '') = ''
              THEN ARRAY[current_setting('sosei.city', true)]
              ELSE current_setting('sosei.city', true) || string_to_array(current_setting('sosei.reads', true), ',') END;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sources', 'import_runs', 'run_rejections', 'observations', 'revisions', 'source_state',
                           'evaluations', 'evaluation_kpis', 'evaluation_inputs', 'source_quarantines', 'api_tokens',
                           'series_info', 'quality_flags', 'approvals', 'comments', 'audit_events',
                           'audit_revision_copies'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN city text COLLATE "C" NOT NULL DEFAULT current_setting(''sosei.city'')', t);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (city = '''' OR city ~ ''^[0-9]{6}$'')', t, t || '_city_code');
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY city_reads ON %I FOR SELECT USING (city = ANY (sosei_readable_cities()))', t);
    EXECUTE format('CREATE POLICY city_inserts ON %I FOR INSERT WITH CHECK (city = current_setting(''sosei.city''))', t);
    EXECUTE format('CREATE POLICY city_updates ON %I FOR UPDATE USING (city = current_setting(''sosei.city''))'
                   ' WITH CHECK (city = current_setting(''sosei.city''))', t);
    EXECUTE format('CREATE POLICY city_deletes ON %I FOR DELETE USING (city = current_setting(''sosei.city''))', t);
  END LOOP;
END $$;

-- Natural keys per city; the references to a source name its city too.
ALTER TABLE import_runs DROP CONSTRAINT import_runs_source_fkey;
ALTER TABLE source_state DROP CONSTRAINT source_state_source_fkey;
ALTER TABLE source_quarantines DROP CONSTRAINT source_quarantines_source_fkey;
ALTER TABLE sources DROP CONSTRAINT sources_pkey, ADD PRIMARY KEY (city, id);
ALTER TABLE import_runs ADD FOREIGN KEY (city, source) REFERENCES sources(city, id);
ALTER TABLE source_state DROP CONSTRAINT source_state_pkey, ADD PRIMARY KEY (city, source, key),
  ADD FOREIGN KEY (city, source) REFERENCES sources(city, id);
ALTER TABLE source_quarantines DROP CONSTRAINT source_quarantines_pkey, ADD PRIMARY KEY (city, source),
  ADD FOREIGN KEY (city, source) REFERENCES sources(city, id);
ALTER TABLE series_info DROP CONSTRAINT series_info_pkey, ADD PRIMARY KEY (city, series);
ALTER TABLE approvals DROP CONSTRAINT approvals_pkey,
  ADD PRIMARY KEY (city, kpi, period_kind, period_year, period_month, period_day);
ALTER TABLE comments DROP CONSTRAINT comments_pkey, ADD PRIMARY KEY (city, kpi, year, kind, version);

DROP INDEX observations_key;
CREATE UNIQUE INDEX observations_key
  ON observations(city, series, period_kind, period_year, period_month, period_day, dimensions);
DROP INDEX import_runs_by_source;
CREATE INDEX import_runs_by_source ON import_runs(city, source, id);
DROP INDEX evaluations_by_as_of;
CREATE INDEX evaluations_by_as_of ON evaluations(city, as_of, scheme, id);
DROP INDEX quality_flags_by_key;
CREATE INDEX quality_flags_by_key
  ON quality_flags(city, series, period_kind, period_year, period_month, period_day, dimensions, state);
DROP INDEX quality_flags_by_state;
CREATE INDEX quality_flags_by_state ON quality_flags(city, state, series);
DROP INDEX audit_events_by_kpi;
CREATE INDEX audit_events_by_kpi
  ON audit_events(city, kpi, period_kind, period_year, period_month, period_day, dimensions, id);

-- The view reads its tables as the session that queries it, under that session's policies.
CREATE OR REPLACE VIEW audit_trail WITH (security_invoker = true) AS
SELECT id AS event_id, 0::bigint AS revision_id, at, actor_kind, actor, department, token_id, run_id, action, kpi,
       period_kind, period_year, period_month, period_day, dimensions, before, after, reason
FROM audit_events
UNION ALL
SELECT 0, v.id, v.changed_at,
       CASE WHEN r.source LIKE 'hand:%' THEN 'token' ELSE 'run' END,
       CASE WHEN r.source LIKE 'hand:%' THEN v.new_location ELSE r.source END,
       CASE WHEN r.source LIKE 'hand:%' THEN substr(r.source, 6) ELSE '' END,
       CASE WHEN r.source LIKE 'hand:%' AND v.new_location ~ '^token [0-9]+$'
            THEN substr(v.new_location, 7)::bigint END,
       v.run_id, 'value.revise', o.series, o.period_kind, o.period_year, o.period_month, o.period_day,
       o.dimensions, audit_value_text(v.old_value_kind, v.old_number),
       audit_value_text(v.new_value_kind, v.new_number), ''
FROM revisions v JOIN observations o ON o.id = v.observation_id JOIN import_runs r ON r.id = v.run_id
WHERE v.id > coalesce((SELECT c.through_revision_id FROM audit_revision_copies c WHERE c.city = v.city), 0);

-- A source is one city's: the references checked per statement (migration 10) name its city.
CREATE OR REPLACE FUNCTION observations_name_what_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.* INTO bad FROM (SELECT DISTINCT city, source, run_id, first_run_id FROM written) n
  WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.city = n.city AND s.id = n.source)
     OR NOT EXISTS (SELECT 1 FROM import_runs r WHERE r.id = n.run_id AND r.city = n.city)
     OR NOT EXISTS (SELECT 1 FROM import_runs r WHERE r.id = n.first_run_id AND r.city = n.city)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
      MESSAGE = format('observations name source %s, run %s, first run %s: not all of them exist in city "%s"',
                       bad.source, bad.run_id, bad.first_run_id, bad.city);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION refuse_removing_named() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'import_runs' THEN
    named := EXISTS (SELECT 1 FROM observations WHERE run_id = OLD.id OR first_run_id = OLD.id)
          OR EXISTS (SELECT 1 FROM revisions WHERE run_id = OLD.id);
  ELSIF TG_TABLE_NAME = 'sources' THEN
    named := EXISTS (SELECT 1 FROM observations WHERE city = OLD.city AND source = OLD.id);
  ELSE
    named := EXISTS (SELECT 1 FROM revisions WHERE observation_id = OLD.id);
  END IF;
  IF named THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
      MESSAGE = format('%s %s is still named by observations or revisions', TG_TABLE_NAME, OLD.id);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
)sql";

// A reader of many cities (a prefecture's page, the national summary) names them all in sosei.reads.
// Called in the policy as it was, the function parsed that list once per row read: 35,000 KPI rows of
// 1,741 cities took seconds. As a sub-select it is an init plan: evaluated once per statement.
constexpr const char* kReadsOncePerStatement = R"sql(
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sources', 'import_runs', 'run_rejections', 'observations', 'revisions', 'source_state',
                           'evaluations', 'evaluation_kpis', 'evaluation_inputs', 'source_quarantines', 'api_tokens',
                           'series_info', 'quality_flags', 'approvals', 'comments', 'audit_events',
                           'audit_revision_copies'] LOOP
    EXECUTE format('ALTER POLICY city_reads ON %I USING (city = ANY ((SELECT sosei_readable_cities())::text[]))', t);
  END LOOP;
END $$;
)sql";

// The numeric values with dimensions summed per city, series, dimension set and month (a date in its
// month; other periods as stored): a drill-down reads one row per set and month instead of grouping
// millions of observations after every run. An import run sums the months it wrote again at its end
// (store/postgresql/dimension_sums.hpp). The backfill reads every city's observations: the migrating
// owner lifts the forced policies for it, inside this migration's transaction.
constexpr const char* kDimensionSums = R"sql(
CREATE TABLE dimension_sums (
  city         text COLLATE "C" NOT NULL DEFAULT current_setting('sosei.city')
               CONSTRAINT dimension_sums_city_code CHECK (city = '' OR city ~ '^[0-9]{6}$'),
  series       text COLLATE "C" NOT NULL,
  period_kind  text NOT NULL,
  period_year  integer NOT NULL,
  period_month integer NOT NULL,
  dimensions   text COLLATE "C" NOT NULL,
  total        double precision NOT NULL,
  value_count  bigint NOT NULL,
  PRIMARY KEY (city, series, period_kind, period_year, period_month, dimensions)
);

ALTER TABLE dimension_sums ENABLE ROW LEVEL SECURITY;
CREATE POLICY city_reads ON dimension_sums FOR SELECT USING (city = ANY ((SELECT sosei_readable_cities())::text[]));
CREATE POLICY city_inserts ON dimension_sums FOR INSERT WITH CHECK (city = current_setting('sosei.city'));
CREATE POLICY city_updates ON dimension_sums FOR UPDATE USING (city = current_setting('sosei.city'))
  WITH CHECK (city = current_setting('sosei.city'));
CREATE POLICY city_deletes ON dimension_sums FOR DELETE USING (city = current_setting('sosei.city'));

ALTER TABLE observations NO FORCE ROW LEVEL SECURITY;
INSERT INTO dimension_sums(city, series, period_kind, period_year, period_month, dimensions, total, value_count)
SELECT city, series, period_kind, period_year, period_month, dimensions, sum(number), count(*) FROM observations
WHERE dimensions <> '{}' AND value_kind = 'number'
GROUP BY city, series, period_kind, period_year, period_month, dimensions;
ALTER TABLE observations FORCE ROW LEVEL SECURITY;
ALTER TABLE dimension_sums FORCE ROW LEVEL SECURITY;
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
    {10, "references of observations and revisions checked per statement", kReferencesPerStatement},
    {11, "many cities in one database: a city per row, keys per city, row-level security", kTenants},
    {12, "the cities a session reads evaluated once per statement, not per row", kReadsOncePerStatement},
    {13, "numeric values summed per city, series, dimension set and month", kDimensionSums},
};

bool applied(Connection& db, int version) {
  return db.exec("look up an applied schema migration", "SELECT 1 FROM schema_migrations WHERE version = $1",
                 Params().int64(version))
             .rows() > 0;
}

}  // namespace

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

int schema_version(Connection& db) {
  Result exists = db.exec("look for the schema", "SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (exists.text(0, 0) != "t") return 0;
  Result r = db.exec("read the schema version", "SELECT coalesce(max(version), 0) FROM schema_migrations");
  return static_cast<int>(r.int64(0, 0));
}

void migrate(Connection& db, const Clock& clock, int up_to) {
  // A session lock, held across the migrations' own transactions; released below or when the
  // connection closes (a crash mid-migration leaves the lock to nobody and the schema as committed).
  const std::string key = std::to_string(kLockClass) + ", " + std::to_string(kMigrationKey);
  db.exec("wait for other processes' schema migrations", "SELECT pg_advisory_lock(" + key + ")");
  try {
    for (const Migration& m : kMigrations) {
      if (up_to > 0 && m.version > up_to) break;
      if (schema_version(db) >= 1 && applied(db, m.version)) continue;
      Transaction txn(db);
      const std::string what = "apply schema migration " + std::to_string(m.version) + " (" + m.name + ")";
      db.exec(what.c_str(), m.sql);
      db.exec("record a schema migration",
              "INSERT INTO schema_migrations(version, name, applied_at) VALUES ($1, $2, $3)",
              Params().int64(m.version).text(m.name).text(iso8601_utc(clock.now_ms())));
      txn.commit();
    }
  } catch (...) {
    db.exec("release the migration lock", "SELECT pg_advisory_unlock(" + key + ")");
    throw;
  }
  db.exec("release the migration lock", "SELECT pg_advisory_unlock(" + key + ")");
  const int version = schema_version(db);
  if (version > latest_schema_version())
    throw StoreError("database " + db.location() + " has schema version " + std::to_string(version) +
                     " but this sosei only knows up to version " + std::to_string(latest_schema_version()) +
                     " — it was written by a newer sosei; upgrade sosei to use it");
}

}  // namespace sosei::store::pg
