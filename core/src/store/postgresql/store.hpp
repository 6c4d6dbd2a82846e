// The PostgreSQL implementation's entry points; open_store() (store/open_store.cpp) calls them for
// postgresql:// and postgres:// locations (libpq connection URIs).
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace sosei::store {

// Connects and migrates. The database itself must exist (a server's databases are made by its
// administrator); with config.create_if_missing false, an unmigrated one is NoDatabase.
std::unique_ptr<Store> open_postgresql_store(const StoreConfig& config);

// Whether the database at `location` holds a sosei schema (false when it cannot be reached).
bool postgresql_store_exists(const std::string& location);

}  // namespace sosei::store
