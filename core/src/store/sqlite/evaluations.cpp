// Stored evaluations over SQLite: an evaluation, its KPI rows and the observations it used are
// written in one transaction; an import's revision of a used observation marks it stale.
#include "store/sqlite/evaluations.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "store/canonical_json.hpp"
#include "store/sqlite/columns.hpp"

namespace sosei::store {
namespace {

constexpr const char* kInsertEvaluation = "INSERT INTO evaluations(created_at, as_of, scheme) VALUES (?1, ?2, ?3)";
constexpr const char* kInsertKpi =
    "INSERT INTO evaluation_kpis(evaluation_id, seq, kpi, counted, actual, formed, ratio, progress, grade_index,"
    " grade_symbol, grade_label, pace_ratio, off_track)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr const char* kFindUsed =
    "SELECT id, run_id, updated_at FROM observations WHERE series = ?1 AND period_kind = ?2 AND period_year = ?3"
    " AND period_month = ?4 AND period_day = ?5 AND dimensions = ?6";
// An evaluation may list an observation twice (two KPIs on one series); one input row is enough.
constexpr const char* kInsertInput =
    "INSERT INTO evaluation_inputs(evaluation_id, observation_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
constexpr const char* kSavedStale =
    "UPDATE evaluations SET stale = 1, stale_since = ?2, stale_run_id = ?3 WHERE id = ?1";
// The current evaluations that used an observation, read through the index by observation. Most
// revised observations were used by none, and this plain read is all they cost: an UPDATE … WHERE id
// IN (SELECT …) builds a temporary table for its list on every call, which made a revision ~10 times
// dearer than the revision itself (bench/RESULTS.md).
constexpr const char* kCurrentUsers =
    "SELECT e.id FROM evaluation_inputs i JOIN evaluations e ON e.id = i.evaluation_id"
    " WHERE i.observation_id = ?1 AND e.stale = 0";
// The first revision after the evaluation is the one that made it stale: later ones keep it.
constexpr const char* kMarkStale =
    "UPDATE evaluations SET stale = 1, stale_since = ?2, stale_run_id = ?3 WHERE id = ?1 AND stale = 0";

#define SOSEI_EVALUATION_COLUMNS \
  "SELECT id, created_at, as_of, scheme, stale, coalesce(stale_since, ''), coalesce(stale_run_id, 0) FROM evaluations"
constexpr const char* kEvaluations = SOSEI_EVALUATION_COLUMNS " ORDER BY id DESC LIMIT ?1";
constexpr const char* kEvaluation = SOSEI_EVALUATION_COLUMNS " WHERE id = ?1";
constexpr const char* kKpis =
    "SELECT kpi, counted, actual, formed, ratio, progress, grade_index, grade_symbol, grade_label, pace_ratio,"
    " off_track FROM evaluation_kpis WHERE evaluation_id = ?1 ORDER BY seq";
// Rollups count the project KPIs only (a basic goal's numeric target is reported, not counted).
constexpr const char* kTallies =
    "SELECT grade_symbol, grade_label, count(*) FROM evaluation_kpis WHERE evaluation_id = ?1 AND counted = 1"
    " GROUP BY grade_index, grade_symbol, grade_label ORDER BY grade_index";

void bind_optional(sqlite::Statement& s, int index, const std::optional<double>& v) {
  // A ratio over a zero target is infinite: there is no number to keep, as in the JSON output.
  if (v && std::isfinite(*v))
    s.bind(index, *v);
  else
    s.bind_null(index);
}

std::optional<double> read_optional(const sqlite::Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return s.real(column);
}

EvaluationRecord read_evaluation(const sqlite::Statement& s) {
  EvaluationRecord r;
  r.id = s.int64(0);
  r.created_at = s.string(1);
  r.as_of = s.string(2);
  r.scheme = s.string(3);
  r.stale = s.int64(4) != 0;
  r.stale_since = s.string(5);
  r.stale_run_id = s.int64(6);
  return r;
}

void read_tallies(sqlite::Connection& db, EvaluationRecord& r) {
  sqlite::Statement& s = db.statement("count the grades of an evaluation", kTallies);
  sqlite::Use use(s);
  s.bind(1, r.id);
  while (s.step()) r.grades.push_back({s.string(0), s.string(1), static_cast<int>(s.int64(2))});
}

std::string describe(const ObservationKey& key) {
  std::string out = key.series + " " + key.period.str();
  if (!key.dimensions.empty()) out += " " + canonical_json(key.dimensions);
  return out;
}

}  // namespace

int64_t save_sqlite_evaluation(Session& session, const EvaluationRecord& evaluation,
                               const std::vector<ObservationRef>& used) {
  if (session.import_open) throw StoreError("cannot save an evaluation while an import run is open on this store");
  sqlite::Connection& db = session.db;
  sqlite::Transaction txn(db, "start saving an evaluation");
  const std::string created_at = session.now();

  sqlite::Statement& insert = db.statement("save an evaluation", kInsertEvaluation);
  insert.bind(1, created_at);
  insert.bind(2, evaluation.as_of);
  insert.bind(3, evaluation.scheme);
  insert.run();
  const int64_t id = db.last_insert_rowid();

  sqlite::Statement& kpi = db.statement("save an evaluated KPI", kInsertKpi);
  int64_t seq = 0;
  for (const EvaluationKpiRecord& k : evaluation.kpis) {
    kpi.bind(1, id);
    kpi.bind(2, ++seq);
    kpi.bind(3, k.kpi);
    kpi.bind(4, k.counted ? 1 : 0);
    bind_optional(kpi, 5, k.actual);
    kpi.bind(6, k.formed);
    bind_optional(kpi, 7, k.ratio);
    bind_optional(kpi, 8, k.progress);
    kpi.bind(9, static_cast<int64_t>(k.grade_index));
    kpi.bind(10, k.grade_symbol);
    kpi.bind(11, k.grade_label);
    bind_optional(kpi, 12, k.pace_ratio);
    kpi.bind(13, k.off_track ? 1 : 0);
    kpi.run();
  }

  // Resolve each used key inside this transaction, so no import can slip in between.
  sqlite::Statement& find = db.statement("find an observation an evaluation used", kFindUsed);
  sqlite::Statement& input = db.statement("record an evaluation input", kInsertInput);
  std::string dimensions, stale_since;
  int64_t stale_run_id = 0;
  for (const ObservationRef& ref : used) {
    int64_t observation_id = 0;
    {
      sqlite::Use use(find);
      dimensions = canonical_json(ref.key.dimensions);
      find.bind(1, ref.key.series);
      bind_period(find, 2, ref.key.period);
      find.bind(6, dimensions);
      if (!find.step())
        throw StoreError("cannot save the evaluation: the observation it used, " + describe(ref.key) +
                         ", is not stored");
      observation_id = find.int64(0);
      const int64_t run_id = find.int64(1);
      if (ref.run_id != 0 && run_id != ref.run_id && run_id > stale_run_id) {
        stale_run_id = run_id;  // revised after the evaluation read it
        stale_since = find.string(2);
      }
    }
    input.bind(1, id);
    input.bind(2, observation_id);
    input.run();
  }
  if (stale_run_id != 0) {
    sqlite::Statement& s = db.statement("save an evaluation as stale", kSavedStale);
    s.bind(1, id);
    s.bind(2, stale_since);
    s.bind(3, stale_run_id);
    s.run();
  }
  txn.commit();
  return id;
}

std::vector<EvaluationRecord> read_sqlite_evaluations(sqlite::Connection& db, std::size_t limit) {
  std::vector<EvaluationRecord> out;
  {
    sqlite::Statement& s = db.statement("list evaluations", kEvaluations);
    sqlite::Use use(s);
    s.bind(1, limit == 0 ? int64_t{-1} : static_cast<int64_t>(limit));
    while (s.step()) out.push_back(read_evaluation(s));
  }
  for (EvaluationRecord& r : out) read_tallies(db, r);
  return out;
}

std::optional<EvaluationRecord> read_sqlite_evaluation(sqlite::Connection& db, int64_t id) {
  std::optional<EvaluationRecord> record;
  {
    sqlite::Statement& s = db.statement("read an evaluation", kEvaluation);
    sqlite::Use use(s);
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    record = read_evaluation(s);
  }
  {
    sqlite::Statement& s = db.statement("read the KPIs of an evaluation", kKpis);
    sqlite::Use use(s);
    s.bind(1, id);
    while (s.step()) {
      EvaluationKpiRecord k;
      k.kpi = s.string(0);
      k.counted = s.int64(1) != 0;
      k.actual = read_optional(s, 2);
      k.formed = s.string(3);
      k.ratio = read_optional(s, 4);
      k.progress = read_optional(s, 5);
      k.grade_index = static_cast<std::size_t>(s.int64(6));
      k.grade_symbol = s.string(7);
      k.grade_label = s.string(8);
      k.pace_ratio = read_optional(s, 9);
      k.off_track = s.int64(10) != 0;
      record->kpis.push_back(std::move(k));
    }
  }
  read_tallies(db, *record);
  return record;
}

void mark_evaluations_stale(sqlite::Connection& db, int64_t observation_id, int64_t run_id, std::string_view at) {
  std::vector<int64_t> users;  // allocates only when an evaluation used the observation
  {
    sqlite::Statement& find = db.statement("find the evaluations that used an observation", kCurrentUsers);
    sqlite::Use use(find);
    find.bind(1, observation_id);
    while (find.step()) users.push_back(find.int64(0));
  }
  sqlite::Statement& mark = db.statement("mark evaluations stale", kMarkStale);
  for (const int64_t id : users) {
    mark.bind(1, id);
    mark.bind(2, at);
    mark.bind(3, run_id);
    mark.run();
  }
}

}  // namespace sosei::store
