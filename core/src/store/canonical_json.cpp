// A small hand-rolled writer for the canonical dimensions JSON (it runs once per stored row, so it
// avoids building JSON objects), and a reader of any JSON object of strings: the store needs no JSON
// library for its one JSON column.
#include "store/canonical_json.hpp"

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

void append_utf8(uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Reads `{"key": "value", …}` (RFC 8259: any whitespace, every escape, surrogate pairs). What
// another writer could have stored is read; anything else is refused with the reason.
class DimensionsReader {
 public:
  explicit DimensionsReader(std::string_view text) : text_(text) {}

  Dimensions read() {
    Dimensions dimensions;
    expect('{');
    if (!consume('}')) {
      do {
        std::string key = string();
        expect(':');
        dimensions[std::move(key)] = string();  // a repeated key: the last one counts
      } while (consume(','));
      expect('}');
    }
    skip_whitespace();
    if (pos_ != text_.size()) fail("text after the object");
    return dimensions;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw StoreError("stored dimensions are not a JSON object of strings: " + std::string(text_) + " (" + why +
                     " at byte " + std::to_string(pos_) + ")");
  }
  void skip_whitespace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }
  bool consume(char c) {
    skip_whitespace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!consume(c)) fail(std::string("expected '") + c + "'");
  }
  uint32_t hex4() {
    if (pos_ + 4 > text_.size()) fail("truncated \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<uint32_t>(c - 'A' + 10);
      else
        fail("bad \\u escape");
    }
    return v;
  }
  uint32_t escaped_code_point() {
    const uint32_t first = hex4();
    if (first >= 0xDC00 && first <= 0xDFFF) fail("lone low surrogate");
    if (first < 0xD800 || first > 0xDBFF) return first;
    if (pos_ + 2 > text_.size() || text_[pos_] != '\\' || text_[pos_ + 1] != 'u') fail("lone high surrogate");
    pos_ += 2;
    const uint32_t second = hex4();
    if (second < 0xDC00 || second > 0xDFFF) fail("lone high surrogate");
    return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
  }
  std::string string() {
    expect('"');
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail("unterminated string");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c < 0x20) fail("control character in a string");
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence_length(text_, pos_);
        if (n == 0) fail("invalid UTF-8");
        out.append(text_.data() + pos_, n);
        pos_ += n;
        continue;
      }
      ++pos_;
      if (c != '\\') {
        out.push_back(static_cast<char>(c));
        continue;
      }
      if (pos_ >= text_.size()) fail("unterminated string");
      switch (text_[pos_++]) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u':
          append_utf8(escaped_code_point(), out);
          break;
        default:
          --pos_;
          fail("unknown escape");
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

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

Dimensions parse_dimensions(std::string_view json) { return DimensionsReader(json).read(); }

}  // namespace sosei::store
