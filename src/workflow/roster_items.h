// Internal: the training roster beside the directives' pre-check. The roster's findings
// (check::roster) become items of the same report JSON the pages and the API show, so agency
// staff and reviewers see and decide them like the directive items. Pure: no store, no clock.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/roster/roster.h"
#include "core/report.h"
#include "store/records.h"
#include "workflow/errors.h"

namespace mkrp::workflow::detail {

// The calendar day (UTC) of `at`.
check::roster::Date dayOf(store::TimePoint at);

// The renewal's "since membership began" for an application of `type` whose agency's newest
// membership is `latest`: nothing for an initial application; for a renewal the day the
// membership started (store::Membership::startedAt, kept through renewals and reinstatements:
// the day the agency joined). A renewal with no membership on record (or only a withdrawn one)
// gets 1900-01-01, so nobody can be shown to predate membership and everyone is checked.
std::optional<check::roster::Date> renewalSinceFor(store::ApplicationType type,
                                                   const std::optional<store::Membership>& latest);

// The training items for `csv` (the stored roster) checked with `options`. Without a roster every
// item of the agency kind (and renewal or not) is `missing`, saying to upload the roster. A
// stored roster that no longer reads (it was read on upload) makes them `could_not_check`.
std::vector<core::Finding> trainingFindings(const std::optional<std::string>& csv,
                                            const check::roster::CheckOptions& options);

// `reportJson` (render::reportToJson) with `findings` appended to its items (in the same shape,
// with a title from check::roster::itemTitle) and its summary counting them too. Each roster evidence
// object also carries "document": -1 and "row": N, so nobody matches it to a directive's text.
// Throws Poco::JSON::JSONException or Poco::SyntaxException when the JSON is not a report.
std::string withTrainingItems(const std::string& reportJson,
                              const std::vector<core::Finding>& findings);

// The roster problems as the workflow's exception carries them.
std::vector<RosterFileProblem> fileProblems(
    const std::vector<check::roster::RosterProblem>& problems);

// "The training roster was not stored: 3 problems. row 3, column assigned: bad date ...".
std::string rejectionMessage(const std::vector<check::roster::RosterProblem>& problems);

// The template CSV an agency fills in (templates/roster/roster-template-le.csv or -psap.csv): the
// columns name, position, assigned and every module code, and three example rows for its kind of
// agency showing the accepted forms (a common title, a quoted list of positions, an empty assigned
// date). Its rows pass parseRoster for `kind` on any day from 2023-03-01 on.
std::string rosterTemplateCsv(store::AgencyKind kind);

}  // namespace mkrp::workflow::detail
