// One daemon per PostgreSQL store: a session advisory lock on a connection of its own, released when
// the lock object closes it or when the daemon's process (and so its connection) dies.
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace sosei::store::pg {

std::unique_ptr<InstanceLock> lock_daemon(const std::string& location);

}  // namespace sosei::store::pg
