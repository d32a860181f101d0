// Agencies, people and their sign-ins: the use cases behind `mkrp agency add`, `mkrp user add`,
// the demo accounts and the service's sign-in, session and sign-out.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "store/records.h"
#include "workflow/actor.h"
#include "workflow/secrets.h"

namespace mkrp::store {
class Store;
}

namespace mkrp::workflow {

class Clock;

struct AccountsOptions {
  // A session ends after this long without a request...
  std::chrono::minutes sessionIdle{120};
  // ...and in any case this long after sign-in.
  std::chrono::minutes sessionMax{12 * 60};
  // Failed sign-ins allowed per email address, and per network address, within failureWindow.
  int maxFailuresPerEmail = 5;
  int maxFailuresPerAddress = 50;
  std::chrono::minutes failureWindow{15};
  // The cost of new password hashes.
  PasswordCost passwordCost = PasswordCost::interactive();
};

// What a successful sign-in hands to the browser. `token` goes in the session cookie and is
// stored only as its hash; `csrf` must come back in the X-CSRF-Token header.
struct SignedIn {
  std::string token;
  std::string csrf;
  store::User user;
  store::TimePoint expiresAt;
};

// A live session, as a request sees it.
struct Session {
  Actor actor;
  std::string email;
  std::string csrf;
  store::TimePoint expiresAt;
};

// The demo accounts of `mkrp serve --demo`. The passwords are new each time; they are shown once
// and stored only as hashes.
struct DemoAccounts {
  store::Agency agency;
  std::string agencyEmail;
  std::string agencyPassword;
  std::string reviewerEmail;
  std::string reviewerPassword;
};

// Thread-safe: one Accounts serves every request.
class Accounts {
 public:
  // Keeps references to `store` and `clock`; both must outlive it.
  Accounts(store::Store& store, const Clock& clock, AccountsOptions options = {});

  // Adds an agency. Throws InvalidRequestException when the name is empty, the state is not two
  // letters or the ORI is malformed (the message says which). `by` is recorded in the audit log
  // (empty: the command line).
  store::Agency addAgency(store::NewAgency agency, std::optional<store::Id> by = std::nullopt);

  // Adds a person with a hash of `password`. Throws InvalidRequestException for a malformed
  // email, a password that breaks checkPasswordRules, or an agency given for a reviewer or admin
  // (or missing for agency staff); core::ConflictException when the email is taken;
  // core::NotFoundException when the agency does not exist.
  store::User addUser(std::string_view email, store::Role role, std::optional<store::Id> agencyId,
                      std::string_view password, std::optional<store::Id> by = std::nullopt);

  // Signs in. Throws NotSignedInException when the email or password is wrong (the message does
  // not say which), TooManyAttemptsException when this email or `address` failed too often
  // recently (even if the password is right this time).
  SignedIn signIn(std::string_view email, std::string_view password, std::string_view address);

  // The session of `token`, extended when it is in use, or nothing when there is none or it has
  // expired.
  std::optional<Session> session(std::string_view token);

  // Ends the session of `token`. Nothing happens when there is none.
  void signOut(std::string_view token);

  // Creates the demo agency and the demo agency and reviewer accounts when missing, and gives
  // both accounts new random passwords (signing out their sessions). Idempotent otherwise.
  DemoAccounts ensureDemoAccounts();

 private:
  void refuseWhenThrottled(std::string_view email, std::string_view address, store::TimePoint now);
  store::User setDemoUser(std::string_view email, store::Role role,
                          std::optional<store::Id> agencyId, const std::string& password);

  store::Store& store_;
  const Clock& clock_;
  AccountsOptions options_;
  const std::string& dummyHash();

  // Verified against when the email is unknown, so that both failures take as long; made on
  // first use, so commands that sign nobody in do not pay for it.
  std::once_flag dummyOnce_;
  std::string dummyHash_;
};

// The role an Actor acting for `user` has: its role and, for agency staff, its agency.
Actor actorOf(const store::User& user);

}  // namespace mkrp::workflow
