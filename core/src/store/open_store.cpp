// The one way the core opens a store: the location picks the implementation, so callers never name
// a database: a libpq connection URI ("postgresql://…", "postgres://…") is PostgreSQL, anything
// else a SQLite file.
#include <filesystem>
#include <string_view>

#include "store/postgresql/store.hpp"
#include "store/sqlite/store.hpp"
#include "store/store.hpp"

namespace sosei::store {
namespace {

bool is_postgresql(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

}  // namespace

std::unique_ptr<Store> open_store(const StoreConfig& config) {
  if (is_postgresql(config.location)) return open_postgresql_store(config);
  return open_sqlite_store(config);
}

bool store_exists(const std::string& location) {
  if (location == ":memory:") return false;
  if (is_postgresql(location)) return postgresql_store_exists(location);
  std::error_code ec;
  return std::filesystem::is_regular_file(location, ec);
}

}  // namespace sosei::store
