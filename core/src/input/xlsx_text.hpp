// Small pure helpers for SpreadsheetML text: cell references, `_xHHHH_` escapes, part paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sosei::input {

struct CellRef {
  int column = 0;  // 0-based: A = 0
  long row = 0;    // 1-based; 0 when the reference has no row part
};
// "C5" → {2, 5}; nullopt when it is not a reference (or beyond column XFD).
std::optional<CellRef> parse_cell_ref(std::string_view ref);

// Decodes the ST_Xstring escapes Excel writes for control characters ("_x000D_" → CR).
std::string decode_xstring(std::string_view text);

// A relationship Target relative to the folder `base` ("xl/") or absolute ("/xl/…"), as a ZIP
// entry name with "." and ".." resolved.
std::string resolve_part(std::string_view base, std::string_view target);

}  // namespace sosei::input
