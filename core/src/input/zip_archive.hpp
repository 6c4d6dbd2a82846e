// Read-only access to the entries of a ZIP file (an XLSX package, a GTFS feed) through minizip, one
// entry open at a time, read in chunks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sosei::input {

class ZipArchive {
 public:
  // `display` names the file in messages. Throws InputError when the file is not a readable ZIP.
  ZipArchive(const std::string& path, std::string display);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Part names compare case-insensitively, as in OPC.
  bool contains(const std::string& entry);
  // The names of all entries (folders included, as they are stored), in archive order.
  std::vector<std::string> entries();
  // Opens `entry` for read_entry(), closing any entry still open. Throws InputError when missing.
  void open_entry(const std::string& entry);
  // Reads the open entry; 0 at its end, where the CRC is checked.
  std::size_t read_entry(char* buffer, std::size_t capacity);

  const std::string& display() const { return display_; }

 private:
  void close_entry();
  [[noreturn]] void fail(const std::string& what) const;

  std::string display_;
  std::string entry_;
  void* zip_ = nullptr;  // unzFile
  bool entry_open_ = false;
};

// True when the file starts with a ZIP local-header or empty-archive signature.
bool has_zip_signature(const std::string& path);

}  // namespace sosei::input
