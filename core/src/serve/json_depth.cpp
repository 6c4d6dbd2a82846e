// Nesting of a JSON body (json_depth.hpp): one pass over the bytes, no allocation.
#include "serve/json_depth.hpp"

#include "serve/http_error.hpp"
#include "text/phrase.hpp"

namespace sosei::serve {

void check_json_depth(std::string_view body, text::Lang lang) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : body) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth)
        throw HttpError(400, text::say(lang, &text::Catalogue::json_too_deep, kMaxJsonDepth));
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

}  // namespace sosei::serve
