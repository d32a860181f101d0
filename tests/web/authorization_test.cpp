// The authorization matrix: every endpoint, for every kind of caller, against one submitted
// application of agency A. Each row starts from a fresh service, and the callers go in an order
// that puts any call that changes the application last.
#include <catch2/catch.hpp>

#include "service_fixture.h"

namespace mkrp::web::testing {
namespace {

enum Caller { Anonymous, OwnAgency, OtherAgency, Admin, Reviewer, kCallers };

struct Row {
  std::string method;
  std::string path;  // {id} is the application, {doc} its document
  std::string body;
  int expected[kCallers];  // anonymous, own agency, other agency, admin, reviewer
};

const Row kMatrix[] = {
    {"GET", "/applications", "", {401, 200, 200, 403, 403}},
    {"POST", "/applications", R"({"type":"initial"})", {401, 409, 201, 403, 403}},
    {"GET", "/applications/{id}", "", {401, 200, 404, 200, 200}},
    {"POST", "/applications/{id}/documents", "upload", {401, 409, 404, 403, 403}},
    {"DELETE", "/applications/{id}/documents/{doc}", "", {401, 409, 404, 403, 403}},
    {"POST", "/applications/{id}/submit", "{}", {401, 409, 404, 403, 403}},
    {"POST", "/applications/{id}/roster", "upload", {401, 409, 404, 403, 403}},
    // The submitted application has no roster: nobody finds one, only staff of its agency may
    // change it, and not once submitted.
    {"GET", "/applications/{id}/roster", "", {401, 404, 404, 404, 404}},
    {"DELETE", "/applications/{id}/roster", "", {401, 409, 404, 403, 403}},
    {"GET", "/roster-template.csv?kind=le", "", {200, 200, 200, 200, 200}},
    {"POST", "/applications/{id}/withdraw", "{}", {401, 409, 404, 403, 403}},
    // The fixture's stand-in PDF is not a real one: who may have the highlighted copy gets the
    // clear refusal (422) from the sandboxed annotator; everyone else is stopped before it.
    {"GET", "/applications/{id}/documents/{doc}/annotated.pdf", "", {401, 422, 404, 422, 422}},
    {"GET", "/queue", "", {401, 403, 403, 200, 200}},
    {"POST", "/applications/{id}/release", "{}", {401, 403, 403, 403, 409}},
    {"PUT",
     "/applications/{id}/items/LE-01",
     R"({"decision":"accepted"})",
     {401, 403, 403, 403, 409}},
    {"POST", "/applications/{id}/decision", R"({"decision":"approve"})", {401, 403, 403, 403, 409}},
    {"POST", "/applications/{id}/claim", "{}", {401, 403, 403, 403, 200}},
    {"GET", "/session", "", {401, 200, 200, 200, 200}},
    {"POST", "/logout", "{}", {204, 204, 204, 204, 204}},
};

std::string fill(std::string path, store::Id id, store::Id doc) {
  for (const auto& [name, value] : {std::pair{std::string("{id}"), id}, {"{doc}", doc}}) {
    if (const auto at = path.find(name); at != std::string::npos) {
      path.replace(at, name.size(), std::to_string(value));
    }
  }
  return path;
}

Reply call(Client& client, const Row& row, store::Id id, store::Id doc) {
  const std::string path = api(fill(row.path, id, doc));
  if (row.body == "upload") {
    return client.upload(path, "a.pdf", workflow::testing::fakePdf("Policy."));
  }
  return client.send(row.method, path, row.body, row.body.empty() ? "" : "application/json");
}

TEST_CASE("authorization matrix: endpoint x caller x own or other agency", "[web]") {
  for (const Row& row : kMatrix) {
    Service s;
    const store::Agency a = s.addAgency("Harlow PD");
    const store::Agency b = s.addAgency("Calder County SO");
    const workflow::Actor staff = s.addStaff(a.id, "a@harlow.test");
    s.addStaff(b.id, "b@calder.test");
    s.addReviewer("admin@mkrp.test", store::Role::Admin);
    s.addReviewer("reviewer@mkrp.test");
    const store::Application application = s.submitted(staff);
    const store::Id doc = s.store.documents().listForRound(application.id, 1).at(0).id;
    Client callers[kCallers] = {s.client(), s.signedIn("a@harlow.test"),
                                s.signedIn("b@calder.test"), s.signedIn("admin@mkrp.test"),
                                s.signedIn("reviewer@mkrp.test")};
    for (int caller = 0; caller < kCallers; ++caller) {
      const Reply reply = call(callers[caller], row, application.id, doc);
      INFO(row.method << " " << row.path << " as caller " << caller << ": " << reply.body);
      CHECK(reply.status == row.expected[caller]);
    }
  }
}

}  // namespace
}  // namespace mkrp::web::testing
