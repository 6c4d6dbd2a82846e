// A local file read in chunks, with the errors a user can act on (missing, unreadable).
#include "input/file_source.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "input/input_stream.hpp"

namespace sosei::input {

FileSource::FileSource(const std::string& path) : path_(path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw FileOpenError(path + ": is a folder, not a file; set the path of the data file itself.", path, EISDIR);
  }
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    const int error = errno;
    throw FileOpenError(path + ": cannot open (" + std::strerror(error) +
                            "); check the path in the source configuration and that the file is readable.",
                        path, error);
  }
}

FileSource::~FileSource() {
  if (file_ != nullptr) std::fclose(file_);
}

std::size_t FileSource::read(char* buffer, std::size_t capacity) {
  std::size_t got = 0;
  while (got < capacity) {
    const std::size_t n = std::fread(buffer + got, 1, capacity - got, file_);
    got += n;
    if (n == 0) {
      if (std::ferror(file_)) {
        const int error = errno;
        throw InputError(path_ + ": read failed (" + std::strerror(error) +
                         "); check the disk or network share and run again.");
      }
      break;
    }
  }
  return got;
}

}  // namespace sosei::input
