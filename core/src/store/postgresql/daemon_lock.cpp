// The daemon's advisory lock (daemon_lock.hpp). The holder's connection carries its host and pid in
// application_name, so the refusal can name the other daemon.
#include "store/postgresql/daemon_lock.hpp"

#include <unistd.h>

#include <array>

#include "store/postgresql/connection.hpp"
#include "store/postgresql/migrations.hpp"

namespace sosei::store::pg {
namespace {

std::string host_name() {
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0) return "?";
  return name.data();
}

class DaemonLock final : public InstanceLock {
 public:
  explicit DaemonLock(const std::string& location)
      : db_(location, "sosei daemon pid " + std::to_string(::getpid()) + " on " + host_name()) {
    const std::string key = std::to_string(kLockClass) + ", " + std::to_string(kDaemonKey);
    if (db_.exec("take the daemon lock", "SELECT pg_try_advisory_lock(" + key + ")").text(0, 0) == "t") return;
    Result holder = db_.exec("find the other daemon",
                             "SELECT coalesce(a.application_name, ''), a.pid FROM pg_locks l JOIN pg_stat_activity a"
                             " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::oid"
                             " AND l.objid = $2::oid AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database"
                             " WHERE datname = current_database())",
                             Params().int64(kLockClass).int64(kDaemonKey));
    const std::string who = holder.rows() > 0 && !holder.text(0, 0).empty()
                                ? holder.string(0, 0)
                                : "server process " + (holder.rows() > 0 ? holder.string(0, 1) : std::string("?"));
    throw AlreadyRunning("another sosei daemon (" + who + ") is already running on " + location +
                         "; stop it first — only one daemon may schedule a database");
  }

  // Unlocked before the connection closes: the server ends a closed session (and drops its locks) a
  // moment after the client has gone, so a daemon started right after this one stopped would find
  // the lock still held. A failure here leaves it to the connection's end.
  ~DaemonLock() override {
    try {
      const std::string key = std::to_string(kLockClass) + ", " + std::to_string(kDaemonKey);
      db_.exec("release the daemon lock", "SELECT pg_advisory_unlock(" + key + ")");
    } catch (...) {  // NOLINT(bugprone-empty-catch): the connection's end releases it anyway
    }
  }
  DaemonLock(const DaemonLock&) = delete;
  DaemonLock& operator=(const DaemonLock&) = delete;

 private:
  Connection db_;  // its end also releases the lock
};

}  // namespace

std::unique_ptr<InstanceLock> lock_daemon(const std::string& location) {
  return std::make_unique<DaemonLock>(location);
}

}  // namespace sosei::store::pg
