// Encoding and decoding of the worker protocol's frames (layouts documented in protocol.hpp).
#include "worker/protocol.hpp"

namespace sosei::worker {
namespace {

std::string_view view(const sosei_str& s) { return s.data ? std::string_view(s.data, s.size) : std::string_view(); }
sosei_str to_sosei(std::string_view s) { return sosei_str{s.data(), s.size()}; }

}  // namespace

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
  return r;
}

void encode_observation(FrameBuilder& b, const sosei_observation& o) {
  b.start(kObservation);
  b.u32(o.flags);
  b.str(view(o.series));
  b.i32(o.period.kind);
  b.i32(o.period.year);
  b.i32(o.period.month);
  b.i32(o.period.day);
  b.i32(o.value_kind);
  b.f64(o.number);
  b.str(view(o.note));
  b.str(view(o.file));
  b.u64(o.line);
  const uint32_t n = o.dimensions ? o.dimension_count : 0;
  b.u32(n);
  for (uint32_t i = 0; i < n; ++i) {
    b.str(view(o.dimensions[i].key));
    b.str(view(o.dimensions[i].value));
  }
}

void decode_observation(FrameCursor& c, sosei_observation& o, std::vector<sosei_dimension>& dimensions) {
  o = sosei_observation{};
  o.struct_size = sizeof(sosei_observation);
  o.flags = c.u32();
  o.series = to_sosei(c.str());
  o.period.kind = c.i32();
  o.period.year = c.i32();
  o.period.month = c.i32();
  o.period.day = c.i32();
  o.value_kind = c.i32();
  o.number = c.f64();
  o.note = to_sosei(c.str());
  o.file = to_sosei(c.str());
  o.line = c.u64();
  const uint32_t n = c.u32();
  dimensions.clear();
  for (uint32_t i = 0; i < n; ++i) {
    sosei_dimension d;
    d.key = to_sosei(c.str());
    d.value = to_sosei(c.str());
    dimensions.push_back(d);
  }
  o.dimensions = dimensions.empty() ? nullptr : dimensions.data();
  o.dimension_count = n;
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
