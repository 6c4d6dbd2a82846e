// Fixture files of the bus_ridership tests: a fresh folder per test under the build tree, files from
// text, and the committed conformance feeds. Files stay on disk: the plugin looks at folders
// (feed_dir, a folder as `file`), so the fake host reads them from there too.
#pragma once

#include <filesystem>
#include <string>

namespace bus_ridership::test {

// An empty folder under the build tree named after the running test.
std::filesystem::path fixture_dir();
std::string write_file(const std::filesystem::path& path, const std::string& bytes);
std::filesystem::path conformance(const std::string& relative);

}  // namespace bus_ridership::test
