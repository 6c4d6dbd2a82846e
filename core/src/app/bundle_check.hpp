// The first pass of `sosei bundle import`: reads a bundle once, copying it aside, and says whether it
// may be applied — complete, unchanged since it was signed, signed by the key the hub registered for
// its city, every line readable (bundle_import.hpp applies the copy).
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "config/hub.hpp"

namespace sosei::app {

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

struct CheckedBundle {
  const config::HubCity* city = nullptr;
  int64_t since_run = 0;
  int64_t through_run = 0;
  std::string created_at;  // when the city wrote it (ISO 8601 UTC): which of two bundles is newer
  std::string key_id;
  // The lines as checked, before the end line, in an unnamed temporary file at its start.
  std::unique_ptr<std::FILE, FileClose> lines;
};

// Throws BundleError: unreadable, truncated, unsigned, tampered, a line that is not a bundle line, a
// city the hub does not have or has no key for, a signature that is not that key's.
CheckedBundle check_bundle(const config::Hub& hub, const std::string& file);

}  // namespace sosei::app
