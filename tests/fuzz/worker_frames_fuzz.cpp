// Fuzz target: the parent's side of the worker pipe (frames the plugin's process sends), over
// arbitrary bytes — a crashed or hostile plugin can write anything there.
// Invariants: the reader and decoders give frames or throw ProtocolError — never a crash, never a read
// past a frame, never an allocation past the frame limit. Round trip: an observation or an end frame
// decoded, encoded and decoded again encodes to the same bytes.
#include <unistd.h>

#include <string>

#include "fuzz_target.hpp"
#include "worker/frame.hpp"
#include "worker/protocol.hpp"

namespace {

using namespace sosei::worker;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// The payload of a finished frame: after the length and the type.
FrameCursor cursor_of(std::string_view frame) { return FrameCursor(static_cast<uint8_t>(frame[4]), frame.substr(5)); }

void round_trip_observation(FrameCursor c) {
  sosei::Observation first;
  decode_observation(c, first);
  FrameBuilder b;
  encode_observation(b, first);
  const std::string once(b.finish());
  sosei::Observation second;
  FrameCursor again = cursor_of(once);
  decode_observation(again, second);
  encode_observation(b, second);
  check(std::string(b.finish()) == once);
}

void round_trip_end(FrameCursor c) {
  const EndFrame first = decode_end(c);
  FrameBuilder b;
  encode_end(b, first);
  const std::string once(b.finish());
  FrameCursor again = cursor_of(once);
  const EndFrame second = decode_end(again);
  check(second.status == first.status && second.error == first.error && second.fingerprint == first.fingerprint);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size > 60000) return 0;  // what one pipe buffer holds: written before reading, no thread needed
  int fds[2];
  if (pipe(fds) != 0) return 0;
  const bool written = write(fds[1], data, size) == static_cast<ssize_t>(size);
  close(fds[1]);
  if (written) {
    try {
      FrameReader reader;
      while (reader.read_from(fds[0])) {
        FrameCursor frame;
        while (reader.next(frame)) {
          try {
            if (frame.type() == kObservation) round_trip_observation(frame);
            if (frame.type() == kEnd) round_trip_end(frame);
            if (frame.type() == kRequest) decode_request(frame);
          } catch (const ProtocolError&) {
          }
        }
      }
    } catch (const ProtocolError&) {
    }
  }
  close(fds[0]);
  return 0;
}
