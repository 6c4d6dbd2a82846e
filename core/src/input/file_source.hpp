// A local file read in chunks, with the errors a user can act on (missing, unreadable).
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace sosei::input {

class FileSource {
 public:
  explicit FileSource(const std::string& path);  // throws InputError
  ~FileSource();
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  // Fills `buffer` as far as the file allows; returns less than `capacity` only at the end.
  std::size_t read(char* buffer, std::size_t capacity);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

}  // namespace sosei::input
