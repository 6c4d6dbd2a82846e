// Stored evaluations over PostgreSQL: saved whole in one transaction (an import that revises an
// observation one used marks it stale in its own statement, import.cpp).
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

}  // namespace sosei::store::pg
