// Years and stated numbers as the strategy writes them; see notation.hpp for what is accepted.
#include "config/notation.hpp"

#include <charconv>
#include <vector>

#include "sosei/notation.hpp"

namespace sosei::config {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  // Ideographic space (U+3000) as written in Japanese documents.
  while (starts_with(s, "\u3000")) s.remove_prefix(3);
  while (ends_with(s, "\u3000")) s.remove_suffix(3);
  return s;
}

std::optional<int> parse_digits(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (!is_digit(c)) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A minus sign ending exactly at `end` in `s`: "-", "−" (U+2212), "△", "▲".
bool minus_before(std::string_view s, size_t end) {
  if (end >= 1 && s[end - 1] == '-') return true;
  if (end < 3) return false;
  auto p = s.substr(end - 3, 3);
  return p == "\u2212" || p == "\u25B3" || p == "\u25B2";
}

}  // namespace

std::string to_ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    // Full-width forms U+FF05 ％, U+FF0C ，, U+FF0D －, U+FF0E ．, U+FF10..FF19 ０..９: EF BC 85..99.
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
        static_cast<unsigned char>(text[i + 1]) == 0xBC) {
      auto c = static_cast<unsigned char>(text[i + 2]);
      char ascii = 0;
      if (c >= 0x90 && c <= 0x99)
        ascii = static_cast<char>('0' + (c - 0x90));
      else if (c == 0x85)
        ascii = '%';
      else if (c == 0x8C)
        ascii = ',';
      else if (c == 0x8D)
        ascii = '-';
      else if (c == 0x8E)
        ascii = '.';
      if (ascii) {
        out += ascii;
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::optional<int> parse_year(std::string_view text) {
  std::string ascii = to_ascii_digits(text);
  std::string_view s = trim(ascii);
  if (ends_with(s, "年度"))
    s.remove_suffix(std::string_view("年度").size());
  else if (ends_with(s, "年"))
    s.remove_suffix(std::string_view("年").size());
  if (starts_with(s, "FY")) s.remove_prefix(2);
  if (s.size() == 4) {
    auto y = parse_digits(s);
    if (y && *y >= 1000) return y;
    return std::nullopt;
  }
  // The SDK's era table; the letter is upper case only here (the strategy is typed with care).
  for (const auto& era : sosei::kEras) {
    for (std::string_view prefix : {era.name, era.letter}) {
      if (!starts_with(s, prefix)) continue;
      auto rest = s.substr(prefix.size());
      if (rest == "元") return era.offset + 1;
      if (auto kanji = sosei::parse_kanji_numeral(rest)) return era.offset + *kanji;  // 令和七年度
      if (rest.size() > 2) return std::nullopt;
      auto n = parse_digits(rest);
      if (!n || *n < 1) return std::nullopt;
      return era.offset + *n;
    }
  }
  return std::nullopt;
}

std::optional<double> parse_stated_number(std::string_view text) {
  const std::string s = to_ascii_digits(text);
  std::vector<std::string> numbers;  // each ready for from_chars: "-130108e0"
  size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    std::string digits;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        digits += s[i++];
      } else if (s[i] == ',' && i + 3 < s.size() && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
                 (i + 4 >= s.size() || !is_digit(s[i + 4]))) {
        i += 1;  // a thousands separator: exactly three digits follow
      } else if (s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1]) && digits.find('.') == std::string::npos) {
        digits += s[i++];
      } else {
        break;
      }
    }
    int exponent = 0;
    std::string_view after = std::string_view(s).substr(i);
    if (starts_with(after, "万"))
      exponent = 4, i += std::string_view("万").size();
    else if (starts_with(after, "億"))
      exponent = 8, i += std::string_view("億").size();
    if (starts_with(std::string_view(s).substr(i), "年間")) continue;  // "5年間に…": the window
    numbers.push_back((minus_before(s, start) ? "-" : "") + digits + "e" + std::to_string(exponent));
  }
  if (numbers.size() != 1) return std::nullopt;
  double v = 0;
  const auto& n = numbers.front();
  auto [p, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
  if (ec != std::errc{} || p != n.data() + n.size()) return std::nullopt;
  return v;
}

}  // namespace sosei::config
