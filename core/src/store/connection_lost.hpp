// The error a store throws when its server cannot be reached or dropped the connection (PostgreSQL;
// an embedded SQLite file never does). Unlike a refused statement it is worth trying again later:
// the daemon waits and reconnects (daemon/reconnect.hpp) instead of giving up.
#pragma once

#include "store/store.hpp"

namespace sosei::store {

class ConnectionLost : public StoreError {
 public:
  using StoreError::StoreError;
};

}  // namespace sosei::store
