// The PostgreSQL store's sign-off: the append-only audit trail, approvals (locks) and commentary.
#pragma once

#include <string>
#include <vector>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

int64_t append_audit(Session& s, const AuditEvent& event);
std::vector<AuditEvent> read_audit(Session& s, const AuditQuery& query);

Approval read_approval(Session& s, const std::string& kpi, const Period& period);
std::vector<Approval> read_approvals(Session& s, const std::string& kpi);
std::vector<Approval> read_locks(Session& s);
bool change_approval(Session& s, const std::string& kpi, const Period& period, ApprovalState from, ApprovalState to,
                     const AuditEvent& event);

Comment add_comment(Session& s, const Comment& comment, const AuditEvent& event);
std::vector<Comment> read_comments(Session& s, const std::string& kpi, bool all_versions);

}  // namespace sosei::store::pg
