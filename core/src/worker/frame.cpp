// Frame building, buffered writing and in-place decoding for the worker pipe.
#include "worker/frame.hpp"

#include <unistd.h>

#include <cerrno>

namespace sosei::worker {
namespace {

void write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      throw ProtocolError(std::string("the worker pipe is closed (") + std::strerror(errno) + ")");
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
}

uint32_t load_u32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

void FrameBuilder::start(uint8_t type) {
  bytes_.assign(4, '\0');
  u8(type);
}

void FrameBuilder::str(std::string_view s) {
  if (s.size() > kMaxFrameBytes)
    throw ProtocolError("a text of " + std::to_string(s.size()) + " bytes is too long for the worker pipe");
  u32(static_cast<uint32_t>(s.size()));
  bytes_.append(s.data(), s.size());
}

std::string_view FrameBuilder::finish() {
  const std::size_t length = bytes_.size() - 4;  // type byte + payload
  if (length > kMaxFrameBytes)
    throw ProtocolError("a frame of " + std::to_string(length) + " bytes is too large for the worker pipe");
  const auto n = static_cast<uint32_t>(length);
  std::memcpy(bytes_.data(), &n, sizeof n);
  return bytes_;
}

std::string_view FrameCursor::str() {
  const uint32_t n = u32();
  if (rest_.size() < n) throw ProtocolError("worker frame is truncated (text of " + std::to_string(n) + " bytes)");
  std::string_view s = rest_.substr(0, n);
  rest_.remove_prefix(n);
  return s;
}

void FrameWriter::write(std::string_view frame) {
  if (buffer_.size() + frame.size() > capacity_) flush();
  if (frame.size() >= capacity_) {
    write_all(fd_, frame.data(), frame.size());
    return;
  }
  buffer_.append(frame.data(), frame.size());
}

void FrameWriter::flush() {
  if (buffer_.empty()) return;
  write_all(fd_, buffer_.data(), buffer_.size());
  buffer_.clear();
}

bool FrameReader::read_from(int fd) {
  // Drop consumed bytes, then grow so one read can bring a large chunk.
  if (begin_ > 0) {
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(begin_));
    begin_ = 0;
  }
  constexpr std::size_t kChunk = 256 << 10;
  const std::size_t used = buffer_.size();
  buffer_.resize(used + kChunk);
  ssize_t got;
  do {
    got = ::read(fd, buffer_.data() + used, kChunk);
  } while (got < 0 && errno == EINTR);
  if (got < 0) {
    buffer_.resize(used);
    if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
    throw ProtocolError(std::string("reading the worker pipe failed: ") + std::strerror(errno));
  }
  buffer_.resize(used + static_cast<std::size_t>(got));
  return got > 0;
}

bool FrameReader::next(FrameCursor& out) {
  const std::size_t available = buffer_.size() - begin_;
  if (available < 4) return false;
  const uint32_t length = load_u32(buffer_.data() + begin_);
  if (length == 0 || length > kMaxFrameBytes)
    throw ProtocolError("the worker sent a frame of " + std::to_string(length) + " bytes (limit " +
                        std::to_string(kMaxFrameBytes) + "): its output is not sosei's protocol");
  if (available < 4 + std::size_t{length}) return false;
  const char* p = buffer_.data() + begin_ + 4;
  out = FrameCursor(static_cast<uint8_t>(p[0]), std::string_view(p + 1, length - 1));
  begin_ += 4 + std::size_t{length};
  return true;
}

bool read_one_frame(int fd, std::string& storage, FrameCursor& out) {
  auto read_exact = [fd](char* p, std::size_t n) {
    std::size_t done = 0;
    while (done < n) {
      const ssize_t r = ::read(fd, p + done, n - done);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) throw ProtocolError(std::string("reading the worker pipe failed: ") + std::strerror(errno));
      if (r == 0) {
        if (done == 0) return false;
        throw ProtocolError("the worker pipe closed in the middle of a frame");
      }
      done += static_cast<std::size_t>(r);
    }
    return true;
  };
  char header[4];
  if (!read_exact(header, 4)) return false;
  const uint32_t length = load_u32(header);
  if (length == 0 || length > kMaxFrameBytes) throw ProtocolError("bad frame length " + std::to_string(length));
  storage.resize(length);
  if (!read_exact(storage.data(), length)) throw ProtocolError("the worker pipe closed in the middle of a frame");
  out = FrameCursor(static_cast<uint8_t>(storage[0]), std::string_view(storage).substr(1));
  return true;
}

}  // namespace sosei::worker
