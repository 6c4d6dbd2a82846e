// open_file: chooses between the XLSX sheet reader and the text reader, and names the encodings.
#include "input/input_stream.hpp"

#include <algorithm>
#include <cctype>

#include "input/text_stream.hpp"
#include "input/xlsx_sheet_stream.hpp"
#include "input/zip_archive.hpp"

namespace sosei::input {

std::optional<Encoding> encoding_from(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.empty() || lower == "auto") return Encoding::Auto;
  if (lower == "utf-8" || lower == "utf8") return Encoding::Utf8;
  if (lower == "cp932" || lower == "shift_jis" || lower == "sjis" || lower == "shift-jis" ||
      lower == "windows-31j") {
    return Encoding::Cp932;
  }
  if (lower == "binary") return Encoding::Binary;
  return std::nullopt;
}

std::unique_ptr<InputStream> open_file(const std::string& path, Encoding encoding, const std::string& sheet) {
  if (encoding != Encoding::Binary && has_zip_signature(path)) {
    {
      ZipArchive zip(path, path);
      if (!zip.contains("xl/workbook.xml")) {
        throw InputError(path + ": is a ZIP file but not an Excel workbook (no xl/workbook.xml); "
                                "sosei reads .xlsx, .csv and .tsv files. Save it from Excel as .xlsx "
                                "or export it as CSV.");
      }
    }
    return open_xlsx_sheet(path, sheet);
  }
  return open_text_file(path, encoding);
}

}  // namespace sosei::input
