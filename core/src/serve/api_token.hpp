// Department tokens for hand entry: a new token is 32 bytes from the kernel's random source
// (getrandom(2)) written in base64url; the store keeps only its SHA-256 (OpenSSL EVP).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sosei::serve {

// "sosei_" + 43 base64url characters. The prefix lets secret scanners and people recognise a token
// pasted where it should not be. Throws std::runtime_error when the kernel gives no randomness.
std::string new_token();

// Lower-case hex of SHA-256 over the token's text: what api_tokens.token_sha256 holds.
std::string token_sha256(std::string_view token);

// The token of an "Authorization: Bearer <token>" header (scheme case-insensitive, spaces around
// ignored); nullopt for a missing header, another scheme or an empty token.
std::optional<std::string> bearer_token(std::string_view authorization);

}  // namespace sosei::serve
