// Encoding and decoding of the worker protocol's frames (layouts documented in protocol.hpp).
#include "worker/protocol.hpp"

namespace sosei::worker {

void encode_request(FrameBuilder& b, const WorkerRequest& r) {
  b.start(kRequest);
  b.u32(kProtocolVersion);
  b.str(r.plugin_file);
  b.str(r.source_id);
  b.u32(static_cast<uint32_t>(r.settings.size()));
  for (const auto& [k, v] : r.settings) {
    b.str(k);
    b.str(v);
  }
  b.u64(static_cast<uint64_t>(r.fetch.connect_timeout_ms));
  b.u64(static_cast<uint64_t>(r.fetch.timeout_ms));
  b.u64(static_cast<uint64_t>(r.fetch.low_speed_seconds));
  b.i32(r.fetch.attempts);
  b.u64(static_cast<uint64_t>(r.fetch.backoff_ms));
  b.u64(r.fetch.max_bytes);
  b.u8(r.fetch.verify_tls ? 1 : 0);
  b.u64(r.memory_limit_bytes);
  b.u8(r.lang == text::Lang::En ? 1 : 0);
}

WorkerRequest decode_request(FrameCursor& c) {
  if (c.type() != kRequest) throw ProtocolError("the worker expected a request frame first");
  const uint32_t version = c.u32();
  if (version != kProtocolVersion)
    throw ProtocolError("the parent speaks worker protocol " + std::to_string(version) + ", this worker " +
                        std::to_string(kProtocolVersion) + ": restart the daemon after an upgrade");
  WorkerRequest r;
  r.plugin_file = c.str();
  r.source_id = c.str();
  const uint32_t n = c.u32();
  for (uint32_t i = 0; i < n; ++i) {
    std::string k(c.str());
    r.settings[k] = std::string(c.str());
  }
  r.fetch.connect_timeout_ms = static_cast<long>(c.u64());
  r.fetch.timeout_ms = static_cast<long>(c.u64());
  r.fetch.low_speed_seconds = static_cast<long>(c.u64());
  r.fetch.attempts = c.i32();
  r.fetch.backoff_ms = static_cast<long>(c.u64());
  r.fetch.max_bytes = c.u64();
  r.fetch.verify_tls = c.u8() != 0;
  r.memory_limit_bytes = c.u64();
  r.lang = c.u8() == 1 ? text::Lang::En : text::Lang::Ja;
  return r;
}

void encode_observation(FrameBuilder& b, const Observation& o) {
  b.start(kObservation);
  b.u32(o.flags);
  b.str(o.series);
  b.i32(static_cast<int32_t>(o.period.kind));
  b.i32(o.period.year);
  b.i32(o.period.month);
  b.i32(o.period.day);
  b.i32(static_cast<int32_t>(o.value.kind));
  b.f64(o.value.number);
  b.str(o.note);
  b.str(o.location);
  b.u32(static_cast<uint32_t>(o.dimensions.size()));
  for (const auto& [key, value] : o.dimensions) {
    b.str(key);
    b.str(value);
  }
}

void decode_observation(FrameCursor& c, Observation& o) {
  o.flags = c.u32();
  o.series.assign(c.str());
  o.period.kind = static_cast<PeriodKind>(c.i32());
  o.period.year = c.i32();
  o.period.month = c.i32();
  o.period.day = c.i32();
  o.value.kind = static_cast<ValueKind>(c.i32());
  o.value.number = c.f64();
  o.note.assign(c.str());
  o.location.assign(c.str());
  const uint32_t n = c.u32();
  // Observations of one run usually name the same keys: then only the values are assigned, and no
  // node or string is allocated. Otherwise the pairs are read again from here.
  const FrameCursor pairs = c;
  bool same_keys = !o.dimensions.empty() && o.dimensions.size() == n;
  for (auto it = o.dimensions.begin(); same_keys && it != o.dimensions.end(); ++it) {
    if (c.str() != it->first)
      same_keys = false;
    else
      it->second.assign(c.str());
  }
  if (!same_keys) {
    c = pairs;
    o.dimensions.clear();
    for (uint32_t i = 0; i < n; ++i) {
      const std::string_view key = c.str();
      if (!o.dimensions.empty() && key <= o.dimensions.rbegin()->first)
        throw ProtocolError("an observation frame's dimensions are not in key order");
      o.dimensions.emplace_hint(o.dimensions.end(), key, c.str());
    }
  }
  if (!c.done()) throw ProtocolError("an observation frame has trailing bytes");
}

void encode_end(FrameBuilder& b, const EndFrame& e) {
  b.start(kEnd);
  b.u8(static_cast<uint8_t>(e.status));
  b.str(e.error);
  b.str(e.fingerprint);
}

EndFrame decode_end(FrameCursor& c) {
  EndFrame e;
  const uint8_t s = c.u8();
  if (s > 2) throw ProtocolError("the worker ended with an unknown status " + std::to_string(s));
  e.status = static_cast<EndStatus>(s);
  e.error = c.str();
  e.fingerprint = c.str();
  return e;
}

}  // namespace sosei::worker
