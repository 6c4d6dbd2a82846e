// The worker pipe's frames: round trips, batching, and refusal of truncated or oversized frames.
#include <gtest/gtest.h>
#include <unistd.h>

#include "worker/protocol.hpp"

using namespace sosei::worker;

namespace {

struct PipeFds {
  int r = -1, w = -1;
  PipeFds() {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    r = fds[0];
    w = fds[1];
  }
  ~PipeFds() {
    if (r >= 0) ::close(r);
    if (w >= 0) ::close(w);
  }
};

}  // namespace

TEST(WorkerFrames, ObservationRoundTripKeepsEveryField) {
  sosei::Observation o;
  o.flags = 1;
  o.series = "city_bus_riders";
  o.period = sosei::Period::date_of(2025, 4, 1);
  o.dimensions = {{"route", "1系統"}, {"stop", "鎌田駅"}};
  o.value = sosei::Value::of(1234.5);
  o.note = "速報値";
  o.location = "board_alight.txt:42";
  FrameBuilder b;
  encode_observation(b, o);
  const std::string frame(b.finish());

  FrameReader reader;
  PipeFds p;
  ASSERT_EQ(::write(p.w, frame.data(), frame.size()), static_cast<ssize_t>(frame.size()));
  ASSERT_TRUE(reader.read_from(p.r));
  FrameCursor c;
  ASSERT_TRUE(reader.next(c));
  EXPECT_EQ(c.type(), kObservation);
  sosei::Observation back;
  decode_observation(c, back);
  EXPECT_EQ(back.flags, 1u);
  EXPECT_EQ(back.series, "city_bus_riders");
  EXPECT_EQ(back.period, o.period);
  EXPECT_EQ(back.value, o.value);
  EXPECT_EQ(back.note, "速報値");
  EXPECT_EQ(back.location, "board_alight.txt:42");
  EXPECT_EQ(back.dimensions, o.dimensions);
  EXPECT_FALSE(reader.next(c));
}

// The parent decodes every frame into one Observation: other keys, fewer keys or none replace what
// the previous frame left.
TEST(WorkerFrames, DecodingReusesTheObservation) {
  sosei::Observation back;
  auto round_trip = [&](sosei::Dimensions dimensions) {
    sosei::Observation o;
    o.series = "s";
    o.dimensions = std::move(dimensions);
    FrameBuilder b;
    encode_observation(b, o);
    const std::string frame(b.finish());
    FrameCursor c(kObservation, std::string_view(frame).substr(5));
    decode_observation(c, back);
    EXPECT_EQ(back.dimensions, o.dimensions);
  };
  round_trip({{"route", "a"}, {"stop", "b"}});
  round_trip({{"route", "c"}, {"stop", "d"}});
  round_trip({{"route", "e"}, {"spot", "f"}});
  round_trip({{"route", "g"}});
  round_trip({});
}

TEST(WorkerFrames, DimensionsOutOfOrderAreAProtocolError) {
  FrameBuilder b;
  b.start(kObservation);
  b.u32(0);
  b.str("s");
  for (int i = 0; i < 5; ++i) b.i32(0);
  b.f64(0);
  b.str("");
  b.str("");
  b.u32(2);
  for (const char* text : {"route", "a", "route", "b"}) b.str(text);
  const std::string frame(b.finish());
  FrameCursor c(kObservation, std::string_view(frame).substr(5));
  sosei::Observation o;
  EXPECT_THROW(decode_observation(c, o), ProtocolError);
}

TEST(WorkerFrames, ManyFramesArriveWhateverTheChunking) {
  PipeFds p;
  FrameWriter w(p.w, 100);  // a tiny buffer: frames straddle flushes
  FrameBuilder b;
  for (uint64_t i = 0; i < 50; ++i) {
    b.start(kProgress);
    b.u64(i);
    b.u64(50);
    w.write(b.finish());
  }
  w.flush();
  ::close(p.w);
  p.w = -1;
  FrameReader reader;
  uint64_t expected = 0;
  FrameCursor c;
  while (reader.read_from(p.r))
    while (reader.next(c)) {
      EXPECT_EQ(c.u64(), expected++);
      EXPECT_EQ(c.u64(), 50u);
    }
  EXPECT_EQ(expected, 50u);
  EXPECT_FALSE(reader.has_partial_frame());
}

TEST(WorkerFrames, RequestRoundTrip) {
  WorkerRequest r;
  r.plugin_file = "/opt/sosei/plugins/tourism.so";
  r.source_id = "tourism";
  r.settings = {{"file", "/data/観光.csv"}, {"encoding", "auto"}};
  r.fetch.attempts = 5;
  r.fetch.verify_tls = false;
  r.memory_limit_bytes = 256ull << 20;
  FrameBuilder b;
  encode_request(b, r);
  const std::string frame(b.finish());
  FrameCursor c(static_cast<uint8_t>(frame[4]), std::string_view(frame).substr(5));
  const WorkerRequest back = decode_request(c);
  EXPECT_EQ(back.plugin_file, r.plugin_file);
  EXPECT_EQ(back.settings, r.settings);
  EXPECT_EQ(back.fetch.attempts, 5);
  EXPECT_FALSE(back.fetch.verify_tls);
  EXPECT_EQ(back.memory_limit_bytes, 256ull << 20);
}

TEST(WorkerFrames, TruncatedFieldIsAProtocolError) {
  FrameCursor c(kObservation, std::string_view("\x01\x00", 2));
  sosei::Observation o;
  EXPECT_THROW(decode_observation(c, o), ProtocolError);
}

TEST(WorkerFrames, OversizedOrGarbageLengthIsRefused) {
  // What a plugin printing to the protocol fd would look like: text, read as a huge length.
  PipeFds p;
  const std::string garbage = "hello world, this is not a frame\n";
  ASSERT_EQ(::write(p.w, garbage.data(), garbage.size()), static_cast<ssize_t>(garbage.size()));
  FrameReader reader;
  ASSERT_TRUE(reader.read_from(p.r));
  FrameCursor c;
  EXPECT_THROW(reader.next(c), ProtocolError);
}

TEST(WorkerFrames, EndFrameUnknownStatusIsRefused) {
  FrameBuilder b;
  b.start(kEnd);
  b.u8(7);
  b.str("");
  b.str("");
  const std::string frame(b.finish());
  FrameCursor c(kEnd, std::string_view(frame).substr(5));
  EXPECT_THROW(decode_end(c), ProtocolError);
}
