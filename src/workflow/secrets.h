// Passwords and random tokens, with libsodium: Argon2id for passwords, a CSPRNG for tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mkrp::workflow {

// How much work and memory one password hash costs. The cost is stored inside each hash, so a
// hash made with one cost verifies under any other.
struct PasswordCost {
  unsigned long long opsLimit = 0;
  std::size_t memLimit = 0;

  // libsodium's "interactive" Argon2id parameters (64 MiB): the default for people.
  static PasswordCost interactive();
  // The least libsodium allows: for tests and nothing else.
  static PasswordCost minimal();
};

// The shortest password accepted.
inline constexpr std::size_t kMinPasswordLength = 12;

// Throws InvalidRequestException when `password` is too short or too long to be accepted.
void checkPasswordRules(std::string_view password);

// An encoded Argon2id hash of `password` ("$argon2id$v=19$m=...").
// Throws Poco::OutOfMemoryException when the memory for the hash cannot be had.
std::string hashPassword(std::string_view password, const PasswordCost& cost);

// True when `password` matches `encodedHash` (as hashPassword made it). False for any other
// hash text. Takes as long as one hash of the stored cost.
bool verifyPassword(std::string_view encodedHash, std::string_view password);

// `bytes` random bytes as lower-case hex. Thread-safe.
std::string randomHex(std::size_t bytes);

// A password of `length` letters and digits, easy to read aloud (no 0/O, 1/l/I).
std::string randomPassword(std::size_t length);

// SHA-256 of `text` as 64 lower-case hex digits.
std::string sha256Hex(std::string_view text);

// Compares two strings in time that depends on their length only.
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace mkrp::workflow
