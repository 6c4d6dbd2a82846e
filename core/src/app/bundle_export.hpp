// `sosei bundle export`: a city's runs since a given one, with everything they wrote, and its sign-offs
// and commentary, as one signed file to carry to its hub (docs/hub.md, "City node → hub"; the lines in
// bundle_lines.hpp). Streamed: the values go from the store's cursor to the file, hashed as they pass.
#pragma once

#include <cstdint>
#include <string>

#include "app/environment.hpp"
#include "store/store.hpp"

namespace sosei::app {

struct BundleExportRequest {
  std::string file;       // written whole through FILE.part, renamed when signed
  std::string key_file;   // the city's private key (`sosei bundle keygen`)
  int64_t since_run = 0;  // the runs after this one; 0: all
};

struct BundleExportResult {
  std::string city;
  int64_t since_run = 0;
  int64_t through_run = 0;  // the newest run in the bundle, or since_run when there is none
  int64_t runs = 0;
  int64_t values = 0;
  std::string key_id;
};

// Throws BundleError: no city_code in the strategy, a key that cannot sign, a file that cannot be
// written (nothing is left at `file` then).
BundleExportResult export_bundle(const Environment& env, store::Store& store, const BundleExportRequest& request);

}  // namespace sosei::app
