#include "check/text/modality.h"

#include <catch2/catch.hpp>

#include "text_test_support.h"

namespace mkrp::check::text {
namespace {

using testing::find;

struct Case {
  std::string_view sentence;
  std::string_view span;
  Modality modality;
  std::string_view verb;    // the cue name; empty for None
  std::string_view hedges;  // hedge names joined by ';'
};

std::string hedgeNames(const ModalityReading& reading) {
  std::string names;
  for (const ModalCue& hedge : reading.hedges) {
    if (!names.empty()) names += ';';
    names += hedge.name;
  }
  return names;
}

void checkCases(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    INFO("sentence: " << c.sentence << "\nspan: " << c.span);
    const auto tokens = tokenize(c.sentence);
    const TokenRange span = find(tokens, c.span);
    REQUIRE_FALSE(span.empty());
    const ModalityReading reading = modalityOf(tokens, span);
    CHECK(reading.modality == c.modality);
    CHECK(reading.verb.has_value() == !c.verb.empty());
    if (reading.verb) CHECK(reading.verb->name == c.verb);
    CHECK(hedgeNames(reading) == c.hedges);
  }
}

constexpr auto kMandatory = Modality::Mandatory;
constexpr auto kRecommended = Modality::Recommended;
constexpr auto kPermissive = Modality::Permissive;
constexpr auto kNoModal = Modality::None;

TEST_CASE("modality reads duty words", "[check][text][modality]") {
  checkCases({
      {"Officers shall enter the child into NCIC within two hours.", "enter", kMandatory, "shall",
       ""},
      {"The officer will notify the supervisor.", "supervisor", kMandatory, "will", ""},
      {"Officers must obtain a photograph.", "photograph", kMandatory, "must", ""},
      {"Officers are required to notify NCMEC.", "ncmec", kMandatory, "is required", ""},
      {"Officers are to notify the watch commander.", "watch commander", kMandatory, "are to", ""},
      {"The on-duty supervisor is responsible for ensuring entry.", "entry", kMandatory,
       "is responsible for", ""},
      {"It is the policy of this department to investigate all reports.", "investigate", kMandatory,
       "it is the policy", ""},
      {"Entry into NCIC within two hours is required.", "entry", kMandatory, "is required", ""},
      {"Review of calls shall occur monthly.", "review", kMandatory, "shall", ""},
      {"All missing children shall be considered at risk.", "at risk", kMandatory, "shall", ""},
      {"Officers may not refuse a report.", "refuse", kMandatory, "may not", ""},
      {"Officers cannot refuse a report.", "refuse", kMandatory, "cannot", ""},
      {"Officers will not wait for a photograph.", "photograph", kMandatory, "will not", ""},
  });
}

TEST_CASE("modality reads instructions as duties", "[check][text][modality]") {
  checkCases({
      {"Enter the child into NCIC.", "ncic", kMandatory, "imperative", ""},
      {"Immediately notify the supervisor.", "supervisor", kMandatory, "imperative", ""},
      {"Do not delay the broadcast.", "broadcast", kMandatory, "do not", ""},
      {"Never close a record on a phone call.", "record", kMandatory, "never", ""},
      {"If the child is under 13, notify the supervisor.", "supervisor", kMandatory, "imperative",
       ""},
      {"Upon arrival, interview the reporting party.", "reporting party", kMandatory, "imperative",
       ""},
      {"1. Enter the child into NCIC.", "ncic", kMandatory, "imperative", ""},
      {"(a) Obtain a recent photograph.", "photograph", kMandatory, "imperative", ""},
      {"Enter the child and notify NCMEC.", "ncmec", kMandatory, "imperative", ""},
      {"Consider notifying NCMEC.", "ncmec", kMandatory, "imperative", "consider"},
  });
}

TEST_CASE("modality reads weaker words", "[check][text][modality]") {
  checkCases({
      {"Officers should consider notifying NCMEC.", "ncmec", kRecommended, "should", "consider"},
      {"Officers should not wait.", "wait", kRecommended, "should not", ""},
      {"Officers are encouraged to contact NCMEC.", "ncmec", kRecommended, "is encouraged", ""},
      {"The call-taker is expected to screen the call.", "screen", kRecommended, "is expected to",
       ""},
      {"NCMEC may be contacted.", "ncmec", kPermissive, "may", ""},
      {"The officer can request a K-9 unit.", "k 9", kPermissive, "can", ""},
      {"Officers are authorized to request air support.", "air support", kPermissive,
       "is authorized to", ""},
      {"Officers need not wait.", "wait", kPermissive, "need not", ""},
      {"A custody order is not required.", "custody order", kPermissive, "is not required", ""},
      {"At the discretion of the supervisor, a canine unit may be requested.", "canine",
       kPermissive, "at the discretion of", ""},
  });
}

TEST_CASE("modality lists the hedges that weaken a duty", "[check][text][modality]") {
  checkCases({
      {"Officers shall, when practical, enter the child.", "enter", kMandatory, "shall",
       "when practical"},
      {"A photo shall be obtained if available.", "photo", kMandatory, "shall", "if available"},
      {"Supervisors shall respond as appropriate.", "respond", kMandatory, "shall",
       "as appropriate"},
      {"Officers shall check records as applicable.", "records", kMandatory, "shall",
       "as applicable"},
      {"A second unit will respond when staffing permits.", "respond", kMandatory, "will",
       "when staffing permits"},
      {"Searches will be conducted subject to available resources.", "searches", kMandatory, "will",
       "subject to available resources"},
      {"The reviewer will audit calls if time permits.", "audit", kMandatory, "will",
       "if time permits"},
      {"The child shall be entered as soon as practicable.", "entered", kMandatory, "shall",
       "as soon as practical"},
      {"Officers shall make every effort to locate the child.", "locate", kMandatory, "shall",
       "make every effort"},
      {"Officers will attempt to locate witnesses where possible.", "witnesses", kMandatory, "will",
       "attempt to;when possible"},
      {"Personnel will generally respond within one hour.", "respond", kMandatory, "will",
       "generally"},
      {"Dispatch a unit when a unit becomes available.", "dispatch", kMandatory, "imperative",
       "when a unit becomes available"},
  });
}

TEST_CASE("modality finds no duty in definitions and descriptions", "[check][text][modality]") {
  checkCases({
      {"Missing child: any person under 18 whose whereabouts are unknown.", "person", kNoModal, "",
       ""},
      {"The report was filed in May 2019.", "report", kNoModal, "", ""},
      {"Report forms are kept in the lobby.", "forms", kNoModal, "", ""},
      {"Phone reports are not accepted.", "phone reports", kNoModal, "", ""},
  });
}

TEST_CASE("modality reads only the clause of the span", "[check][text][modality]") {
  checkCases({
      {"Officers shall enter the child; the supervisor may notify NCMEC.", "ncmec", kPermissive,
       "may", ""},
      {"Officers shall enter the child; the supervisor may notify NCMEC.", "enter", kMandatory,
       "shall", ""},
      {"Officers shall enter the child; if time permits, notify NCMEC.", "enter", kMandatory,
       "shall", ""},
      {"May 2019: officers shall respond.", "respond", kMandatory, "shall", ""},
  });
}

TEST_CASE("a full duty is mandatory and unhedged", "[check][text][modality]") {
  const auto tokens =
      tokenize("Officers shall, when practical, enter the child. Officers shall enter.");
  CHECK_FALSE(modalityOf(tokens, find(tokens, "enter the child")).isFullDuty());
  const auto second = find(tokens, "enter", 6);
  CHECK(modalityOf(tokens, second).isFullDuty());
}

}  // namespace
}  // namespace mkrp::check::text
