// Stored evaluations over PostgreSQL: saved whole in one transaction, marked stale by the import that
// revises an observation they used.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

int64_t save_evaluation(Session& s, const EvaluationRecord& evaluation, const std::vector<ObservationRef>& used);
std::vector<EvaluationRecord> read_evaluations(Session& s, std::size_t limit);
std::optional<EvaluationRecord> read_evaluation(Session& s, int64_t id);
// In the import's transaction: the current evaluations that used the observation become stale.
void mark_evaluations_stale(Session& s, int64_t observation_id, int64_t run_id, const std::string& at);

}  // namespace sosei::store::pg
