// The audit trail over SQLite (audit.cpp): appending events and reading them back. The table itself
// refuses UPDATE and DELETE (migration 8's triggers), whatever connection tries.
#pragma once

#include <vector>

#include "store/sqlite/session.hpp"
#include "store/store.hpp"

namespace sosei::store {

// Inserts `event` (stamped now when its `at` is empty) inside whatever transaction is open.
int64_t append_sqlite_audit(Session& session, const AuditEvent& event);
std::vector<AuditEvent> read_sqlite_audit(sqlite::Connection& db, const AuditQuery& query);

}  // namespace sosei::store
