// Joining phrases (phrase.hpp).
#include "text/phrase.hpp"

namespace sosei::text {

Phrase joined(std::vector<Phrase> parts, std::string ja_separator, std::string en_separator) {
  return [parts = std::move(parts), ja = std::move(ja_separator), en = std::move(en_separator)](const Locale& l) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : (l.lang == Lang::Ja ? ja : en)) + p(l);
    return out;
  };
}

}  // namespace sosei::text
