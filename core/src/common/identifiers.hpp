// The one rule for names that appear in configs, plugins and the store: [a-z0-9_]+.
#pragma once

#include <string_view>

namespace sosei {

inline bool is_identifier(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace sosei
