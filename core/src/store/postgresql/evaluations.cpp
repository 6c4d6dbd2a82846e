// Stored evaluations over PostgreSQL (evaluations.hpp). Saving one takes the writers' lock
// exclusively: an import that is revising an observation the evaluation read must either have
// committed (the evaluation then sees its run and is saved stale) or not have started.
#include "store/postgresql/evaluations.hpp"

#include <cmath>

#include "store/canonical_json.hpp"
#include "store/postgresql/columns.hpp"
#include "store/postgresql/migrations.hpp"

namespace sosei::store::pg {
namespace {

#define SOSEI_EVALUATION_COLUMNS \
  "SELECT id, iso_utc(created_at), as_of, scheme, stale, " SOSEI_PG_TIME("stale_since") ", coalesce(stale_run_id, 0)" \
  " FROM evaluations"

// A ratio over a zero target is infinite: there is no number to keep, as in the JSON output.
std::optional<double> finite(const std::optional<double>& v) {
  if (v && std::isfinite(*v)) return v;
  return std::nullopt;
}

void read_tallies(Session& s, EvaluationRecord& e) {
  // Rollups count the project KPIs only (a basic goal's numeric target is reported, not counted).
  Result r = s.db.prepared("count the grades of an evaluation", "evaluation_tallies",
                           "SELECT grade_symbol, grade_label, count(*) FROM evaluation_kpis WHERE evaluation_id = $1"
                           " AND counted GROUP BY grade_index, grade_symbol, grade_label ORDER BY grade_index",
                           Params().int64(e.id));
  for (int i = 0; i < r.rows(); ++i)
    e.grades.push_back({r.string(i, 0), r.string(i, 1), static_cast<int>(r.int64(i, 2))});
}

std::string describe(const ObservationKey& key) {
  std::string out = key.series + " " + key.period.str();
  if (!key.dimensions.empty()) out += " " + canonical_json(key.dimensions);
  return out;
}

}  // namespace

std::vector<EvaluationRecord> evaluation_rows(const Result& r, int first) {
  std::vector<EvaluationRecord> out;
  for (int i = 0; i < r.rows(); ++i) {
    EvaluationRecord e;
    e.id = r.int64(i, first);
    e.created_at = r.string(i, first + 1);
    e.as_of = r.string(i, first + 2);
    e.scheme = r.string(i, first + 3);
    e.stale = r.text(i, first + 4) == "t";
    e.stale_since = r.string(i, first + 5);
    e.stale_run_id = r.int64(i, first + 6);
    out.push_back(std::move(e));
  }
  return out;
}

int64_t save_evaluation(Session& s, const EvaluationRecord& evaluation, const std::vector<ObservationRef>& used) {
  if (s.import_open) throw StoreError("cannot save an evaluation while an import run is open on this store");
  Transaction txn(s.db);
  s.lock("wait for the running imports", "advisory_xact_lock", kWritersClass, kCityKey, Params());
  const int64_t id =
      s.db.prepared("save an evaluation", "insert_evaluation",
                    "INSERT INTO evaluations(created_at, as_of, scheme) VALUES ($1, $2, $3) RETURNING id",
                    Params().text(s.now()).text(evaluation.as_of).text(evaluation.scheme))
          .int64(0, 0);
  int64_t seq = 0;
  for (const EvaluationKpiRecord& k : evaluation.kpis) {
    s.db.prepared("save an evaluated KPI", "insert_evaluation_kpi",
                  "INSERT INTO evaluation_kpis(evaluation_id, seq, kpi, counted, actual, formed, ratio, progress,"
                  " grade_index, grade_symbol, grade_label, pace_ratio, off_track)"
                  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                  Params()
                      .int64(id)
                      .int64(++seq)
                      .text(k.kpi)
                      .text(k.counted ? "true" : "false")
                      .real(finite(k.actual))
                      .text(k.formed)
                      .real(finite(k.ratio))
                      .real(finite(k.progress))
                      .int64(static_cast<int64_t>(k.grade_index))
                      .text(k.grade_symbol)
                      .text(k.grade_label)
                      .real(finite(k.pace_ratio))
                      .text(k.off_track ? "true" : "false"));
  }
  std::string stale_since;
  int64_t stale_run_id = 0;
  for (const ObservationRef& ref : used) {
    Result found = s.db.prepared(
        "find an observation an evaluation used", "find_used",
        "SELECT id, run_id, iso_utc(updated_at) FROM observations WHERE series = $1 AND period_kind = $2"
        " AND period_year = $3 AND period_month = $4 AND period_day = $5 AND dimensions = $6",
        add_period(Params().text(ref.key.series), ref.key.period).text(canonical_json(ref.key.dimensions)));
    if (found.rows() == 0)
      throw StoreError("cannot save the evaluation: the observation it used, " + describe(ref.key) + ", is not stored");
    const int64_t run_id = found.int64(0, 1);
    if (ref.run_id != 0 && run_id != ref.run_id && run_id > stale_run_id) {
      stale_run_id = run_id;  // revised after the evaluation read it
      stale_since = found.string(0, 2);
    }
    // An evaluation may list an observation twice (two KPIs on one series); one input row is enough.
    s.db.prepared("record an evaluation input", "insert_evaluation_input",
                  "INSERT INTO evaluation_inputs(evaluation_id, observation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                  Params().int64(id).int64(found.int64(0, 0)));
  }
  if (stale_run_id != 0)
    s.db.prepared("save an evaluation as stale", "saved_stale",
                  "UPDATE evaluations SET stale = true, stale_since = $2, stale_run_id = $3 WHERE id = $1",
                  Params().int64(id).text(stale_since).int64(stale_run_id));
  txn.commit();
  return id;
}

std::vector<EvaluationRecord> read_evaluations(Session& s, std::size_t limit) {
  Params p;
  if (limit == 0)
    p.null();
  else
    p.int64(static_cast<int64_t>(limit));
  auto out = evaluation_rows(s.db.prepared("list evaluations", "evaluations",
                                           SOSEI_EVALUATION_COLUMNS " ORDER BY id DESC LIMIT $1::bigint", p));
  for (EvaluationRecord& e : out) read_tallies(s, e);
  return out;
}

std::optional<EvaluationRecord> read_evaluation(Session& s, int64_t id) {
  auto rows = evaluation_rows(
      s.db.prepared("read an evaluation", "evaluation", SOSEI_EVALUATION_COLUMNS " WHERE id = $1", Params().int64(id)));
  if (rows.empty()) return std::nullopt;
  EvaluationRecord e = std::move(rows.front());
  Result r =
      s.db.prepared("read the KPIs of an evaluation", "evaluation_kpis",
                    "SELECT kpi, counted, actual, formed, ratio, progress, grade_index, grade_symbol, grade_label,"
                    " pace_ratio, off_track FROM evaluation_kpis WHERE evaluation_id = $1 ORDER BY seq",
                    Params().int64(id));
  for (int i = 0; i < r.rows(); ++i) {
    EvaluationKpiRecord k;
    k.kpi = r.string(i, 0);
    k.counted = r.text(i, 1) == "t";
    k.actual = r.optional_real(i, 2);
    k.formed = r.string(i, 3);
    k.ratio = r.optional_real(i, 4);
    k.progress = r.optional_real(i, 5);
    k.grade_index = static_cast<std::size_t>(r.int64(i, 6));
    k.grade_symbol = r.string(i, 7);
    k.grade_label = r.string(i, 8);
    k.pace_ratio = r.optional_real(i, 9);
    k.off_track = r.text(i, 10) == "t";
    e.kpis.push_back(std::move(k));
  }
  read_tallies(s, e);
  return e;
}

}  // namespace sosei::store::pg
