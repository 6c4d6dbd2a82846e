// The worker pipe's framing: [u32 length][u8 type][payload], little-endian, strings as u32 length +
// bytes. Writes are buffered (many observations per write(2)); reads decode frames in place.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sosei::worker {

// A frame that cannot be decoded, or a pipe that broke: the run fails with this message.
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Larger frames are refused: a plugin cannot make the parent allocate without bound.
inline constexpr uint32_t kMaxFrameBytes = 16u << 20;

// Builds one frame's payload; reused between frames so the hot path does not allocate.
class FrameBuilder {
 public:
  void start(uint8_t type);
  void u8(uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) { raw(&v, sizeof v); }
  void i32(int32_t v) { raw(&v, sizeof v); }
  void u64(uint64_t v) { raw(&v, sizeof v); }
  void f64(double v) { raw(&v, sizeof v); }
  void str(std::string_view s);
  // The finished frame (length prefix filled in).
  std::string_view finish();

 private:
  void raw(const void* p, std::size_t n) { bytes_.append(static_cast<const char*>(p), n); }
  std::string bytes_;
};

// Reads fields of one received frame; every read is bounds-checked.
class FrameCursor {
 public:
  FrameCursor() = default;
  FrameCursor(uint8_t type, std::string_view payload) : type_(type), rest_(payload) {}
  uint8_t type() const { return type_; }
  uint8_t u8() { return take<uint8_t>(); }
  uint32_t u32() { return take<uint32_t>(); }
  int32_t i32() { return take<int32_t>(); }
  uint64_t u64() { return take<uint64_t>(); }
  double f64() { return take<double>(); }
  std::string_view str();
  bool done() const { return rest_.empty(); }

 private:
  template <typename T>
  T take() {
    if (rest_.size() < sizeof(T)) throw ProtocolError("worker frame is truncated");
    T v;
    std::memcpy(&v, rest_.data(), sizeof(T));
    rest_.remove_prefix(sizeof(T));
    return v;
  }
  uint8_t type_ = 0;
  std::string_view rest_;
};

// Buffered frame writer on a pipe. flush() before waiting for a reply.
class FrameWriter {
 public:
  explicit FrameWriter(int fd, std::size_t buffer_bytes = 256 << 10) : fd_(fd), capacity_(buffer_bytes) {}
  void write(std::string_view frame);
  void flush();

 private:
  int fd_;
  std::size_t capacity_;
  std::string buffer_;
};

// Splits a byte stream into frames. feed() what was read, then take frames with next().
class FrameReader {
 public:
  // Reads once from `fd` (blocking or not, as the fd is). Returns false at end of file.
  bool read_from(int fd);
  // The next complete frame, or false. The cursor stays valid until the next read_from().
  bool next(FrameCursor& out);
  bool has_partial_frame() const { return begin_ < buffer_.size(); }

 private:
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // start of the first unread frame
};

// Reads exactly one frame from a blocking fd (used for the request and replies). False at EOF.
bool read_one_frame(int fd, std::string& storage, FrameCursor& out);

}  // namespace sosei::worker
