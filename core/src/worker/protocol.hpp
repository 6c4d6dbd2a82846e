// What the parent and a `sosei worker` process say to each other over the pipes: the request that
// starts a run, the plugin's observations, rejections, progress and state, and the run's end.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/observation.hpp"
#include "host/http_fetch.hpp"
#include "host/settings.hpp"
#include "text/lang.hpp"
#include "worker/frame.hpp"

namespace sosei::worker {

// Bumped when a frame's layout changes: parent and worker are the same binary, but a daemon that
// was upgraded on disk while running could start a newer worker.
inline constexpr uint32_t kProtocolVersion = 3;  // 2: observations carry the core type; 3: the request's lang

enum FrameType : uint8_t {
  // parent → worker
  kRequest = 'Q',
  kStateValue = 'V',
  // worker → parent
  kObservation = 'O',
  kReject = 'R',
  kProgress = 'P',
  kStateGet = 'G',
  kStateSet = 'S',
  kEnd = 'E',
};

struct WorkerRequest {
  std::string plugin_file;
  std::string source_id;
  host::ResolvedSettings settings;
  host::FetchOptions fetch;
  uint64_t memory_limit_bytes = 0;  // 0: none
  // The city's language, in which the worker words the cut of a text too long to send whole
  // (text/bounded_text.hpp: a 20 MiB rejection reason would not fit a frame at all) and the host's
  // own failures, such as a download's (host/http_fetch.hpp).
  text::Lang lang = text::Lang::Ja;
};

void encode_request(FrameBuilder& b, const WorkerRequest& r);
WorkerRequest decode_request(FrameCursor& c);

// The worker converted the plugin's C observation already (host::RunContext::emit): frames carry the
// core's Observation, its dimensions in key order.
void encode_observation(FrameBuilder& b, const Observation& o);

// Decodes into `out`, reusing its memory (the parent's hot path allocates nothing once warmed up).
// Throws ProtocolError for a frame the encoder cannot have written.
void decode_observation(FrameCursor& c, Observation& out);

// How the plugin's run ended inside the worker.
enum class EndStatus : uint8_t { Succeeded = 0, Failed = 1, Unchanged = 2 };

struct EndFrame {
  EndStatus status = EndStatus::Failed;
  std::string error;
  std::string fingerprint;
};

void encode_end(FrameBuilder& b, const EndFrame& e);
EndFrame decode_end(FrameCursor& c);

}  // namespace sosei::worker
