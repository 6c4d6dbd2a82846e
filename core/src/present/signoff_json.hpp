// JSON forms of the sign-off records (approvals, comments, audit events), shared by `--json` and the
// API (docs/signoff.md lists the keys; add keys, never rename them).
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace sosei::present {

nlohmann::json to_json(const store::Approval& a);
nlohmann::json to_json(const store::Comment& c);
nlohmann::json to_json(const store::AuditEvent& e);

}  // namespace sosei::present
