// Small pure helpers for SpreadsheetML text: cell references, `_xHHHH_` escapes, part paths.
#include "input/xlsx_text.hpp"

#include <vector>

namespace sosei::input {
namespace {

constexpr int kMaxColumns = 16384;  // XFD

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  CellRef cell;
  std::size_t i = 0;
  int column = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  cell.column = column - 1;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || cell.row > 10'000'000) return std::nullopt;
    cell.row = cell.row * 10 + (ref[i] - '0');
  }
  return cell;
}

std::string decode_xstring(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned cp = 0;
      bool hex = true;
      for (std::size_t k = i + 2; k < i + 6 && hex; ++k) {
        const int v = hex_value(text[k]);
        hex = v >= 0;
        cp = cp * 16 + static_cast<unsigned>(v);
      }
      if (hex && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        append_utf8(out, cp);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string resolve_part(std::string_view base, std::string_view target) {
  std::string path = target.starts_with('/') ? std::string(target.substr(1)) : std::string(base) + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& part : parts) {
    if (!resolved.empty()) resolved += '/';
    resolved += part;
  }
  return resolved;
}

}  // namespace sosei::input
