// A text file as UTF-8: BOM handling, UTF-8/CP932 detection and CP932 conversion, streamed through
// two fixed 64 KiB buffers (raw input and converted output).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "input/input_stream.hpp"

namespace sosei::input {

// Where the raw bytes of a text stream come from: a local file, or a member of a ZIP archive.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Fills `buffer` as far as the source allows; returns less than `capacity` only at the end.
  // Throws InputError.
  virtual std::size_t read(char* buffer, std::size_t capacity) = 0;
  // The name used in messages (the path, or "archive.zip[member]").
  virtual const std::string& name() const = 0;
};

std::unique_ptr<InputStream> open_text_file(const std::string& path, Encoding encoding);
// The same decoding over any byte source.
std::unique_ptr<InputStream> open_text_stream(std::unique_ptr<ByteSource> source, Encoding encoding);

}  // namespace sosei::input
