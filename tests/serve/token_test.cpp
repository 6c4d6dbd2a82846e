// Tokens and addresses: the token's form and randomness, its SHA-256, reading the Authorization
// header, and which --bind addresses count as loopback.
#include <gtest/gtest.h>

#include <set>

#include "serve/api_token.hpp"
#include "serve/loopback.hpp"

namespace sosei::serve::test {
namespace {

TEST(Tokens, PrefixAnd43Base64urlCharacters) {
  const std::string t = new_token();
  ASSERT_EQ(t.size(), 6u + 43u);  // 32 bytes = 256 bits = 43 base64url characters without padding
  EXPECT_TRUE(t.starts_with("sosei_"));
  for (char c : t.substr(6))
    EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
        << c;
}

TEST(Tokens, EveryTokenIsNew) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(seen.insert(new_token()).second);
}

TEST(Tokens, Sha256InLowerCaseHex) {
  // FIPS 180-2's example "abc".
  EXPECT_EQ(token_sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(token_sha256("").size(), 64u);
  EXPECT_NE(token_sha256("sosei_a"), token_sha256("sosei_b"));
}

TEST(Tokens, BearerHeader) {
  EXPECT_EQ(bearer_token("Bearer sosei_abc"), "sosei_abc");
  EXPECT_EQ(bearer_token("bearer   sosei_abc  "), "sosei_abc");
  EXPECT_EQ(bearer_token("BEARER\tsosei_abc"), "sosei_abc");
  EXPECT_FALSE(bearer_token(""));
  EXPECT_FALSE(bearer_token("Bearer"));
  EXPECT_FALSE(bearer_token("Bearer   "));
  EXPECT_FALSE(bearer_token("Basic dXNlcjpwYXNz"));
  EXPECT_FALSE(bearer_token("sosei_abc"));
}

TEST(Loopback, OnlyAddressesOfThisMachine) {
  for (const char* a : {"127.0.0.1", "127.1.2.3", "localhost", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"})
    EXPECT_TRUE(is_loopback(a)) << a;
  for (const char* a : {"0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "128.0.0.1", "::ffff:10.0.0.1", "example.org",
                        "localhost.example.org", "", "127.0.0.1 "})
    EXPECT_FALSE(is_loopback(a)) << a;
}

}  // namespace
}  // namespace sosei::serve::test
