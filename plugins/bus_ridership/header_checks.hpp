// The first check on any file the plugin reads: a web page where data was expected (a fetched login
// or error page saved as board_alight.txt) gets a sentence instead of "missing column".
#pragma once

#include <sosei/csv.hpp>
#include <sosei/plugin.hpp>

#include <string>

namespace bus_ridership {

inline void refuse_html(const sosei::CsvReader& header, const std::string& name, const std::string& expected) {
  const std::string_view first = header.cell(0);
  if (first.starts_with("<!") || first.starts_with("<html") || first.starts_with("<HTML") ||
      first.starts_with("<?xml")) {
    throw sosei::PluginError(SOSEI_ERR_INPUT,
                             name + ": " + expected +
                                 "ではなく、Web ページ（HTML）です。URL を確かめてください"
                                 "（ログイン画面、エラー画面、ダウンロード画面を指していることがあります）");
  }
}

// Runs `read` (which reads the file `name`) and gives any CSV error the file's name: the SDK's
// CsvError says "line 1: missing column …" and knows no file.
template <class Read>
auto naming_file(const std::string& name, Read&& read) {
  try {
    return read();
  } catch (const sosei::CsvError& e) {
    throw sosei::PluginError(SOSEI_ERR_INPUT, name + ": " + e.what());
  }
}

}  // namespace bus_ridership
