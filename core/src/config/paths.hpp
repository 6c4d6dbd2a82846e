// Internal to the config concern: how a path written in a configuration file is resolved — against
// the folder of the file that wrote it — and a database location, which is either such a path (a
// SQLite file) or a connection URI naming a server.
#pragma once

#include <filesystem>
#include <string>

namespace sosei::config::detail {

// `p` as written: absolute stays, relative is taken from `base`; normalised.
std::string absolute_from(const std::filesystem::path& base, const std::string& p);

// A database as written: a URI (postgresql://…) as it is, a file made absolute from `base`; empty stays
// empty.
std::string database_from(const std::filesystem::path& base, const std::string& location);

}  // namespace sosei::config::detail
