// open_file: chooses between the XLSX sheet reader, a ZIP member and the text reader, and names the
// encodings.
#include "input/input_stream.hpp"

#include <algorithm>
#include <cctype>

#include "input/text_stream.hpp"
#include "input/xlsx_sheet_stream.hpp"
#include "input/zip_archive.hpp"
#include "input/zip_member_stream.hpp"

namespace sosei::input {

std::optional<Encoding> encoding_from(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.empty() || lower == "auto") return Encoding::Auto;
  if (lower == "utf-8" || lower == "utf8") return Encoding::Utf8;
  if (lower == "cp932" || lower == "shift_jis" || lower == "sjis" || lower == "shift-jis" || lower == "windows-31j") {
    return Encoding::Cp932;
  }
  if (lower == "binary") return Encoding::Binary;
  return std::nullopt;
}

std::unique_ptr<InputStream> open_file(const std::string& path, Encoding encoding, const std::string& sheet) {
  if (encoding != Encoding::Binary && has_zip_signature(path)) {
    bool workbook = false;
    {
      ZipArchive zip(path, path);
      workbook = zip.contains("xl/workbook.xml");
    }
    // Any other ZIP (a GTFS feed, a zipped export): `sheet` names the member to read as text.
    return workbook ? open_xlsx_sheet(path, sheet) : open_zip_member(path, sheet, encoding);
  }
  return open_text_file(path, encoding);
}

}  // namespace sosei::input
