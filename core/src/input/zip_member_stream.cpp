// A ZIP member as a text stream: the archive is a ByteSource under the text decoder.
#include "input/zip_member_stream.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "input/text_stream.hpp"
#include "input/zip_archive.hpp"

namespace sosei::input {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view file_name(std::string_view entry) {
  const std::size_t slash = entry.find_last_of('/');
  return slash == std::string_view::npos ? entry : entry.substr(slash + 1);
}

std::string member_list(const std::vector<std::string>& entries) {
  std::string list;
  for (const auto& e : entries) {
    if (e.empty() || e.back() == '/') continue;  // folders
    list.append(list.empty() ? "" : ", ").append(e);
  }
  return list.empty() ? "none" : list;
}

// The stored name of the member to read, or "" when there is none (or more than one by file name).
std::string find_member(const std::vector<std::string>& entries, const std::string& member) {
  for (const auto& e : entries)
    if (same_name(e, member)) return e;
  std::string found;
  for (const auto& e : entries) {
    if (!same_name(file_name(e), member)) continue;
    if (!found.empty()) return "";
    found = e;
  }
  return found;
}

class ZipMemberSource final : public ByteSource {
 public:
  ZipMemberSource(const std::string& path, const std::string& member)
      : zip_(path, path), name_(path + "[" + member + "]") {
    const std::vector<std::string> entries = zip_.entries();
    if (member.empty()) {
      throw InputError(path +
                       ": is a ZIP archive, not an Excel workbook; name the member to read (the "
                       "sheet argument, e.g. trips.txt). Members: " +
                       member_list(entries) + ".");
    }
    const std::string stored = find_member(entries, member);
    if (stored.empty()) {
      throw InputError(path + ": has no member " + member + " (or more than one in sub-folders); members: " +
                       member_list(entries) + ". Check the file name, or that this is the right archive.");
    }
    name_ = path + "[" + stored + "]";
    zip_.open_entry(stored);
  }

  std::size_t read(char* buffer, std::size_t capacity) override {
    std::size_t got = 0;
    while (got < capacity) {
      const std::size_t n = zip_.read_entry(buffer + got, capacity - got);
      if (n == 0) break;
      got += n;
    }
    return got;
  }

  const std::string& name() const override { return name_; }

 private:
  ZipArchive zip_;
  std::string name_;
};

}  // namespace

std::unique_ptr<InputStream> open_zip_member(const std::string& path, const std::string& member, Encoding encoding) {
  return open_text_stream(std::make_unique<ZipMemberSource>(path, member), encoding);
}

}  // namespace sosei::input
