// The SQLite implementation's entry point; open_store() (store/open_store.cpp) calls it for file paths.
#pragma once

#include <memory>

#include "store/store.hpp"

namespace sosei::store {

// Creates the database's folder and file when missing, configures the connection and migrates.
std::unique_ptr<Store> open_sqlite_store(const StoreConfig& config);

}  // namespace sosei::store
