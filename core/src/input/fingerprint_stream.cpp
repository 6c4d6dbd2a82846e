// FingerprintingStream: XXH3-128 over the bytes handed to the reader, for the run record.
#include <xxhash.h>

#include <cstdio>

#include "input/input_stream.hpp"

namespace sosei::input {

void FingerprintingStream::StateDeleter::operator()(XXH3_state_s* state) const { XXH3_freeState(state); }

FingerprintingStream::FingerprintingStream(std::unique_ptr<InputStream> inner)
    : inner_(std::move(inner)), state_(XXH3_createState()) {
  if (!state_) throw std::bad_alloc();
  XXH3_128bits_reset(state_.get());
}

FingerprintingStream::~FingerprintingStream() = default;

std::size_t FingerprintingStream::read(char* buffer, std::size_t capacity) {
  const std::size_t got = inner_->read(buffer, capacity);
  XXH3_128bits_update(state_.get(), buffer, got);
  return got;
}

std::string FingerprintingStream::fingerprint() const {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state_.get()));
  std::string hex;
  hex.reserve(2 * sizeof canonical.digest);
  for (unsigned char byte : canonical.digest) {
    char two[3];
    std::snprintf(two, sizeof two, "%02x", byte);
    hex += two;
  }
  return hex;
}

}  // namespace sosei::input
