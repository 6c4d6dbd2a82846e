// One daemon per city of a PostgreSQL store: a session advisory lock keyed by the session's city (a
// single city's own database has the city ""), taken on the store's own connection — so a hub daemon
// scheduling many cities holds one connection per city, not two — and released when the lock object
// goes, or when the connection (and so the daemon's process) dies.
#pragma once

#include <memory>

#include "store/postgresql/session.hpp"
#include "store/store.hpp"

namespace sosei::store::pg {

// Throws AlreadyRunning naming the other daemon (its host and pid, from its application_name).
std::unique_ptr<InstanceLock> lock_daemon(std::shared_ptr<Session> session);

}  // namespace sosei::store::pg
