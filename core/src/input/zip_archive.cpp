// Read-only access to ZIP entries through minizip's unzip API.
#include "input/zip_archive.hpp"

#include <minizip/unzip.h>

#include <cstdio>
#include <cstring>
#include <limits>
#include <utility>

#include "input/input_stream.hpp"

namespace sosei::input {
namespace {

constexpr int kCaseInsensitive = 2;  // unzLocateFile's iCaseSensitivity

}  // namespace

ZipArchive::ZipArchive(const std::string& path, std::string display) : display_(std::move(display)) {
  zip_ = unzOpen64(path.c_str());
  if (zip_ == nullptr) {
    throw InputError(display_ +
                     ": looks like a ZIP/XLSX file but cannot be opened as one (it is "
                     "damaged or cut off). Open it in Excel and save it again, or copy or "
                     "download it again.");
  }
}

ZipArchive::~ZipArchive() {
  if (entry_open_) unzCloseCurrentFile(zip_);
  unzClose(zip_);
}

void ZipArchive::fail(const std::string& what) const {
  throw InputError(display_ + ": " + what +
                   " Open it in Excel and save it again, or copy or "
                   "download it again.");
}

bool ZipArchive::contains(const std::string& entry) {
  close_entry();
  return unzLocateFile(zip_, entry.c_str(), kCaseInsensitive) == UNZ_OK;
}

std::vector<std::string> ZipArchive::entries() {
  close_entry();
  std::vector<std::string> names;
  for (int status = unzGoToFirstFile(zip_); status == UNZ_OK; status = unzGoToNextFile(zip_)) {
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) break;
    std::string name(info.size_filename, '\0');
    if (unzGetCurrentFileInfo64(zip_, &info, name.data(), static_cast<uLong>(name.size()), nullptr, 0, nullptr, 0) !=
        UNZ_OK) {
      break;
    }
    names.push_back(std::move(name));
  }
  return names;
}

void ZipArchive::open_entry(const std::string& entry) {
  close_entry();
  entry_ = entry;
  if (unzLocateFile(zip_, entry.c_str(), kCaseInsensitive) != UNZ_OK) {
    fail("the workbook part " + entry + " is missing (the XLSX file is damaged or incomplete).");
  }
  const int status = unzOpenCurrentFile(zip_);
  if (status == UNZ_PARAMERROR || status == UNZ_BADZIPFILE) {
    fail("the workbook part " + entry + " cannot be read (unsupported compression or damaged).");
  }
  if (status != UNZ_OK) fail("the workbook part " + entry + " cannot be read (damaged file).");
  entry_open_ = true;
}

std::size_t ZipArchive::read_entry(char* buffer, std::size_t capacity) {
  if (!entry_open_) return 0;
  const auto want = static_cast<unsigned>(std::min<std::size_t>(capacity, std::numeric_limits<int>::max()));
  const int got = unzReadCurrentFile(zip_, buffer, want);
  if (got < 0) fail("the workbook part " + entry_ + " is damaged (decompression failed).");
  if (got == 0) close_entry();
  return static_cast<std::size_t>(got);
}

void ZipArchive::close_entry() {
  if (!entry_open_) return;
  entry_open_ = false;
  if (unzCloseCurrentFile(zip_) == UNZ_CRCERROR) {
    fail("the workbook part " + entry_ + " is damaged (checksum mismatch).");
  }
}

bool has_zip_signature(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return false;  // the text reader reports why
  char magic[4] = {};
  const std::size_t got = std::fread(magic, 1, sizeof magic, file);
  std::fclose(file);
  return got == 4 && (std::memcmp(magic, "PK\x03\x04", 4) == 0 || std::memcmp(magic, "PK\x05\x06", 4) == 0);
}

}  // namespace sosei::input
