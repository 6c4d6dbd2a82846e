// Stored evaluations over PostgreSQL: saved whole in one transaction (an import that revises an
// observation one used marks it stale in its own statement, import.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

// The evaluations of a result whose columns from `first` are: id, created_at, as_of, scheme, stale,
// stale_since, stale_run_id (times as ISO 8601 UTC text); their KPIs and grades are not read.
std::vector<EvaluationRecord> evaluation_rows(const Result& r, int first = 0);

int64_t save_evaluation(Session& s, const EvaluationRecord& evaluation, const std::vector<ObservationRef>& used);
std::vector<EvaluationRecord> read_evaluations(Session& s, std::size_t limit);
std::optional<EvaluationRecord> read_evaluation(Session& s, int64_t id);

}  // namespace sosei::store::pg
