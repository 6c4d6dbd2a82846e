// Paths written in configuration files (paths.hpp).
#include "config/paths.hpp"

namespace sosei::config::detail {

std::string absolute_from(const std::filesystem::path& base, const std::string& p) {
  const std::filesystem::path path(p);
  return (path.is_absolute() ? path : base / path).lexically_normal().string();
}

std::string database_from(const std::filesystem::path& base, const std::string& location) {
  if (location.empty() || location.find("://") != std::string::npos) return location;
  return absolute_from(base, location);
}

}  // namespace sosei::config::detail
