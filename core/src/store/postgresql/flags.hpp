// Data-quality flags over PostgreSQL: written by an import run, listed and resolved by people.
#pragma once

#include <string>
#include <vector>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

void write_flags(Session& s, const ObservationKey& key, const std::string& dimensions,
                 const std::vector<FlagRaise>& raised, int64_t run_id, const std::string& stamp);
std::vector<QualityFlag> read_flags(Session& s, const FlagQuery& q);
bool resolve_flag(Session& s, int64_t id, const std::string& who, const std::string& note);

}  // namespace sosei::store::pg
