// Replays inputs through a fuzz target without libFuzzer (fuzz_target.hpp): each argument is a file
// or a folder of files (read in name order). Fails when it was given no input at all, so that a
// missing corpus is a failed test, not a silent pass; a crash or a sanitizer report fails it anyway.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "fuzz_target.hpp"

namespace {

std::vector<std::filesystem::path> inputs_in(const std::filesystem::path& p) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(p)) {
    for (const auto& e : std::filesystem::directory_iterator(p))
      if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
  } else if (std::filesystem::is_regular_file(p)) {
    files.push_back(p);
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t replayed = 0;
  for (int i = 1; i < argc; ++i)
    for (const auto& file : inputs_in(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  std::cout << "replayed " << replayed << " input(s)\n";
  if (replayed == 0) {
    std::cerr << "replay: no input found in the given paths\n";
    return 1;
  }
  return 0;
}
