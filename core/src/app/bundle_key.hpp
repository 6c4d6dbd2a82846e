// The keys that sign a city's bundles to its hub (docs/hub.md, "City node → hub"): Ed25519 through
// OpenSSL's EVP. The city keeps its private key (PEM, PKCS #8, mode 0600); the hub registers the public
// key (PEM) beside the city's entry in the hub file. What is signed is the SHA-256 of the bundle's
// lines, so a bundle of millions of values is hashed as it streams and signed in one call.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "text/phrase.hpp"

namespace sosei::app {

// A bundle or a key that cannot be made, read, trusted or applied: text() says what and what to do,
// in either language; what() is its Japanese wording.
class BundleError : public std::runtime_error {
 public:
  explicit BundleError(text::Phrase text);
  const text::Phrase& text() const { return text_; }

 private:
  text::Phrase text_;
};

// Makes a new key pair: the private key at `private_file` (0600; refused if the file exists, so a key
// in use is never overwritten) and its public key at `public_file`.
void generate_bundle_key(const std::string& private_file, const std::string& public_file);

// The Ed25519 signature of `message` with the private key in `private_file`, in base64.
std::string sign_with(const std::string& private_file, std::string_view message);

// Whether `signature` (base64) is the signature of `message` by the public key in `public_file`.
bool verify_with(const std::string& public_file, std::string_view message, std::string_view signature);

enum class KeyFile { Public, Private };

// A short name of a key: the first 16 hex digits of the SHA-256 of its public key (DER), from either
// of its files — what a bundle names its signer by, and `sosei bundle keygen` prints for the hub.
// `kind` says which file is expected (a public one may also be read from a private key file).
std::string key_id(const std::string& key_file, KeyFile kind = KeyFile::Public);

// Lower-case hex SHA-256, hashed in pieces.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void add(std::string_view bytes);
  std::string hex();  // once

 private:
  void* ctx_;
};

}  // namespace sosei::app
