// A text file as UTF-8: BOM handling, UTF-8/CP932 detection and CP932 conversion, streamed through
// two fixed 64 KiB buffers (raw input and converted output).
#pragma once

#include <memory>
#include <string>

#include "input/input_stream.hpp"

namespace sosei::input {

std::unique_ptr<InputStream> open_text_file(const std::string& path, Encoding encoding);

}  // namespace sosei::input
