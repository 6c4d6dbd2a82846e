// A text file as UTF-8: BOM handling, UTF-8/CP932 detection and CP932 conversion on the fly.
#include "input/text_stream.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "input/cp932_decoder.hpp"
#include "input/file_source.hpp"
#include "input/mis_encoding.hpp"
#include "input/utf8_validator.hpp"

namespace sosei::input {
namespace {

constexpr std::size_t kChunk = std::size_t{64} * 1024;  // also the look-ahead used to recognise UTF-8
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the ASCII start of [data, data + n), eight bytes at a time (this runs over every byte of
// an ASCII file, such as a GTFS-ride export, until its first non-ASCII byte).
std::size_t ascii_prefix(const char* data, std::size_t n) {
  std::size_t i = 0;
  for (; n - i >= 8; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < n && static_cast<unsigned char>(data[i]) < 0x80) ++i;
  return i;
}

std::string hex_byte(char c) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned char>(c));
  return text;
}

class FileByteSource final : public ByteSource {
 public:
  explicit FileByteSource(const std::string& path) : file_(path) {}
  std::size_t read(char* buffer, std::size_t capacity) override { return file_.read(buffer, capacity); }
  const std::string& name() const override { return file_.path(); }

 private:
  FileSource file_;
};

class TextStream final : public InputStream {
 public:
  TextStream(std::unique_ptr<ByteSource> source, Encoding encoding)
      : source_(std::move(source)), requested_(encoding), in_(kChunk), out_(kChunk) {}

  const std::string& name() const override { return source_->name(); }

  std::size_t read(char* buffer, std::size_t capacity) override {
    if (capacity == 0) return 0;
    if (!started_) start();
    for (;;) {
      switch (mode_) {
        case Mode::Undecided:
          if (std::optional<std::size_t> n = read_ascii(buffer, capacity)) return *n;
          break;
        case Mode::Utf8:
        case Mode::Bytes:
          if (window() == 0 && !refill()) return finish_utf8();
          return pass(buffer, capacity);
        case Mode::Cp932:
          if (out_begin_ < out_end_) return take_converted(buffer, capacity);
          if (!convert_more()) return 0;
          break;
      }
    }
  }

 private:
  enum class Mode { Undecided, Utf8, Bytes, Cp932 };

  std::size_t window() const { return end_ - begin_; }
  void advance(std::size_t n) {
    begin_ += n;
    offset_ += n;
  }

  // Moves the unread bytes to the front and fills the buffer up; false when nothing is left.
  bool refill() {
    if (begin_ > 0) {
      std::memmove(in_.data(), in_.data() + begin_, window());
      end_ -= begin_;
      begin_ = 0;
    }
    if (!eof_ && end_ < in_.size()) {
      const std::size_t want = in_.size() - end_;
      const std::size_t got = source_->read(in_.data() + end_, want);
      end_ += got;
      eof_ = got < want;
    }
    return window() > 0;
  }

  void start() {
    started_ = true;
    refill();
    const bool bom = std::string_view(in_.data() + begin_, window()).starts_with(kBom);
    switch (requested_) {
      case Encoding::Auto:
        mode_ = bom ? Mode::Utf8 : Mode::Undecided;
        validate_ = true;
        break;
      case Encoding::Utf8:
        mode_ = Mode::Utf8;
        break;
      case Encoding::Cp932:
        if (bom) {
          throw InputError(name() +
                           ": starts with a UTF-8 byte order mark but the source says "
                           "`encoding: cp932`; set `encoding: utf-8` (or auto).");
        }
        mode_ = Mode::Cp932;
        decoder_.emplace();
        break;
      case Encoding::Binary:
        mode_ = Mode::Bytes;
        break;
    }
    if (bom && mode_ == Mode::Utf8) advance(kBom.size());
    if (mode_ == Mode::Utf8) refuse_if_mis_encoded(std::string_view(in_.data() + begin_, window()));
  }

  // A file that decodes, but mostly into replacement or unassigned characters, lost its text before
  // it reached us: say so rather than let the plugin miss its header.
  void refuse_if_mis_encoded(std::string_view decoded) const {
    if (auto what = mis_encoding(decoded))
      throw InputError(name() + ": the text looks mis-encoded: " + *what +
                       ". Re-export the file from its original as UTF-8 or CP932 (Shift_JIS); this copy has lost its "
                       "characters.");
  }

  // Passes ASCII through until the first non-ASCII byte, where the encoding is decided by looking
  // at the next 64 KiB. Returns the bytes copied, or nothing when the mode changed.
  std::optional<std::size_t> read_ascii(char* buffer, std::size_t capacity) {
    if (window() == 0 && !refill()) return 0;
    const char* data = in_.data() + begin_;
    const std::size_t limit = std::min(window(), capacity);
    const std::size_t ascii = ascii_prefix(data, limit);
    if (ascii > 0) {
      std::memcpy(buffer, data, ascii);
      advance(ascii);
      return ascii;
    }
    refill();  // look ahead as far as the buffer allows
    // A character cut at the very end still counts as UTF-8 (also at the end of the file, where
    // the validator then reports the file as cut off rather than misreading it as CP932).
    if (looks_like_utf8(std::string_view(in_.data() + begin_, window()), true)) {
      mode_ = Mode::Utf8;
      refuse_if_mis_encoded(std::string_view(in_.data() + begin_, window()));
    } else {
      mode_ = Mode::Cp932;
      decoder_.emplace();
    }
    return std::nullopt;
  }

  std::size_t pass(char* buffer, std::size_t capacity) {
    const std::size_t n = std::min(window(), capacity);
    const char* data = in_.data() + begin_;
    if (validate_) {
      const std::size_t bad = validator_.check(std::string_view(data, n));
      if (bad != Utf8Validator::kValid) {
        throw InputError(name() + ": byte " + std::to_string(offset_ + bad) + " (" + hex_byte(data[bad]) +
                         ") is not valid UTF-8, although the text before it is. If the file is "
                         "Shift_JIS, set `encoding: cp932` for this source; otherwise re-save it "
                         "as UTF-8 (it mixes encodings or is damaged).");
      }
    }
    std::memcpy(buffer, data, n);
    advance(n);
    return n;
  }

  std::size_t finish_utf8() {
    if (validate_ && validator_.in_character()) {
      throw InputError(name() + ": ends in the middle of a UTF-8 character (byte " + std::to_string(offset_) +
                       "); the file is probably cut off, copy it again.");
    }
    return 0;
  }

  std::size_t take_converted(char* buffer, std::size_t capacity) {
    const std::size_t n = std::min(out_end_ - out_begin_, capacity);
    std::memcpy(buffer, out_.data() + out_begin_, n);
    out_begin_ += n;
    return n;
  }

  // Converts the next input into the output buffer; false at the end of the file.
  bool convert_more() {
    if (window() == 0 && !refill()) return false;
    const char* in = in_.data() + begin_;
    std::size_t in_left = window();
    char* out = out_.data();
    std::size_t out_left = out_.size();
    const Cp932Decoder::Result result = decoder_->convert(in, in_left, out, out_left);
    advance(window() - in_left);
    out_begin_ = 0;
    out_end_ = out_.size() - out_left;
    if (!cp932_checked_) {  // the first converted chunk tells whether this was CP932 text at all
      cp932_checked_ = true;
      refuse_if_mis_encoded(std::string_view(out_.data(), out_end_));
    }
    if (result == Cp932Decoder::Result::Invalid) {
      throw InputError(name() + ": byte " + std::to_string(offset_) + " (" + hex_byte(in_[begin_]) +
                       ") is not valid Shift_JIS/CP932 text" +
                       (requested_ == Encoding::Auto ? " (the encoding was detected as CP932)" : "") +
                       ". Set `encoding: utf-8` or `encoding: cp932` to match how the file was "
                       "saved, or re-save it; the file may be damaged at that point.");
    }
    if (result == Cp932Decoder::Result::InputUsed && in_left > 0 && out_end_ == 0) {
      // Only a cut character is left: it needs the next chunk.
      if (eof_) {
        throw InputError(name() + ": ends in the middle of a Shift_JIS/CP932 character (byte " +
                         std::to_string(offset_) + "); the file is probably cut off, copy it again.");
      }
      refill();
    }
    return true;
  }

  std::unique_ptr<ByteSource> source_;
  Encoding requested_;
  Mode mode_ = Mode::Undecided;
  bool started_ = false;
  bool validate_ = false;
  bool cp932_checked_ = false;  // the first converted chunk was looked at (mis_encoding.hpp)
  Utf8Validator validator_;
  std::optional<Cp932Decoder> decoder_;

  std::vector<char> in_;  // raw bytes [begin_, end_) not yet consumed
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  std::uint64_t offset_ = 0;  // file offset of in_[begin_]

  std::vector<char> out_;  // converted bytes [out_begin_, out_end_) not yet returned
  std::size_t out_begin_ = 0;
  std::size_t out_end_ = 0;
};

}  // namespace

std::unique_ptr<InputStream> open_text_file(const std::string& path, Encoding encoding) {
  return std::make_unique<TextStream>(std::make_unique<FileByteSource>(path), encoding);
}

std::unique_ptr<InputStream> open_text_stream(std::unique_ptr<ByteSource> source, Encoding encoding) {
  return std::make_unique<TextStream>(std::move(source), encoding);
}

}  // namespace sosei::input
