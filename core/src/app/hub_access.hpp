// Who may read what at a hub (docs/hub.md, "Access"): the hub's own tokens — a prefecture's (reads
// its municipalities), the nation's (reads every city), a group's (定住自立圏: reads its members) — kept
// in the hub's token file, and the rule every hub request is checked by: the cities asked for must
// all lie in the token's scope. A city's own tokens (department, policy division) stay in the city's
// store and read that city only (serve/hub_server.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/hub_summary.hpp"
#include "common/clock.hpp"
#include "config/hub.hpp"
#include "text/phrase.hpp"

namespace sosei::app {

struct HubToken {
  int64_t id = 0;
  std::string sha256;  // lower-case hex of SHA-256(token text); the token itself is never kept
  HubScope scope;      // All (the nation), Prefecture or Group
  std::string note;
  std::string created_at;  // ISO 8601 UTC
  std::string created_by;  // the OS user who created it
  std::string revoked_at;  // empty: active
  std::string revoked_by;
  bool revoked() const { return !revoked_at.empty(); }
};

// The token file cannot be read or written: what() names the file and why (Japanese); text() in
// either language.
class HubTokenFileError : public std::runtime_error {
 public:
  explicit HubTokenFileError(text::Phrase text);
  const text::Phrase& text() const { return text_; }

 private:
  text::Phrase text_;
};

// The hub's token file (JSON, mode 0600, `tokens:` of the hub file). Every change rewrites it whole
// under an exclusive lock (flock on FILE.lock) through a temporary file renamed over it, so a reader
// sees the old or the new file, never half of one, and two changes at once both land.
class HubTokens {
 public:
  explicit HubTokens(std::string file);

  const std::string& file() const { return file_; }
  // Every token, oldest first; none when the file does not exist. Throws HubTokenFileError.
  std::vector<HubToken> list() const;
  // The active token with this hash.
  std::optional<HubToken> find(const std::string& sha256) const;
  // Adds a token (its hash must be new, std::invalid_argument otherwise); returns its id.
  int64_t add(const std::string& sha256, const HubScope& scope, const std::string& note, const std::string& by,
              const Clock& clock);
  // Revokes an active token; false when there is no such token or it was revoked already.
  bool revoke(int64_t id, const std::string& by, const Clock& clock);
  // The file's modification time and size, so a server reads it again only when it changed.
  std::string stamp() const;

 private:
  std::string file_;
};

// A token scope as a person writes it: "nation", "prefecture:40" (or 福岡県), "group:嘉飯圏域".
// Throws HubRequestError for anything else or a prefecture or group the hub does not have.
HubScope token_scope(const config::Hub& hub, const std::string& text);
// The same, written back: "nation", "prefecture:40", "group:嘉飯圏域", "city:402273".
std::string scope_text(const HubScope& scope);

// The scope of a single city (a city's own token).
HubScope city_scope(const std::string& code);

// Every city `asked` names lies within `allowed` (an empty scope lies within any).
bool scope_within(const config::Hub& hub, const HubScope& asked, const HubScope& allowed);

}  // namespace sosei::app
