// The core's input concern: open a local file (CSV/TSV text in UTF-8 or CP932, or an XLSX sheet) as
// a pull stream of UTF-8 bytes, which the host hands to plugins through sosei_host_api.open_file/read.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

struct XXH3_state_s;  // xxhash's hashing state, kept out of this header

namespace sosei::input {

// A file cannot be read. The message names the file, says what is wrong and what to do about it.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file that cannot be opened: its path and the system's reason (errno), so that the host words it in
// the run's language (a Japanese run said "cannot open (No such file or directory)").
class FileOpenError : public InputError {
 public:
  FileOpenError(const std::string& message, std::string path, int errnum)
      : InputError(message), path_(std::move(path)), errnum_(errnum) {}
  const std::string& path() const { return path_; }
  int errnum() const { return errnum_; }

 private:
  std::string path_;
  int errnum_;
};

// A pull stream of UTF-8 bytes (raw bytes for Encoding::Binary).
class InputStream {
 public:
  virtual ~InputStream() = default;
  // Copies up to `capacity` bytes into `buffer`; 0 only at the end (or when capacity is 0).
  // Throws InputError.
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
  // Display name for messages: the path as given, or "path[Sheet]" for an XLSX sheet.
  virtual const std::string& name() const = 0;
};

enum class Encoding {
  Auto,   // skip a UTF-8 BOM; UTF-8 when the text looks like UTF-8, else CP932 (see open_file)
  Utf8,   // strip a BOM, pass the rest as it is
  Cp932,  // Shift_JIS with the NEC/IBM extensions (Windows "ANSI" in Japan), converted to UTF-8
  Binary  // bytes as they are, no XLSX conversion either
};

// "auto", "utf-8"/"utf8", "cp932"/"shift_jis"/"sjis", "binary" (ASCII case-insensitive; "" = auto).
std::optional<Encoding> encoding_from(std::string_view name);

// Opens `path` for streaming.
//  - An XLSX workbook (recognised by content: ZIP signature + xl/workbook.xml, not by extension)
//    streams the sheet named `sheet` (empty: the first sheet) as CSV text: comma separated, LF line
//    ends, fields quoted when they contain a comma, quote, CR or LF; rows without values are left
//    out as empty lines (a line is the sheet's row), a missing cell inside a row is an empty field,
//    rows are padded to the sheet's declared width, or without one to the widest row so far; numbers as written in the
//    file, booleans TRUE/FALSE, error cells as their text (#N/A). `encoding` is ignored for XLSX except Binary, which
//    always gives the raw bytes.
//  - Any other ZIP archive (a zipped GTFS feed): `sheet` names the member (e.g. "trips.txt"), streamed
//    as text like a loose file (see open_zip_member); an empty or unknown member is an InputError
//    listing the members. Binary gives the raw bytes of the archive itself.
//  - Other files: see Encoding. Auto decides at the first non-ASCII byte (ASCII is the same in both
//    encodings) by checking the next 64 KiB for valid UTF-8; once UTF-8 is chosen, a later invalid
//    sequence is an InputError that suggests `encoding: cp932`.
// Memory: text files use two 64 KiB buffers; an XLSX sheet keeps the workbook's shared string table
// in memory (bounded, see xlsx_workbook.hpp) plus fixed buffers.
std::unique_ptr<InputStream> open_file(const std::string& path, Encoding encoding, const std::string& sheet);

// Wraps a stream and computes the XXH3-128 fingerprint of the bytes that went through it, so a run
// can record exactly which input it read.
class FingerprintingStream : public InputStream {
 public:
  explicit FingerprintingStream(std::unique_ptr<InputStream> inner);
  ~FingerprintingStream() override;
  std::size_t read(char* buffer, std::size_t capacity) override;
  const std::string& name() const override { return inner_->name(); }
  // 32 lower-case hex digits of the bytes read so far (the whole input once read() returned 0).
  std::string fingerprint() const;

 private:
  struct StateDeleter {
    void operator()(XXH3_state_s* state) const;
  };
  std::unique_ptr<InputStream> inner_;
  std::unique_ptr<XXH3_state_s, StateDeleter> state_;
};

}  // namespace sosei::input
