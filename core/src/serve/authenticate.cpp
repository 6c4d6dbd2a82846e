// Token check for hand entry (authenticate.hpp). Messages never echo the presented token.
#include "serve/authenticate.hpp"

#include "serve/api_token.hpp"
#include "serve/http_error.hpp"
#include "text/periods.hpp"
#include "text/phrase.hpp"

namespace sosei::serve {

store::ApiToken authenticate(store::Store& store, const std::optional<std::string>& token, text::Lang lang,
                             std::string_view time_zone) {
  const text::Catalogue& c = text::catalogue(lang);
  if (!token) throw HttpError(401, c.token_missing);
  const auto found = store.token_by_hash(token_sha256(*token));
  if (!found) throw HttpError(401, c.token_not_known);
  if (found->revoked())
    throw HttpError(401, text::say(lang, &text::Catalogue::token_was_revoked, found->id, found->department,
                                   text::timestamp_text(found->revoked_at, time_zone)));
  store.token_used(found->id);
  return *found;
}

}  // namespace sosei::serve
