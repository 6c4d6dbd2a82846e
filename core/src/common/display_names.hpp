// What a person reads instead of a raw key: the display names a plugin declares for its series,
// dimension keys and coded dimension values (sdk.h, sosei_display_name), in Japanese and English.
// The host copies them from the descriptor; the report and the dashboard show them.
#pragma once

#include <map>
#include <string>

namespace sosei {

// One key's names; either may be empty (the other is used, else the key itself).
struct DisplayName {
  std::string ja;
  std::string en;
};

struct DisplayNames {
  std::map<std::string, DisplayName> series;                         // series name → names
  std::map<std::string, DisplayName> dimensions;                     // dimension key → names
  std::map<std::string, std::map<std::string, DisplayName>> values;  // dimension key → value → names

  bool empty() const { return series.empty() && dimensions.empty() && values.empty(); }

  const DisplayName* find_series(const std::string& name) const { return find(series, name); }
  const DisplayName* find_dimension(const std::string& key) const { return find(dimensions, key); }
  const DisplayName* find_value(const std::string& key, const std::string& value) const {
    const auto it = values.find(key);
    return it == values.end() ? nullptr : find(it->second, value);
  }

 private:
  static const DisplayName* find(const std::map<std::string, DisplayName>& m, const std::string& k) {
    const auto it = m.find(k);
    return it == m.end() ? nullptr : &it->second;
  }
};

}  // namespace sosei
