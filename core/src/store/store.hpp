// The store's interface: everything the core keeps (sources, import runs, observations and their
// revisions, per-source plugin state, stored evaluations, quarantines, API tokens). All SQL lives
// behind it, so a PostgreSQL store for a shared prefecture-wide server can be added without touching
// callers. SQLite is the embedded default.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/period.hpp"
#include "store/table_copy.hpp"
#include "text/phrase.hpp"

namespace sosei::store {

// Dimensions of an observation (route, spot, district…), ordered by key so equal sets compare equal.
using Dimensions = std::map<std::string, std::string>;

// Identity of an observation: one value per (series, period, dimensions).
struct ObservationKey {
  std::string series;  // a KPI id, or "<source>/<series>" for a plugin's own series
  Period period;
  Dimensions dimensions;
};

// An observation an evaluation used, by its key (what the evaluation saw), and the run that had last
// changed it then: if another import revised it before the evaluation is saved, it is saved stale.
struct ObservationRef {
  ObservationKey key;
  int64_t run_id = 0;  // 0: not checked
};

struct ObservationData {
  Value value;
  uint32_t flags = 0;  // SOSEI_OBS_* (series break)
  std::string note;
  std::string location;  // "file.csv:12", may be empty
};

struct StoredObservation {
  ObservationKey key;
  ObservationData data;
  std::string source;
  int64_t run_id = 0;      // the run that last changed it
  std::string updated_at;  // ISO 8601 UTC of that change
  int revision_count = 0;  // how many times its value changed after the first import
};

// A value as one run wrote it — its first import, or a revision — for a city's bundle to its hub
// (`sosei bundle export`): replayed run by run, the runs give the hub the same values and revisions.
struct RunChange {
  int64_t run_id = 0;
  ObservationKey key;
  // The value, note and location the run wrote; flags are the observation's current ones (a revision
  // does not keep the flags it replaced).
  ObservationData data;
};

// The numeric values of one dimension set in one period, summed where they are stored
// (Store::dimension_totals): what a drill-down shows, sized by the dimension sets and months, not by
// the observations.
struct DimensionTotal {
  // Shared by every total of the set in one read: 330,000 totals carry 5,000 sets, not 330,000 copies.
  std::shared_ptr<const Dimensions> dimensions = std::make_shared<const Dimensions>();
  Period period;                               // a daily value counts in its month; others as stored
  PeriodKind stored_kind = PeriodKind::Month;  // the values' own period kind (Date when days were summed)
  double sum = 0;
  int64_t values = 0;  // how many values the sum holds
  // The same number for every total of one dimension set within one read (0, 1, 2, … in order of
  // first appearance): a drill-down groups 330,000 monthly totals of 5,000 sets by it, not by
  // comparing their dimensions.
  std::size_t set = 0;
};

// One change of an observation's value or note. The first import of a value is not a revision.
struct Revision {
  int64_t run_id = 0;
  std::string changed_at;  // ISO 8601 UTC
  Value old_value;
  Value new_value;
  std::string old_note;
  std::string new_note;
  // Who made the change: the source of the run ("hand:産業振興課" for a hand entry) and where the new
  // value came from ("file.csv:12", "token 3"); old_location is where the replaced one came from.
  // Revisions stored before schema 6 have no locations (empty), except the newest one's.
  std::string source;
  std::string location;
  std::string old_location;
};

// The history of one observation: the value first imported, then each revision in order.
struct History {
  ObservationKey key;
  Value first_value;
  int64_t first_run_id = 0;
  std::string first_at;
  std::string first_source;    // the source of the first run
  std::string first_note;      // the note it was first imported with
  std::string first_location;  // where the first value came from (empty when not known)
  std::vector<Revision> revisions;
};

enum class RunStatus { Running, Succeeded, Failed, Unchanged, Aborted };
std::string to_string(RunStatus);

struct Rejection {
  std::string location;  // "file.csv:12" or the plugin/source when no line
  std::string reason;
};

struct RunRecord {
  int64_t id = 0;
  std::string source;
  std::string plugin;
  std::string plugin_version;
  std::string started_at;   // ISO 8601 UTC
  std::string finished_at;  // empty while running
  RunStatus status = RunStatus::Running;
  int64_t accepted = 0;  // observations stored (new, changed or unchanged)
  int64_t rejected = 0;  // observations or rows refused (listed in rejections, first 100 kept)
  int64_t inserted = 0;  // new observations
  int64_t revised = 0;   // observations whose value changed (one revision each)
  std::string error;
  std::string fingerprint;  // hash of the input bytes the plugin read
  std::vector<Rejection> rejections;
};

// What a run knew when it started.
struct RunStart {
  std::string source;
  std::string plugin;
  std::string plugin_version;
};

// What a plugin declared about one of its series when it last imported it, so the report can caption
// the series without loading the plugin.
struct SeriesInfo {
  std::string series;  // as stored: "<source>/<series>"
  std::string unit;
  std::string help;
  std::string label_ja;  // the plugin's display names of the series (sdk.h, since API v2), else empty
  std::string label_en;
  std::string plugin;
  std::string plugin_version;
  std::string updated_at;  // ISO 8601 UTC; set by the store
};

// A key one run stored twice (issue 14 §1): the second observation is not stored. `first_location`
// is where the run's first one came from, `location` the second's.
struct DuplicateKey {
  std::string series;
  Period period;
  std::string dimensions;  // canonical JSON, "{}" when none
  std::string first_location;
  std::string location;
};

// A data-quality rule's finding on one observation key (issue 14 §2, docs/quality.md).
enum class FlagLevel { Error, Warning };
enum class FlagState { Open, Cleared, Resolved };  // cleared: a later run's value passes the rule
std::string to_string(FlagLevel);
std::string to_string(FlagState);

struct FlagRaise {
  std::string rule;  // "range", "max_change", … (config::to_string(RuleKind))
  FlagLevel level = FlagLevel::Warning;
  std::optional<double> value;  // none: a missing value (completeness)
  std::optional<double> expected_min;
  std::optional<double> expected_max;
  std::string detail;    // what was compared, in English ("previous FY2024: 1,200")
  std::string location;  // where the value came from
};

struct QualityFlag {
  int64_t id = 0;
  ObservationKey key;
  FlagRaise raised;
  int64_t run_id = 0;  // the run that raised it (or raised it again)
  std::string raised_at;
  FlagState state = FlagState::Open;
  int64_t closed_run_id = 0;  // cleared by this run
  std::string closed_at;
  std::string closed_by;  // resolved: the OS user or "token N (課)"
  std::string note;       // resolved: why
};

struct FlagQuery {
  std::string series;  // empty: every series
  bool open_only = false;
  std::optional<int64_t> id;
};

// Who did something, for the audit trail: a person at the CLI (their OS user), a token of the API (its
// id and department), or an import run (its source and run id).
struct Actor {
  enum class Kind { Cli, Token, Run };
  Kind kind = Kind::Cli;
  std::string name;        // the OS user, "token 3", or the run's source
  std::string department;  // the token's department; empty otherwise
  int64_t token_id = 0;
  int64_t run_id = 0;
};
std::string to_string(Actor::Kind);  // "cli", "token", "run"
std::optional<Actor::Kind> actor_kind_from(std::string_view);

// One entry of the append-only audit trail. `action` is a stable code ("value.revise",
// "approval.approve", "token.create", "comment.add", and the flags' own codes): new kinds of events
// need no schema change. before/after are short texts for people: a value ("8", "not_carried_out"),
// a state ("approved"), a comment, a token.
struct AuditEvent {
  int64_t id = 0;           // set by the store; 0 for a value revision read from the revisions
  int64_t revision_id = 0;  // value.revise events: the revision recorded by the import
  std::string at;           // ISO 8601 UTC; set by the store when empty
  Actor who;
  std::string action;
  std::string kpi;               // a KPI id or stored series; empty for a token event
  std::optional<Period> period;  // none when the event is not about one period
  Dimensions dimensions;         // value events of a dimensioned observation
  std::string before, after;
  std::string reason;
};

struct AuditQuery {
  std::string kpi;     // empty: all
  std::string since;   // ISO 8601 UTC or a date; events at or after it; empty: all
  std::string action;  // exact code; empty: all
  std::optional<Period> period;
  std::size_t limit = 0;  // newest `limit` events (still returned oldest first); 0: all
};

// Where a KPI's period is on its way to the council: entered (no sign-off yet), submitted by its
// department, approved by the policy division. Approved means locked: nothing may change its values.
enum class ApprovalState { Entered, Submitted, Approved };
std::string to_string(ApprovalState);  // "entered", "submitted", "approved"
std::optional<ApprovalState> approval_state_from(std::string_view);

struct Approval {
  std::string kpi;
  Period period;
  ApprovalState state = ApprovalState::Entered;
  std::string changed_at;  // ISO 8601 UTC of the last change; empty: never signed off
  std::string changed_by;  // Actor::name of that change
};

// A text the council report carries beside a KPI's figures for one fiscal year: 要因分析 (why),
// 今後の方向性 (next) by the department, 推進会議の意見 (committee) by the policy division.
// Versioned like values: a new text is a new version, older ones are kept.
enum class CommentKind { Why, Next, Committee };
std::string to_string(CommentKind);  // "why", "next", "committee"
std::optional<CommentKind> comment_kind_from(std::string_view);

struct Comment {
  std::string kpi;
  int year = 0;  // fiscal year
  CommentKind kind = CommentKind::Why;
  std::string text;
  int version = 0;         // 1, 2, …; set by the store
  std::string entered_at;  // set by the store
  std::string entered_by;  // Actor::name
  std::string department;  // the token's department, else empty
};

// One import run: every write happens inside one transaction. commit() makes it visible together
// with its run record; fail() rolls every write back and records the run as failed (or aborted),
// so a failed run leaves the observations exactly as they were.
class ImportTransaction {
 public:
  virtual ~ImportTransaction() = default;  // destroying an open transaction rolls it back, no record

  virtual int64_t run_id() const = 0;

  // Inserts or updates an observation; records a revision when the value or note changed. A key this
  // run stored already is a duplicate: it is not stored, and the duplicate handler hears of it.
  virtual void put(const ObservationKey& key, const ObservationData& data) = 0;
  // Who hears of duplicates. A put may be written (and its duplicate found) after put() returned,
  // while later rows are written or at flush(). Without a handler a duplicate is recorded as a
  // rejection.
  virtual void on_duplicate(std::function<void(const DuplicateKey&)> handler) = 0;
  // Writes every waiting observation, so every duplicate has been reported before commit().
  virtual void flush() = 0;

  // Undoes what this run wrote for `key` (an insert is removed, a revision rolled back), when an
  // error-level rule rejects it after it was put. False when this run did not change it.
  virtual bool withdraw(const ObservationKey& key) = 0;
  // The rules' findings for `key` in this run: open flags of a rule raised again stay open with the
  // new value, open flags of the other rules are cleared by this run, new ones are opened.
  virtual void set_flags(const ObservationKey& key, const std::vector<FlagRaise>& raised) = 0;
  virtual void reject(const Rejection& r) = 0;

  // Per-source plugin state (ETag, cursors…), saved only if the run commits.
  virtual std::optional<std::string> state(const std::string& key) = 0;
  virtual void set_state(const std::string& key, const std::string& value) = 0;

  virtual void set_fingerprint(const std::string& fingerprint) = 0;

  // Records what the run's plugin declares about one of its series (unit, help…), saved only if the
  // run commits. Unchanged declarations keep their row and its updated_at.
  virtual void put_series_info(const SeriesInfo& info) = 0;

  // The approved (locked) periods of KPIs as the run started: the run holds the write lock, so no
  // approval or unlock can change them under it.
  virtual const std::vector<Approval>& locked_periods() = 0;
  // The value, flags and note stored under `key` as the run would see it (what it put included),
  // nullopt when there is none; the location is left empty. For the lock check.
  virtual std::optional<ObservationData> stored(const ObservationKey& key) = 0;
  // Whether put(key, data) would insert or change a stored observation (its value, flags or note).
  bool would_change(const ObservationKey& key, const ObservationData& data) {
    const auto held = stored(key);
    return !held || !(held->value == data.value && held->flags == data.flags && held->note == data.note);
  }

  // Counts so far (accepted, rejected, inserted, revised) as a record in progress.
  virtual const RunRecord& progress() const = 0;

  virtual RunRecord commit(RunStatus status = RunStatus::Succeeded) = 0;
  virtual RunRecord fail(const std::string& error, RunStatus status = RunStatus::Failed) = 0;
  // Dry run: rolls back and records nothing; returns the counts the run would have had.
  virtual RunRecord discard() = 0;
};

// One KPI of a stored evaluation: what the council's table shows for it.
struct EvaluationKpiRecord {
  std::string kpi;                 // KPI id
  bool counted = true;             // in the rollups: project KPIs, not a basic goal's numeric target
  std::optional<double> actual;    // none: no value, or a status (the `formed` text says which)
  std::string formed;              // how the actual was formed
  std::optional<double> ratio;     // actual against target
  std::optional<double> progress;  // progress formula and vs_projection targets: their score
  std::size_t grade_index = 0;     // position of the grade in its scheme (orders the counts)
  std::string grade_symbol;
  std::string grade_label;
  std::optional<double> pace_ratio;  // the actual against what was expected by the as-of date
  bool off_track = false;
};

// How many KPIs of a stored evaluation got one grade.
struct GradeTally {
  std::string symbol;
  std::string label;
  int count = 0;
};

// A stored evaluation, so a report can show how a grade moved. It is stale once an import revised
// an observation it used: its grades no longer follow from the stored values.
struct EvaluationRecord {
  int64_t id = 0;
  std::string created_at;  // ISO 8601 UTC; set by the store
  std::string as_of;       // ISO date, "2026-03-31"
  std::string scheme;      // grading scheme name
  bool stale = false;
  std::string stale_since;                // when the first revision of a used observation was imported, else ""
  int64_t stale_run_id = 0;               // that import run, else 0
  std::vector<EvaluationKpiRecord> kpis;  // in strategy order; empty in evaluations() listings
  std::vector<GradeTally> grades;         // grades that occur, in scheme order, over the counted KPIs
};

// A source the daemon stopped scheduling after too many consecutive failures, until `sosei resume`.
struct Quarantine {
  std::string source;
  std::string since;   // ISO 8601 UTC; set by the store
  std::string reason;  // the last failure's error
  int failures = 0;    // consecutive failed runs when it was quarantined
};

// What a token may do: a department enters and submits its own KPIs; the policy division (企画政策課
// or whoever runs the strategy) also approves and unlocks periods and writes the committee's opinion.
enum class TokenRole { Department, Policy };
std::string to_string(TokenRole);  // "department", "policy"
std::optional<TokenRole> token_role_from(std::string_view);

// A department's API token for hand entry (`sosei token create`). Only the SHA-256 of the token
// is stored: the token itself is shown once and cannot be recovered from the database.
struct ApiToken {
  int64_t id = 0;
  std::string sha256;      // lower-case hex of SHA-256(token text)
  std::string department;  // writes only this department's KPIs
  TokenRole role = TokenRole::Department;
  std::string note;
  std::string created_at;    // ISO 8601 UTC; set by the store
  std::string last_used_at;  // empty: never used
  std::string revoked_at;    // empty: active
  bool revoked() const { return !revoked_at.empty(); }
};

// The import runs of one source at a glance (monitoring): counts by status, the newest run, and
// when the newest successful one (succeeded or unchanged) finished.
struct SourceRunSummary {
  std::string source;
  std::map<RunStatus, int64_t> runs;  // only statuses that occur
  RunRecord last_run;                 // without rejections
  std::string last_success_at;        // finished_at; empty when none succeeded
};

// A few series' plain numbers (no dimensions), by series and period (Store::city_numbers).
using SeriesNumbers = std::map<std::string, std::map<Period, double>>;

// One city at a glance, for a hub's view of many (app/hub_summary.hpp): its newest saved evaluation
// and what needs attention.
struct CityGlance {
  std::string city;                        // its code; "" in a single city's own store
  std::optional<EvaluationRecord> latest;  // the newest evaluation, its grades tallied, without KPIs
  int counted = 0;                         // its counted KPIs
  int with_value = 0;                      // of those, with an actual value
  int best_grade = 0;                      // of those, graded with the scheme's first grade
  int open_flags = 0;
  std::vector<std::string> stopped_sources;  // quarantined, by name
  std::vector<std::string> failing_sources;  // whose newest run failed or was aborted, by name
};

struct ValuesQuery {
  std::string series;
  std::optional<Period> period;          // only this period
  std::optional<Dimensions> dimensions;  // only exactly these dimensions ({} = no dimensions)
};

// A lock held by the one process allowed to do something (schedule the store's imports); released on
// destruction.
class InstanceLock {
 public:
  virtual ~InstanceLock() = default;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual std::unique_ptr<ImportTransaction> begin_import(const RunStart& start) = 0;

  // Newest first; limit 0 = all.
  virtual std::vector<RunRecord> runs(std::size_t limit = 0, const std::string& source = "") = 0;
  virtual std::optional<RunRecord> run(int64_t id) = 0;

  // Current values, ordered by period then dimensions.
  virtual std::vector<StoredObservation> values(const ValuesQuery& q) = 0;
  // Every series with at least one observation.
  virtual std::vector<std::string> series() = 0;
  // What the plugins declared about their series (put_series_info), ordered by series.
  virtual std::vector<SeriesInfo> series_infos() = 0;
  // Whether any value of `series` is stored. Asked by an import before it writes the series (what it
  // has written but not yet flushed may not count): a series nobody wrote before has its rules judged
  // as the values stream in, with nothing to read back.
  virtual bool holds_values(const std::string& series) = 0;
  // When a value of `series` in `period` (any dimensions) was last stored, as ISO 8601 UTC, or "" when
  // none is: the later of the value's own time and the end of the run that stored it, because a run
  // stamps its values when it starts and may commit long after. One aggregate in the store: a
  // fine-grained KPI's period can hold a million values, and sign-off asks this twice per approval.
  virtual std::string last_stored(const std::string& series, const Period& period) = 0;

  // Every stored value of `series` with its key, value, location and run (notes and times are not
  // read), each dimension set's values in period order; the sets may be interleaved (the SQLite
  // store reads its key index, period first, so that nothing is sorted).
  virtual void scan_series(const std::string& series, const std::function<void(const StoredObservation&)>& each) = 0;

  // A text that changes whenever a stored value may have changed: a run (an import, a hand entry, a
  // copy's runs) finished since it was last read. A reader caches what it computed from the values
  // under it (sosei serve's drill-downs); equal texts mean the values are as they were.
  virtual std::string data_version() = 0;

  // The numeric values of `series` that have dimensions, summed per dimension set and period (a day's
  // value into its month), ordered by period then dimensions. Text values (未実施) are left out.
  virtual std::vector<DimensionTotal> dimension_totals(const std::string& series) = 0;

  // Every value the runs after `since_run` wrote, ordered by run (within a run, first imports before
  // revisions); streamed, so a city's millions of values never sit in memory together.
  virtual void run_changes(int64_t since_run, const std::function<void(const RunChange&)>& each) = 0;

  // Data-quality flags by id. Closing one by hand records who (event.who) and why (event.reason) on
  // the flag and appends `event` in one transaction; false, nothing written, when it is not open.
  // The flags an import raises or clears are audit events of its run.
  virtual std::vector<QualityFlag> flags(const FlagQuery& q) = 0;
  virtual bool resolve_flag(int64_t id, const AuditEvent& event) = 0;

  // Histories of the observations of `series` in `period` (one per dimension set).
  virtual std::vector<History> history(const std::string& series, const Period& period) = 0;

  // Stores an evaluation with the observations it used (each must exist); returns its id. Saved
  // stale when one of them was revised since the evaluation read it (ObservationRef::run_id).
  virtual int64_t save_evaluation(const EvaluationRecord& evaluation, const std::vector<ObservationRef>& used) = 0;
  // Stored evaluations newest first, with their grade counts but without KPI rows; limit 0 = all.
  virtual std::vector<EvaluationRecord> evaluations(std::size_t limit = 0) = 0;
  // One stored evaluation with its KPI rows and grade counts.
  virtual std::optional<EvaluationRecord> evaluation(int64_t id) = 0;

  // Committed per-source state, outside any run.
  virtual std::optional<std::string> state(const std::string& source, const std::string& key) = 0;

  // Quarantines: set (or replace) one, lift one (false when the source was not quarantined), list.
  virtual void quarantine(const Quarantine& q) = 0;
  virtual bool resume(const std::string& source) = 0;
  virtual std::vector<Quarantine> quarantines() = 0;

  // Per source that ever ran, ordered by source.
  virtual std::vector<SourceRunSummary> run_summaries() = 0;

  // Every city this store reads (its own, and StoreConfig::also_reads on a shared store) that holds
  // any row, by code. A store of one city answers with its own state through the queries above; a
  // shared one answers for all its readable cities in a few grouped statements.
  virtual std::vector<CityGlance> city_glances();

  // The plain numbers (no dimensions) of `series` for every city this store reads, by city code (""
  // for a single city's own store, which ignores codes), series and period: what a hub's shared
  // indicators add up. A shared store answers for all its readable cities in one statement.
  virtual std::map<std::string, SeriesNumbers> city_numbers(const std::set<std::string>& series);

  // API tokens: add one (returns its id; the hash must be new), all of them by id, one by hash
  // (revoked ones too), note a use, revoke (false when unknown or already revoked).
  virtual int64_t add_token(const std::string& sha256, const std::string& department, const std::string& note,
                            TokenRole role) = 0;
  virtual std::vector<ApiToken> tokens() = 0;
  virtual std::optional<ApiToken> token_by_hash(const std::string& sha256) = 0;
  virtual void token_used(int64_t id) = 0;
  virtual bool revoke_token(int64_t id) = 0;

  // The audit trail. append_audit adds one event (its `at` stamped now when empty) and returns its id;
  // nothing ever changes or removes one (the SQLite store refuses it with triggers). Revisions of
  // values are recorded by the store itself, in the import's transaction.
  virtual int64_t append_audit(const AuditEvent& event) = 0;
  virtual std::vector<AuditEvent> audit(const AuditQuery& query) = 0;

  // Sign-off of a KPI's period; Entered when never signed off.
  virtual Approval approval(const std::string& kpi, const Period& period) = 0;
  // Every period that is submitted or approved, by KPI then period; `kpi` empty: all KPIs.
  virtual std::vector<Approval> approvals(const std::string& kpi) = 0;
  // Moves the period from `from` to `to` and appends `event` in one transaction; false (nothing
  // written) when the period is not in state `from` any more.
  virtual bool change_approval(const std::string& kpi, const Period& period, ApprovalState from, ApprovalState to,
                               const AuditEvent& event) = 0;

  // Adds a new version of a comment (with its audit event, in one transaction); returns it as stored.
  virtual Comment add_comment(const Comment& comment, const AuditEvent& event) = 0;
  // The newest version of each (KPI, year, kind), or every version when `all_versions`; `kpi` empty:
  // all KPIs. Ordered by KPI, year, kind (why, next, committee), version.
  virtual std::vector<Comment> comments(const std::string& kpi, bool all_versions) = 0;

  // Current schema version (number of applied migrations).
  virtual int schema_version() = 0;

  // What the database's own consistency check finds wrong; empty when it is sound.
  virtual std::vector<std::string> integrity_problems() = 0;

  // One daemon per city of the store (a single city's store: per store): held until the returned lock
  // is destroyed (it keeps what it needs of the store alive until then), released by the system when
  // the process dies.
  // Throws AlreadyRunning, naming the other daemon, when one holds it.
  virtual std::unique_ptr<InstanceLock> lock_daemon() = 0;

  // Moving a city's whole history between stores (`sosei store copy`, app/store_copy.hpp).
  // read_tables hands every table of copied_tables() to `sink` in copy order, rows in key order and
  // in chunks, all from one consistent snapshot.
  virtual void read_tables(RowSink& sink) = 0;
  // Runs `load` in one write transaction: commits what it wrote when it returns true (PostgreSQL's
  // sequences advanced past the written ids first), rolls everything back when it returns false or
  // throws. Inserts only: the append-only tables take the rows like any other.
  virtual bool load_tables(const std::function<bool(TableWriter&)>& load) = 0;
};

// Where a store is and how it behaves; open_store() picks the implementation from `location`.
struct StoreConfig {
  // A file path for SQLite (its folder is created on first open; ":memory:" for a private
  // in-memory store).
  std::string location;
  const Clock* clock = nullptr;  // the store's timestamps; null: the system clock
  // How long a write waits for another writer (another process's import) before failing as busy.
  std::chrono::milliseconds lock_wait{5000};
  // Called when a write starts waiting for another writer's lock (tests synchronise on it).
  std::function<void()> on_lock_wait = nullptr;
  // Page cache of a connection in KiB (grows only as used); large imports touch many index pages.
  std::size_t cache_size_kib = 64 * 1024;
  // Whether opening may create a store that does not exist yet (imports, the daemon, the server,
  // `sosei init`); false for readers, which get NoDatabase instead of a new empty store.
  bool create_if_missing = true;
  // A reader that never writes: a SQLite file is opened read-only (it then works on a full disk and on
  // a read-only file, folder or mount) and migrated only if it must be (an older schema: opened for
  // writing once, as before). Writes through such a store fail. PostgreSQL ignores it.
  bool read_only = false;
  // The city whose rows this store holds in a shared PostgreSQL store (docs/hub.md): its six-digit
  // code, or "" for a single city's own store. Every read and write is scoped to it, by the store and
  // by the server's row-level security. A SQLite file holds one city and ignores it.
  std::string city{};
  // Further cities this connection may read but never write (a prefecture's view of its cities).
  std::vector<std::string> also_reads{};
};

// Opens (creating it if needed and allowed) the store and applies pending migrations. A Store and its
// open import must be used from one thread at a time. Throws StoreError (NoDatabase when the store
// does not exist and config.create_if_missing is false).
std::unique_ptr<Store> open_store(const StoreConfig& config);

// Whether the store at `location` exists already (":memory:" never does).
bool store_exists(const std::string& location);

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  // A refusal a person acts on (a full disk, a database that went away), worded in the reader's
  // language by message(); what() is its Japanese wording, as the run record keeps it.
  explicit StoreError(text::Phrase text)
      : std::runtime_error(text(text::Locale{text::Lang::Ja})), text_(std::move(text)) {}
  std::string message(text::Lang lang) const { return text_ ? text_(text::Locale{lang}) : what(); }

 private:
  text::Phrase text_;
};

// The store does not exist and the caller may not create it; location() is where it was looked for.
class NoDatabase : public StoreError {
 public:
  explicit NoDatabase(std::string location)
      : StoreError("no database at " + location), location_(std::move(location)) {}
  const std::string& location() const { return location_; }

 private:
  std::string location_;
};

// Another writer (another process's import) held the store longer than StoreConfig::lock_wait: this
// write changed nothing and may be tried again once the other has finished. Callers word it for their
// reader (the CLI names --wait, the server answers 503 with Retry-After).
class StoreBusy : public StoreError {
 public:
  using StoreError::StoreError;
};

// Another daemon holds the store's daemon lock; the message names it and how to stop it.
class AlreadyRunning : public StoreError {
 public:
  using StoreError::StoreError;
};

}  // namespace sosei::store
