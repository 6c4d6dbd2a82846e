// Token check for hand entry (authenticate.hpp). Messages never echo the presented token.
#include "serve/authenticate.hpp"

#include "serve/api_token.hpp"
#include "serve/http_error.hpp"

namespace sosei::serve {

store::ApiToken authenticate(store::Store& store, const std::optional<std::string>& token) {
  if (!token)
    throw HttpError(401,
                    "no token: give your department's token (the form's token field, or the header "
                    "\"Authorization: Bearer <token>\"); the policy division creates one with "
                    "`sosei token create --department <課>`");
  const auto found = store.token_by_hash(token_sha256(*token));
  if (!found)
    throw HttpError(401,
                    "unknown token: check that it was copied whole, or ask the policy division for a new one "
                    "(`sosei token create --department <課>`)");
  if (found->revoked())
    throw HttpError(401, "token " + std::to_string(found->id) + " of " + found->department + " was revoked on " +
                             found->revoked_at + ": ask the policy division for a new one");
  store.token_used(found->id);
  return *found;
}

}  // namespace sosei::serve
