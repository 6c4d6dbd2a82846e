// Who is acting, for the permission checks of sign-off and commentary and for the audit trail: a
// person at the CLI (the OS account that holds the database, so every right), or an API token (what
// its role allows, on its department's KPIs).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "store/store.hpp"
#include "text/lang.hpp"

namespace sosei::app {

struct Signer {
  store::Actor actor;
  std::optional<store::TokenRole> role;  // none: the CLI
  bool policy() const { return !role || *role == store::TokenRole::Policy; }
};

// The OS user running the command (getpwuid, else $USER).
Signer cli_signer();
Signer token_signer(const store::ApiToken& token);

// A sign-off or commentary request refused; the front-ends turn `why` into an exit code or status
// (NotFound 404, Forbidden 403, Conflict 409, BadInput 400). The message is in the reader's language.
class SignoffRefused : public std::runtime_error {
 public:
  enum class Why { NotFound, Forbidden, Conflict, BadInput };
  SignoffRefused(Why why, const std::string& message) : std::runtime_error(message), why_(why) {}
  Why why() const { return why_; }

 private:
  Why why_;
};

// A token created or revoked at the CLI, with its audit event.
int64_t create_token(store::Store& store, const std::string& sha256, const std::string& department,
                     const std::string& note, store::TokenRole role);
bool revoke_token(store::Store& store, const store::ApiToken& token);

}  // namespace sosei::app
