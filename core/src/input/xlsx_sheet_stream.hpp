// One worksheet of an XLSX workbook streamed as CSV text (see open_file for the format).
#pragma once

#include <memory>
#include <string>

#include "input/input_stream.hpp"

namespace sosei::input {

// Opens the sheet named `sheet` (empty: the first) of the XLSX file at `path`. Throws InputError.
// Memory: the shared string table, a 64 KiB chunk of worksheet XML, about 64 KiB of pending CSV
// (the parser is suspended once that much is waiting) plus one cell's text (at most kMaxCellBytes).
std::unique_ptr<InputStream> open_xlsx_sheet(const std::string& path, const std::string& sheet);

}  // namespace sosei::input
