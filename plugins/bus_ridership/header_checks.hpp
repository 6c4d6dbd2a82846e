// The first check on any file the plugin reads: a web page where data was expected (a fetched login
// or error page saved as board_alight.txt) gets a sentence instead of "missing column".
#pragma once

#include <sosei/csv.hpp>
#include <sosei/plugin.hpp>

#include <string>

namespace bus_ridership {

inline void refuse_html(const sosei::CsvHeader& header, const std::string& name, const std::string& expected) {
  const std::string first = header.size() > 0 ? header.name(0) : std::string();
  if (first.starts_with("<!") || first.starts_with("<html") || first.starts_with("<HTML") ||
      first.starts_with("<?xml")) {
    throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": is a web page (HTML), not " + expected +
                                                  "; check the URL: it may point to a login, error or download page");
  }
}

}  // namespace bus_ridership
