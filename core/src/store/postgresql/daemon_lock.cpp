// The daemon's advisory lock (daemon_lock.hpp). While it holds the lock, the connection carries the
// daemon's host and pid in application_name, so a refusal can name the other daemon.
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

// The city's key in the daemon class: its six-digit code itself (it fits an integer), so no two cities
// share a lock the way two hashes could; a single city's own database ("") is 0.
constexpr const char* kDaemonCityKey = "coalesce(nullif(current_setting('sosei.city'), ''), '0')::integer";

class DaemonLock final : public InstanceLock {
 public:
  explicit DaemonLock(std::shared_ptr<Session> session) : session_(std::move(session)) {
    Connection& db = session_->db;
    db.exec("name the daemon's connection", "SELECT set_config('application_name', $1, false)",
            Params().text("sosei daemon pid " + std::to_string(::getpid()) + " on " + host_name()));
    if (db.exec("take the daemon lock", std::string("SELECT pg_try_advisory_lock($1::integer, ") + kDaemonCityKey + ")",
                Params().int64(kDaemonClass))
            .text(0, 0) == "t")
      return;
    Result holder = db.exec("find the other daemon",
                            std::string("SELECT coalesce(a.application_name, ''), a.pid FROM pg_locks l JOIN "
                                        "pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND "
                                        "l.granted AND l.classid = $1::oid AND l.objid = (") +
                                kDaemonCityKey +
                                ")::oid AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE "
                                "datname = current_database())",
                            Params().int64(kDaemonClass));
    unname();
    const std::string who = holder.rows() > 0 && !holder.text(0, 0).empty()
                                ? holder.string(0, 0)
                                : "server process " + (holder.rows() > 0 ? holder.string(0, 1) : std::string("?"));
    const std::string city = db.tenant().city;
    throw AlreadyRunning("another sosei daemon (" + who + ") is already running on " + db.location() +
                         (city.empty() ? std::string() : " for city " + city) +
                         "; stop it first — only one daemon may schedule a city's sources");
  }

  // Unlocked now rather than when the connection ends: the store may live on (a test, a hub daemon
  // whose city stopped) and another daemon must be able to take the city at once.
  ~DaemonLock() override {
    if (session_->db.lost()) return;  // the lock went with the session; reconnecting to unlock is pointless
    try {
      session_->db.exec("release the daemon lock",
                        std::string("SELECT pg_advisory_unlock($1::integer, ") + kDaemonCityKey + ")",
                        Params().int64(kDaemonClass));
      unname();
    } catch (...) {  // NOLINT(bugprone-empty-catch): the connection's end releases it anyway
    }
  }
  DaemonLock(const DaemonLock&) = delete;
  DaemonLock& operator=(const DaemonLock&) = delete;

 private:
  void unname() { session_->db.exec("name the connection", "SELECT set_config('application_name', 'sosei', false)"); }

  std::shared_ptr<Session> session_;  // the store's: kept alive until the lock is released on it
};

}  // namespace

std::unique_ptr<InstanceLock> lock_daemon(std::shared_ptr<Session> session) {
  return std::make_unique<DaemonLock>(std::move(session));
}

}  // namespace sosei::store::pg
