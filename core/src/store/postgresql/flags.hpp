// Data-quality flags over PostgreSQL: written by an import run, listed and resolved by people.
#pragma once

#include <string>
#include <vector>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

// Inside the run's transaction: the findings for one key (ImportTransaction::set_flags); each flag
// raised or cleared is an audit event of the run (`run`: its source and id).
void write_flags(Session& s, const ObservationKey& key, const std::string& dimensions,
                 const std::vector<FlagRaise>& raised, const Actor& run, const std::string& stamp);
std::vector<QualityFlag> read_flags(Session& s, const FlagQuery& q);
// Closes an open flag and appends `event` (who, and the reason as the note) in one transaction;
// false, nothing written, when the flag is not open.
bool resolve_flag(Session& s, int64_t id, const AuditEvent& event);

}  // namespace sosei::store::pg
