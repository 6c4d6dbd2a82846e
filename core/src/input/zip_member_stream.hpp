// One member of a ZIP archive that is not an XLSX workbook (a zipped GTFS feed, a zipped CSV export)
// streamed as text, with the same encoding handling as a loose text file.
#pragma once

#include <memory>
#include <string>

#include "input/input_stream.hpp"

namespace sosei::input {

// Opens the member named `member` of the ZIP file at `path`: matched case-insensitively, first by its
// full name, then by its file name when exactly one member in a sub-folder has it (feeds zipped with
// their folder). The stream is named "path[member]". Throws InputError naming the members when
// `member` is empty or not in the archive.
std::unique_ptr<InputStream> open_zip_member(const std::string& path, const std::string& member, Encoding encoding);

}  // namespace sosei::input
