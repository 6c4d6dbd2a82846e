// Which files a GTFS-ride fileset holds, before opening any: a folder is asked directly, a zip's
// central directory is read from the host's raw byte stream (the SDK cannot list members, and a failed
// open_file fails the run). Sub-folders and macOS __MACOSX/ and ._* entries are handled as the host does.
#pragma once

#include <sosei/plugin.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace bus_ridership {

// The member names of a ZIP archive from its bytes' tail (end-of-central-directory record and the
// central directory). Throws PluginError naming `name` when the tail is not a readable ZIP directory.
std::vector<std::string> zip_member_names(std::string_view tail, const std::string& name);

// True when `file` (e.g. "ridership.txt") is among `members` as the host would open it: by its full
// name, or by file name in exactly one sub-folder; __MACOSX/ entries and ._* AppleDouble files never
// count.
bool zip_has(const std::vector<std::string>& members, std::string_view file);

class FeedFiles {
 public:
  // `path`: a folder, or a zip (its members listed through ctx, streamed, keeping only the tail).
  FeedFiles(const sosei::Context& ctx, std::string path, bool zip);
  bool has(std::string_view file) const;
  const std::string& path() const { return path_; }
  bool zip() const { return zip_; }

 private:
  std::string path_;
  bool zip_ = false;
  std::vector<std::string> members_;
};

}  // namespace bus_ridership
