// Advisory locks with the SQLite store's waiting behaviour (StoreConfig::lock_wait, on_lock_wait).
#include "store/postgresql/session.hpp"

#include <algorithm>

namespace sosei::store::pg {

void Session::lock(const char* what, const std::string& function, int key_class, const std::string& key_sql,
                   const Params& params) {
  const std::string arguments = "(" + std::to_string(key_class) + ", " + key_sql + ")";
  if (db.exec(what, "SELECT pg_try_" + function + arguments, params).text(0, 0) == "t") return;
  if (on_lock_wait) on_lock_wait();
  // lock_timeout 0 would mean "forever"; the number is the configuration's, never outside input.
  const auto ms = std::max<std::chrono::milliseconds::rep>(1, lock_wait.count());
  db.exec("set how long to wait for a lock", "SET LOCAL lock_timeout = " + std::to_string(ms));
  db.exec(what, "SELECT pg_" + function + arguments, params);
  db.exec("reset the lock wait", "SET LOCAL lock_timeout = 0");
}

}  // namespace sosei::store::pg
