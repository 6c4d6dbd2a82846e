// Listing a zip's members from the end of its bytes: the end-of-central-directory record (the last
// 22..65,557 bytes) gives the central directory's size and offset; its entries give the names.
#include "feed_files.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>

namespace bus_ridership {
namespace {

// The central directory of a GTFS zip is a few kilobytes; this leaves room for thousands of members.
constexpr std::size_t kTail = std::size_t{1} << 20;

uint32_t le(std::string_view s, std::size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
  return v;
}

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view file_name(std::string_view entry) {
  const std::size_t slash = entry.find_last_of('/');
  return slash == std::string_view::npos ? entry : entry.substr(slash + 1);
}

bool is_mac_junk(std::string_view entry) {
  return entry.starts_with("__MACOSX/") || file_name(entry).starts_with("._");
}

}  // namespace

std::vector<std::string> zip_member_names(std::string_view tail, const std::string& name) {
  auto broken = [&](const std::string& why) {
    return sosei::PluginError(SOSEI_ERR_INPUT, name + ": ZIP ファイルとして読めません（" + why +
                                                   "）。ファイルが壊れていないか確かめてください");
  };
  if (tail.size() < 22) throw broken("ファイルが短すぎます");
  std::size_t eocd = std::string_view::npos;
  for (std::size_t at = tail.size() - 22;; --at) {
    if (tail.compare(at, 4, "PK\x05\x06") == 0) {
      eocd = at;
      break;
    }
    if (at == 0 || tail.size() - at > 22 + 0xFFFF) break;
  }
  if (eocd == std::string_view::npos) throw broken("ZIP の終端レコードがありません");
  const uint32_t entries = le(tail, eocd + 10, 2);
  const uint32_t size = le(tail, eocd + 12, 4);
  if (size > eocd) throw broken("ZIP の目次（セントラルディレクトリ）が大きすぎます");
  std::size_t at = eocd - size;
  std::vector<std::string> names;
  for (uint32_t i = 0; i < entries; ++i) {
    if (at + 46 > eocd || tail.compare(at, 4, "PK\x01\x02") != 0)
      throw broken("ZIP の目次（セントラルディレクトリ）の項目が壊れています");
    const uint32_t name_length = le(tail, at + 28, 2), extra = le(tail, at + 30, 2), comment = le(tail, at + 32, 2);
    if (at + 46 + name_length > eocd) throw broken("ZIP の目次（セントラルディレクトリ）の項目が壊れています");
    names.emplace_back(tail.substr(at + 46, name_length));
    at += 46 + name_length + extra + comment;
  }
  return names;
}

bool zip_has(const std::vector<std::string>& members, std::string_view file) {
  std::size_t by_file_name = 0;
  for (const auto& m : members) {
    if (m.empty() || m.back() == '/' || is_mac_junk(m)) continue;
    if (same_name(m, file)) return true;
    by_file_name += same_name(file_name(m), file);
  }
  return by_file_name == 1;
}

FeedFiles::FeedFiles(const sosei::Context& ctx, std::string path, bool zip) : path_(std::move(path)), zip_(zip) {
  if (!zip_) return;
  sosei::Input input = ctx.open_file(path_, "binary");
  // Streamed: only the last kTail bytes are kept.
  std::string tail;
  std::vector<char> chunk(1 << 16);
  for (std::size_t got; (got = input.read(chunk.data(), chunk.size())) > 0;) {
    tail.append(chunk.data(), got);
    if (tail.size() > 2 * kTail) tail.erase(0, tail.size() - kTail);
  }
  members_ = zip_member_names(tail, path_);
}

bool FeedFiles::has(std::string_view file) const {
  if (zip_) return zip_has(members_, file);
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path(path_) / file, ec);
}

}  // namespace bus_ridership
