// The SQLite store's daemon lock: an exclusive flock on "<database>.daemon.lock" holding the owner's
// pid. The kernel drops the lock when the process dies, even by kill -9, so a stale file never blocks.
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace sosei::store {

// Throws AlreadyRunning naming the other daemon's pid, or std::runtime_error when the lock file
// cannot be opened or written.
std::unique_ptr<InstanceLock> lock_daemon_file(const std::string& database);

}  // namespace sosei::store
