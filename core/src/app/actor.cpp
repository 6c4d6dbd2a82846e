// Signers (actor.hpp) and the token events of the audit trail.
#include "app/actor.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace sosei::app {

Signer cli_signer() {
  Signer s;
  s.actor.kind = store::Actor::Kind::Cli;
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name)
    s.actor.name = pw->pw_name;
  else if (const char* user = std::getenv("USER"); user && *user)
    s.actor.name = user;
  else
    s.actor.name = "uid " + std::to_string(geteuid());
  return s;
}

Signer token_signer(const store::ApiToken& token) {
  Signer s;
  s.actor.kind = store::Actor::Kind::Token;
  s.actor.name = "token " + std::to_string(token.id);
  s.actor.department = token.department;
  s.actor.token_id = token.id;
  s.role = token.role;
  return s;
}

int64_t create_token(store::Store& store, const std::string& sha256, const std::string& department,
                     const std::string& note, store::TokenRole role) {
  const int64_t id = store.add_token(sha256, department, note, role);
  store::AuditEvent e;
  e.who = cli_signer().actor;
  e.action = "token.create";
  e.after = "token " + std::to_string(id) + " " + department + " (" + store::to_string(role) + ")";
  e.reason = note;
  store.append_audit(e);
  return id;
}

bool revoke_token(store::Store& store, const store::ApiToken& token) {
  if (!store.revoke_token(token.id)) return false;
  store::AuditEvent e;
  e.who = cli_signer().actor;
  e.action = "token.revoke";
  e.before = "token " + std::to_string(token.id) + " " + token.department + " (" + store::to_string(token.role) + ")";
  e.after = "revoked";
  store.append_audit(e);
  return true;
}

}  // namespace sosei::app
