// The lines of a city's bundle to its hub (docs/hub.md, "City node → hub"): one JSON object per line,
// UTF-8, in this order —
//   {"sosei_bundle": 1, "city": "402273", "since_run": 0, "through_run": 12, "created_at": "…"}
//   {"run": {id, source, plugin, plugin_version, started_at, finished_at, status, error, fingerprint,
//            accepted, rejected, inserted, revised, rejections: [{location, reason}]}}
//   {"put": {series, period, dimensions, value, flags, note, location}}     the run's values
//   {"flags": {series, period, dimensions, raised: [{rule, level, value, min, max, detail, location}]}}
//   … the next run, its values and flags …
//   {"resolved": {series, period, dimensions, rule, note, by, at}}          flags closed by a person
//   {"approval": {kpi, period, state, changed_at, changed_by}}              every period signed off
//   {"comment": {kpi, year, kind, version, text, entered_at, entered_by, department}}  every version
//   {"end": {"lines": N, "sha256": "…", "key": "…", "signature": "…"}}
// The end line's sha256 is over every byte before it; the signature is Ed25519 over
// "sosei-bundle-v1\n" + that sha256. Add keys, never rename them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "store/store.hpp"

namespace sosei::app::bundle {

constexpr int kVersion = 1;
// What is signed: the format's name, then the lines' SHA-256.
std::string signed_text(const std::string& sha256);

nlohmann::json key_json(const store::ObservationKey& key);
nlohmann::json value_json(const Value& v);
nlohmann::json run_json(const store::RunRecord& run);
nlohmann::json put_json(const store::ObservationKey& key, const store::ObservationData& data);
nlohmann::json raise_json(const store::FlagRaise& raise);
nlohmann::json approval_json(const store::Approval& a);
nlohmann::json comment_json(const store::Comment& c);

// Each throws std::invalid_argument naming what is wrong.
store::ObservationKey key_from(const nlohmann::json& j);
Value value_from(const nlohmann::json& j);
store::RunRecord run_from(const nlohmann::json& j);
store::ObservationData data_from(const nlohmann::json& j);
store::FlagRaise raise_from(const nlohmann::json& j);
store::Approval approval_from(const nlohmann::json& j);
store::Comment comment_from(const nlohmann::json& j);

}  // namespace sosei::app::bundle
