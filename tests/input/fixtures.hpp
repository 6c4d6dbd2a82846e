// Helpers of the input tests: a fresh fixture folder per test, files from bytes, CP932 text
// (support/cp932.hpp), and reading a whole stream in chunks of a chosen size.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "input/input_stream.hpp"
#include "support/cp932.hpp"

namespace sosei::input::test {

// An empty folder under the build tree named after the running test.
std::filesystem::path fixture_dir();
std::string write_file(const std::filesystem::path& path, const std::string& bytes);
// The UTF-8 text converted to CP932 (fails the test when iconv cannot).
using test_support::to_cp932;
// Reads the stream to its end with a caller buffer of `chunk` bytes.
std::string read_all(InputStream& stream, std::size_t chunk = 4096);
std::string read_file(const std::string& path, Encoding encoding, const std::string& sheet = "",
                      std::size_t chunk = 4096);
// The message of the InputError that `open_file` + reading throws, or "" when none is thrown.
std::string error_of(const std::string& path, Encoding encoding, const std::string& sheet = "");
// Writes a ZIP with the given (name, content) entries through minizip.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace sosei::input::test
