// Ed25519 keys and SHA-256 through OpenSSL (bundle_key.hpp).
#include "app/bundle_key.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "text/hub_messages.hpp"
#include "text/system_errors.hpp"

namespace sosei::app {
namespace {

using text::HubMessages;

struct KeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
struct CtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct FileClose {
  void operator()(FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileClose>;

[[noreturn]] void fail(const std::string& file, const text::Phrase& why) {
  throw BundleError(text::phrase(&HubMessages::bundle_key_unusable, file, why));
}
[[noreturn]] void fail(const std::string& file, const char* HubMessages::*why) { fail(file, text::phrase(why)); }

File open_key(const std::string& path, bool want_private) {
  File f(std::fopen(path.c_str(), "rb"));
  if (!f && errno == ENOENT)
    throw BundleError(text::phrase(
        want_private ? &HubMessages::bundle_private_key_missing : &HubMessages::bundle_public_key_missing, path));
  if (!f) fail(path, text::system_error(errno));
  return f;
}

// A private key file, or (when `public_only`) a public one; a private key file also gives its public key.
Key read_key(const std::string& path, bool want_private) {
  File f = open_key(path, want_private);
  Key key(want_private ? PEM_read_PrivateKey(f.get(), nullptr, nullptr, nullptr)
                       : PEM_read_PUBKEY(f.get(), nullptr, nullptr, nullptr));
  if (!key && !want_private) {  // a private key file names its public key too
    std::rewind(f.get());
    key.reset(PEM_read_PrivateKey(f.get(), nullptr, nullptr, nullptr));
  }
  if (!key || EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519)
    throw BundleError(text::phrase(&HubMessages::bundle_key_not_ed25519, path));
  return key;
}

std::string base64(const unsigned char* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Writes a PEM with `write` to a file made with `mode` (refused when it exists).
template <class Write>
void write_pem(const std::string& path, mode_t mode, Write&& write) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0 && errno == EEXIST) throw BundleError(text::phrase(&HubMessages::bundle_key_exists, path));
  if (fd < 0) fail(path, text::system_error(errno));
  File f(::fdopen(fd, "wb"));
  if (!f) {
    ::close(fd);
    fail(path, text::system_error(errno));
  }
  if (write(f.get()) != 1 || std::fflush(f.get()) != 0) {
    ::unlink(path.c_str());
    fail(path, &HubMessages::key_cannot_write);
  }
}

}  // namespace

BundleError::BundleError(text::Phrase text)
    : std::runtime_error(text(text::Locale{text::Lang::Ja, text::YearStyle::Era})), text_(std::move(text)) {}

void generate_bundle_key(const std::string& private_file, const std::string& public_file) {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (!raw) fail(private_file, &HubMessages::key_cannot_make);
  const Key key(raw);
  write_pem(private_file, 0600,
            [&](FILE* f) { return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
  try {  // a private key without its public one would be of no use to the hub
    write_pem(public_file, 0644, [&](FILE* f) { return PEM_write_PUBKEY(f, key.get()); });
  } catch (...) {
    ::unlink(private_file.c_str());
    throw;
  }
}

std::string sign_with(const std::string& private_file, std::string_view message) {
  const Key key = read_key(private_file, true);
  std::unique_ptr<EVP_MD_CTX, CtxFree> ctx(EVP_MD_CTX_new());
  unsigned char signature[64];
  std::size_t size = sizeof signature;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), signature, &size, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1)
    fail(private_file, &HubMessages::key_cannot_sign);
  return base64(signature, size);
}

bool verify_with(const std::string& public_file, std::string_view message, std::string_view signature) {
  const Key key = read_key(public_file, false);
  std::vector<unsigned char> raw(signature.size() + 3);
  const int n = EVP_DecodeBlock(raw.data(), reinterpret_cast<const unsigned char*>(signature.data()),
                                static_cast<int>(signature.size()));
  // An Ed25519 signature is 64 bytes: 88 base64 characters, decoded to 66 with the padding's two zeros.
  if (signature.size() != 88 || n != 66) return false;
  std::unique_ptr<EVP_MD_CTX, CtxFree> ctx(EVP_MD_CTX_new());
  return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), raw.data(), 64, reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

std::string key_id(const std::string& key_file, KeyFile kind) {
  const Key key = read_key(key_file, kind == KeyFile::Private);
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(key.get(), &der);
  if (size <= 0) fail(key_file, &HubMessages::key_cannot_encode);
  Sha256 sha;
  sha.add({reinterpret_cast<const char*>(der), static_cast<std::size_t>(size)});
  OPENSSL_free(der);
  return sha.hex().substr(0, 16);
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("cannot start a SHA-256 (OpenSSL EVP)");
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void Sha256::add(std::string_view bytes) {
  if (EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), bytes.data(), bytes.size()) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP)");
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), digest, &size) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP)");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace sosei::app
