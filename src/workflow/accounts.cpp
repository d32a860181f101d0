#include "workflow/accounts.h"

#include <algorithm>
#include <cctype>

#include "core/errors.h"
#include "store/store.h"
#include "workflow/audit.h"
#include "workflow/clock.h"
#include "workflow/errors.h"

namespace mkrp::workflow {
namespace {

constexpr std::string_view kDemoAgencyName = "Demo County Sheriff's Office";
constexpr std::string_view kDemoAgencyEmail = "agency@demo.mkrp.test";
constexpr std::string_view kDemoReviewerEmail = "reviewer@demo.mkrp.test";
constexpr std::size_t kDemoPasswordLength = 16;
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMaxEmailLength = 254;

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

bool allOf(std::string_view text, int (*test)(int)) {
  return std::all_of(text.begin(), text.end(), [test](unsigned char c) { return test(c) != 0; });
}

// One '@' with something on both sides, a dot in the domain, no spaces. Deliverability is the
// mail server's business.
bool looksLikeEmail(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view domain = email.substr(at + 1);
  const std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  return email.size() <= kMaxEmailLength &&
         std::none_of(email.begin(), email.end(),
                      [](unsigned char c) { return std::isspace(c) || std::iscntrl(c); });
}

void validateAgency(store::NewAgency& agency) {
  agency.name = trimmed(agency.name);
  agency.state = upper(trimmed(agency.state));
  agency.city = trimmed(agency.city);
  agency.ori = upper(trimmed(agency.ori));
  if (agency.name.empty()) throw InvalidRequestException("Give the agency's name.");
  if (agency.state.size() != 2 || !allOf(agency.state, std::isalpha)) {
    throw InvalidRequestException("The state must be its two-letter postal code, such as VA.");
  }
  if (!agency.ori.empty() && (agency.ori.size() != 9 || !allOf(agency.ori, std::isalnum))) {
    throw InvalidRequestException(
        "The ORI must be the nine letters and digits the FBI assigned, such as VA0010000.");
  }
}

void validateRoleAndAgency(store::Role role, const std::optional<store::Id>& agencyId) {
  if (role == store::Role::Agency && !agencyId) {
    throw InvalidRequestException("Agency staff need the agency they work for (--agency ID).");
  }
  if (role != store::Role::Agency && agencyId) {
    throw InvalidRequestException("Only agency staff belong to an agency; leave the agency out.");
  }
}

}  // namespace

Actor actorOf(const store::User& user) { return Actor{user.id, user.role, user.agencyId}; }

Accounts::Accounts(store::Store& store, const Clock& clock, AccountsOptions options)
    : store_(store), clock_(clock), options_(options) {}

const std::string& Accounts::dummyHash() {
  std::call_once(dummyOnce_,
                 [this] { dummyHash_ = hashPassword(randomHex(16), options_.passwordCost); });
  return dummyHash_;
}

store::Agency Accounts::addAgency(store::NewAgency agency, std::optional<store::Id> by) {
  validateAgency(agency);
  const store::TimePoint now = clock_.now();
  return store::inTransaction(store_, [&](store::Store& tx) {
    store::Agency added = tx.agencies().add(agency, now);
    detail::audit(tx, now, by, "agency.created", "agency", added.id,
                  detail::Details().add("name", added.name).add("kind", toString(added.kind)));
    return added;
  });
}

store::User Accounts::addUser(std::string_view email, store::Role role,
                              std::optional<store::Id> agencyId, std::string_view password,
                              std::optional<store::Id> by) {
  store::NewUser user;
  user.email = trimmed(email);
  if (!looksLikeEmail(user.email)) {
    throw InvalidRequestException("'" + user.email +
                                  "' is not an email address. Write it as name@example.org.");
  }
  validateRoleAndAgency(role, agencyId);
  checkPasswordRules(password);
  user.role = role;
  user.agencyId = agencyId;
  user.passwordHash = hashPassword(password, options_.passwordCost);
  const store::TimePoint now = clock_.now();
  return store::inTransaction(store_, [&](store::Store& tx) {
    store::User added = tx.users().add(user, now);
    detail::audit(tx, now, by, "user.created", "user", added.id,
                  detail::Details().add("email", added.email).add("role", toString(role)));
    return added;
  });
}

void Accounts::refuseWhenThrottled(std::string_view email, std::string_view address,
                                   store::TimePoint now) {
  const store::TimePoint since = now - options_.failureWindow;
  store::LoginAttemptRepository& attempts = store_.loginAttempts();
  if (attempts.failuresForEmail(email, since) >= options_.maxFailuresPerEmail ||
      attempts.failuresFromIp(address, since) >= options_.maxFailuresPerAddress) {
    throw TooManyAttemptsException(
        "Too many failed sign-ins. Wait " + std::to_string(options_.failureWindow.count()) +
        " minutes and try again, or ask the program to reset your password.");
  }
}

SignedIn Accounts::signIn(std::string_view email, std::string_view password,
                          std::string_view address) {
  const store::TimePoint now = clock_.now();
  const std::string key = store::emailKey(email);
  refuseWhenThrottled(key, address, now);
  const std::optional<store::User> user = store_.users().findByEmail(key);
  // Verify against a dummy hash for an unknown email, so both failures take the same time.
  const bool valid = verifyPassword(user ? user->passwordHash : dummyHash(), password) && user;
  if (!valid) {
    store_.loginAttempts().recordFailure(key, address, now);
    throw NotSignedInException("The email address or the password is not right. Try again.");
  }
  store_.loginAttempts().clearEmail(key);
  SignedIn signedIn{randomHex(kTokenBytes), randomHex(kTokenBytes), *user,
                    now + options_.sessionIdle};
  signedIn.expiresAt = std::min(signedIn.expiresAt, now + options_.sessionMax);
  store::LoginSession session{sha256Hex(signedIn.token), user->id, signedIn.csrf, now,
                              signedIn.expiresAt};
  store_.sessions().create(session);
  return signedIn;
}

std::optional<Session> Accounts::session(std::string_view token) {
  if (token.empty()) return std::nullopt;
  const store::TimePoint now = clock_.now();
  const std::string hash = sha256Hex(token);
  std::optional<store::LoginSession> found = store_.sessions().find(hash, now);
  if (!found) return std::nullopt;
  std::optional<store::User> user;
  try {
    user = store_.users().get(found->userId);
  } catch (const core::NotFoundException&) {
    return std::nullopt;  // the account is gone; its sessions go with it
  }
  // Slide the expiry, but write at most about once a minute per session.
  const store::TimePoint slid =
      std::min(now + options_.sessionIdle, found->createdAt + options_.sessionMax);
  if (slid - found->expiresAt > std::chrono::minutes(1) && store_.sessions().extend(hash, slid)) {
    found->expiresAt = slid;
  }
  return Session{actorOf(*user), user->email, found->csrfToken, found->expiresAt};
}

void Accounts::signOut(std::string_view token) {
  if (!token.empty()) store_.sessions().remove(sha256Hex(token));
}

store::User Accounts::setDemoUser(std::string_view email, store::Role role,
                                  std::optional<store::Id> agencyId, const std::string& password) {
  if (const std::optional<store::User> existing = store_.users().findByEmail(email)) {
    store_.users().setPasswordHash(existing->id, hashPassword(password, options_.passwordCost));
    store_.sessions().removeForUser(existing->id);
    return *existing;
  }
  return addUser(email, role, agencyId, password);
}

DemoAccounts Accounts::ensureDemoAccounts() {
  DemoAccounts demo;
  std::optional<store::Agency> agency;
  for (const store::Agency& candidate : store_.agencies().list()) {
    if (candidate.name == kDemoAgencyName) agency = candidate;
  }
  if (!agency) {
    agency = addAgency(store::NewAgency{std::string(kDemoAgencyName),
                                        store::AgencyKind::LawEnforcement, "VA", "Demo City", ""});
  }
  demo.agency = *agency;
  demo.agencyEmail = kDemoAgencyEmail;
  demo.agencyPassword = randomPassword(kDemoPasswordLength);
  demo.reviewerEmail = kDemoReviewerEmail;
  demo.reviewerPassword = randomPassword(kDemoPasswordLength);
  setDemoUser(demo.agencyEmail, store::Role::Agency, agency->id, demo.agencyPassword);
  setDemoUser(demo.reviewerEmail, store::Role::Reviewer, std::nullopt, demo.reviewerPassword);
  return demo;
}

}  // namespace mkrp::workflow
