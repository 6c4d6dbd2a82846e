// Reading a configuration file safely and checking that it is UTF-8 text (config_text.hpp).
#include "config/config_text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "config/yaml_reader.hpp"

namespace sosei::config::detail {
namespace {

[[noreturn]] void cannot_read(const std::string& display, int err) {
  fail({display, 0, 0}, phrase(&Msg::cannot_read, display, std::generic_category().message(err)));
}

// Closes the descriptor on every way out, thrown or not.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// The length of the UTF-8 sequence at text[i], or 0 when it is not one (overlong forms, surrogates
// and code points past U+10FFFF included).
std::size_t sequence_length(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const auto tail = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
  const unsigned c = byte(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return tail(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned c1 = byte(i + 1);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return 0;  // overlong, surrogate
    return tail(i + 1) && tail(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned c1 = byte(i + 1);
    if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return 0;  // overlong, past U+10FFFF
    return tail(i + 1) && tail(i + 2) && tail(i + 3) ? 4 : 0;
  }
  return 0;
}

// UTF-16 shows as a BOM or as NUL bytes between ASCII letters; anything else must be valid UTF-8.
void check_utf8(const std::string& text, const std::string& display) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) fail({display, 1, 1}, phrase(&Msg::utf16_text));
  int line = 1, column = 1;
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\0') fail({display, line, column}, phrase(&Msg::nul_byte));
    const std::size_t n = sequence_length(text, i);
    if (n == 0) {
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(c));
      fail({display, line, column}, phrase(&Msg::invalid_utf8, std::string(hex)));
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
}

}  // namespace

std::string read_config_text(const std::string& open_path, const std::string& display) {
  // O_NONBLOCK: opening a FIFO without a writer would otherwise wait for one forever.
  Descriptor file{::open(open_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) cannot_read(display, errno);
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) cannot_read(display, errno);
  // Only a regular file ends: /dev/zero and /dev/urandom never do, a FIFO ends when its writer says so.
  if (!S_ISREG(st.st_mode)) fail({display, 0, 0}, phrase(&Msg::not_a_regular_file, display));
  const auto too_large = [&] {
    fail({display, 0, 0}, phrase(&Msg::file_too_large, display, kMaxConfigFileBytes >> 20));
  };
  if (static_cast<std::size_t>(st.st_size) > kMaxConfigFileBytes) too_large();

  // Read at most one byte past the cap: a file that grows while it is read is still bounded.
  std::string text;
  char buf[65536];
  while (text.size() <= kMaxConfigFileBytes) {
    const ssize_t n = ::read(file.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) cannot_read(display, errno);
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  if (text.size() > kMaxConfigFileBytes) too_large();
  check_utf8(text, display);
  return text;
}

}  // namespace sosei::config::detail
