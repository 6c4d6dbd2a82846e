// `sosei bundle import` at a hub: a city's signed bundle (bundle_export.hpp) checked whole, then
// applied — each of the city's runs replayed as one run of the hub's store for that city, then its
// sign-offs, resolved flags and commentary brought level (docs/hub.md, "City node → hub").
//
// Checked before anything is written: the file is complete (its signed end line is there), every line
// is what was signed (SHA-256), the signature is the city's registered key's, every line reads. The
// checked copy is what is applied, so the file cannot change in between.
//
// Ordered and idempotent: each replayed run carries the city's run id in its fingerprint
// ("bundle:<city run>:<the city's fingerprint>"), committed with the run, so the hub knows which of the
// city's runs it has even after an import that stopped half-way. A bundle that starts after a run the
// hub lacks is refused naming what is missing; one the hub already has changes nothing.
#pragma once

#include <cstdint>
#include <string>

#include "app/actor.hpp"
#include "common/clock.hpp"
#include "config/hub.hpp"

namespace sosei::app {

struct BundleImportRequest {
  const config::Hub& hub;
  std::string shared_database;  // --db, else the hub's database
  std::string file;
  Signer who;                    // who imports it, for the audit trail
  const Clock* clock = nullptr;  // the hub store's timestamps
};

enum class BundleOutcome { Applied, AlreadyThere };

struct BundleImportResult {
  BundleOutcome outcome = BundleOutcome::Applied;
  std::string city;
  std::string name;
  int64_t since_run = 0;
  int64_t through_run = 0;
  int64_t hub_had = 0;  // the city's newest run the hub had before
  int64_t runs = 0;     // runs replayed
  int64_t values = 0;   // values replayed
  std::string key_id;
};

// Throws BundleError (the file, its signature, its order: nothing was changed) or store::StoreError.
BundleImportResult import_bundle(const BundleImportRequest& request);

// The newest of the city's runs a hub store holds from bundles (0: none), read from the runs'
// fingerprints.
int64_t bundled_through(store::Store& store);

}  // namespace sosei::app
