// Long texts cut to an excerpt that says how long they were (bounded_text.hpp).
#include "text/bounded_text.hpp"

#include "text/import_messages.hpp"

namespace sosei::text {

std::size_t utf8_prefix_bytes(std::string_view text, std::size_t chars) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool continuation = (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    if (!continuation && seen++ == chars) return i;
  }
  return text.size();
}

std::string bounded_text(std::string_view text, Lang lang) {
  if (text.size() <= kKeptTextBytes) return std::string(text);
  std::string out(text.substr(0, utf8_prefix_bytes(text, kExcerptChars)));
  out += say(lang, &ImportMessages::cut_text, text.size());
  return out;
}

}  // namespace sosei::text
