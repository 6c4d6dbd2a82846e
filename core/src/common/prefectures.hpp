// The 47 prefectures by their JIS X 0401 code, the first two digits of every local government code:
// how a hub names the prefecture a city belongs to, and finds one a person named.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sosei {

struct Prefecture {
  std::string_view code;     // "40"
  std::string_view name;     // "福岡県"
  std::string_view name_en;  // "Fukuoka"
};

// The prefecture of a two-digit code, or none outside 01–47.
std::optional<Prefecture> prefecture_of(std::string_view two_digits);
// A prefecture as a person names it: its code ("40", "4"), its Japanese name with or without
// 都/道/府/県 ("福岡県", "福岡"), or its English name in any case ("fukuoka").
std::optional<Prefecture> find_prefecture(std::string_view text);

}  // namespace sosei
