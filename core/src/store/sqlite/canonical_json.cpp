// A small hand-rolled writer for the canonical dimensions JSON (it runs once per stored row, so it
// avoids building JSON objects), and a reader through nlohmann::json.
#include "store/sqlite/canonical_json.hpp"

#include <nlohmann/json.hpp>

namespace sosei::store {
namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8 (RFC 3629).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

void append_string(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t n = utf8_sequence_length(s, i);
      if (n == 0) throw StoreError("dimension text is not valid UTF-8: " + std::string(s));
      out.append(s.data() + i, n);
      i += n;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out.push_back('"');
}

}  // namespace

void append_canonical_json(const Dimensions& dimensions, std::string& out) {
  // std::map orders std::string keys by unsigned bytes, i.e. by Unicode code point for UTF-8.
  out.push_back('{');
  bool first = true;
  for (const auto& [key, value] : dimensions) {
    if (!first) out.push_back(',');
    first = false;
    append_string(key, out);
    out.push_back(':');
    append_string(value, out);
  }
  out.push_back('}');
}

std::string canonical_json(const Dimensions& dimensions) {
  std::string out;
  append_canonical_json(dimensions, out);
  return out;
}

Dimensions parse_dimensions(std::string_view json) {
  Dimensions dimensions;
  try {
    auto object = nlohmann::json::parse(json);
    if (!object.is_object()) throw StoreError("not a JSON object");
    for (auto& [key, value] : object.items()) dimensions.emplace(key, value.get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    throw StoreError("stored dimensions are not a JSON object of strings: " + std::string(json) + " (" + e.what() +
                     ")");
  }
  return dimensions;
}

}  // namespace sosei::store
