#include "workflow/secrets.h"

#include <Poco/Exception.h>
#include <sodium.h>

#include <string>

#include "workflow/errors.h"

namespace mkrp::workflow {
namespace {

constexpr std::size_t kMaxPasswordLength = 256;

// sodium_init is idempotent and thread-safe; calling it once per process is enough.
void ensureSodium() {
  static const int ready = sodium_init();
  if (ready < 0) throw Poco::SystemException("libsodium could not be initialised");
}

std::string toHex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

PasswordCost PasswordCost::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::minimal() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

void checkPasswordRules(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    throw InvalidRequestException("The password must be at least " +
                                  std::to_string(kMinPasswordLength) +
                                  " characters long. A few unrelated words make a good one.");
  }
  if (password.size() > kMaxPasswordLength) {
    throw InvalidRequestException("The password must be at most " +
                                  std::to_string(kMaxPasswordLength) + " characters long.");
  }
}

std::string hashPassword(std::string_view password, const PasswordCost& cost) {
  ensureSodium();
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), cost.opsLimit, cost.memLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw Poco::OutOfMemoryException("not enough memory to hash a password");
  }
  return encoded;
}

bool verifyPassword(std::string_view encodedHash, std::string_view password) {
  ensureSodium();
  if (encodedHash.empty() || encodedHash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(encodedHash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string randomHex(std::size_t bytes) {
  ensureSodium();
  std::string buffer(bytes, '\0');
  randombytes_buf(buffer.data(), buffer.size());
  return toHex(reinterpret_cast<const unsigned char*>(buffer.data()), buffer.size());
}

std::string randomPassword(std::size_t length) {
  ensureSodium();
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string password;
  password.reserve(length);
  for (std::size_t i = 0; i < length; ++i) {
    password += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  }
  return password;
}

std::string sha256Hex(std::string_view text) {
  ensureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return toHex(digest, sizeof digest);
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace mkrp::workflow
