// Stored evaluations over SQLite (evaluations.cpp): saving one with the observations it used,
// reading them back, and the stale marking an import's revision path calls.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/sqlite/session.hpp"
#include "store/store.hpp"

namespace sosei::store {

int64_t save_sqlite_evaluation(Session& session, const EvaluationRecord& evaluation,
                               const std::vector<ObservationRef>& used);
std::vector<EvaluationRecord> read_sqlite_evaluations(sqlite::Connection& db, std::size_t limit);
std::optional<EvaluationRecord> read_sqlite_evaluation(sqlite::Connection& db, int64_t id);

// Marks stale every evaluation that used the observation and is not stale yet. Called inside the
// import's transaction, so a run that fails leaves the evaluations as they were.
void mark_evaluations_stale(sqlite::Connection& db, int64_t observation_id, int64_t run_id, std::string_view at);

}  // namespace sosei::store
