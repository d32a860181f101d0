#include "workflow/secrets.h"

#include <catch2/catch.hpp>

#include "workflow/errors.h"

namespace mkrp::workflow {
namespace {

TEST_CASE("a password verifies against its Argon2id hash", "[workflow]") {
  const std::string hash = hashPassword("correct horse battery", PasswordCost::minimal());
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(verifyPassword(hash, "correct horse battery"));
}

TEST_CASE("a wrong password does not verify", "[workflow]") {
  const std::string hash = hashPassword("correct horse battery", PasswordCost::minimal());
  CHECK_FALSE(verifyPassword(hash, "correct horse batterz"));
}

TEST_CASE("a hash that is not one never verifies", "[workflow]") {
  CHECK_FALSE(verifyPassword("", "anything"));
  CHECK_FALSE(verifyPassword("plain text", "plain text"));
}

TEST_CASE("the same password hashes differently each time", "[workflow]") {
  CHECK(hashPassword("correct horse battery", PasswordCost::minimal()) !=
        hashPassword("correct horse battery", PasswordCost::minimal()));
}

TEST_CASE("a short password is refused with the rule", "[workflow]") {
  REQUIRE_THROWS_AS(checkPasswordRules("short"), InvalidRequestException);
  REQUIRE_THROWS_WITH(checkPasswordRules("short"),
                      "The password must be at least 12 characters long. A few unrelated words "
                      "make a good one.");
  CHECK_NOTHROW(checkPasswordRules("twelve chars"));
}

TEST_CASE("random tokens are hex of the asked length and differ", "[workflow]") {
  const std::string token = randomHex(32);
  CHECK(token.size() == 64);
  CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(randomHex(32) != token);
}

TEST_CASE("random passwords avoid look-alike characters", "[workflow]") {
  const std::string password = randomPassword(200);
  CHECK(password.size() == 200);
  CHECK(password.find_first_of("0O1lI") == std::string::npos);
}

TEST_CASE("sha256Hex matches the known digest of 'abc'", "[workflow]") {
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("constantTimeEquals compares content and length", "[workflow]") {
  CHECK(constantTimeEquals("abc", "abc"));
  CHECK_FALSE(constantTimeEquals("abc", "abd"));
  CHECK_FALSE(constantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace mkrp::workflow
