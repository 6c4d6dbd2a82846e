// Approvals (the sign-off state of KPI periods) and the versioned commentary over SQLite
// (signoff.cpp). Each change is written with its audit event in one transaction.
#pragma once

#include <string>
#include <vector>

#include "store/sqlite/session.hpp"
#include "store/store.hpp"

namespace sosei::store {

Approval read_sqlite_approval(sqlite::Connection& db, const std::string& kpi, const Period& period);
std::vector<Approval> read_sqlite_approvals(sqlite::Connection& db, const std::string& kpi);
// Approved periods only (what locks imports), by KPI then period.
std::vector<Approval> read_sqlite_locks(sqlite::Connection& db);
bool change_sqlite_approval(Session& session, const std::string& kpi, const Period& period, ApprovalState from,
                            ApprovalState to, const AuditEvent& event);

Comment add_sqlite_comment(Session& session, const Comment& comment, const AuditEvent& event);
std::vector<Comment> read_sqlite_comments(sqlite::Connection& db, const std::string& kpi, bool all_versions);

}  // namespace sosei::store
