// What a PostgreSQL store and its open import share: the connection (an import run is one
// transaction on it, so reads through the store during the run see the run's writes), the clock that
// stamps every write, and how long a write waits for a lock.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "common/clock.hpp"
#include "store/postgresql/connection.hpp"

namespace sosei::store::pg {

struct Session {
  Session(const std::string& location, const Clock& c, Tenant tenant = {})
      : db(location, "sosei", std::move(tenant)), clock(c) {}

  Connection db;
  const Clock& clock;
  std::chrono::milliseconds lock_wait{5000};
  std::function<void()> on_lock_wait;
  bool import_open = false;
  // Set while an import is open: writes the observations it keeps back to send them in bulk. Every
  // read of observations calls it first, so that a run reads its own writes.
  std::function<void()> flush_import;

  void flush_open_import() {
    if (flush_import) flush_import();
  }

  std::string now() const { return iso8601_utc(clock.now_ms()); }

  // Takes an advisory transaction lock: tries first, and only when another transaction holds it says
  // so (on_lock_wait) and waits, up to lock_wait (then a StoreError says the store is busy).
  void lock(const char* what, const std::string& function, int key_class, const std::string& key_sql,
            const Params& params);
};

}  // namespace sosei::store::pg
