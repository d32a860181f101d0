// How strongly a passage requires what it says: "shall" versus "should" versus "may", and the
// qualifiers that weaken a duty ("when practical", "if available", "as time permits").
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "check/text/token.h"

namespace mkrp::check::text {

enum class Modality {
  None,         // no duty word governs the span: a definition, a description, a heading
  Mandatory,    // "shall", "will", "must", "is required to", "are to", "is responsible for",
                // "has to", prohibitions ("shall not", "may not", "cannot", "is not permitted"),
                // and an imperative ("Enter the child into NCIC", "Do not ...", "Never ...")
  Recommended,  // "should", "ought to", "is encouraged to", "is expected to", "is recommended"
  Permissive,   // "may", "can", "could", "might", "is authorized to", "at the discretion of",
                // "is optional", "need not", "is not required"
};

// Words that decided something, with a stable name for the reason text ("shall", "may not",
// "imperative", "when practical").
struct ModalCue {
  TokenRange tokens;
  std::string_view name;  // points to static storage
};

struct ModalityReading {
  Modality modality = Modality::None;
  std::optional<ModalCue> verb;  // the modal words or the imperative verb behind `modality`
  // Qualifiers in the same clause that weaken a duty: "if|when|where available|possible|
  // practical|feasible|appropriate|applicable|necessary", "as needed", "when staffing permits",
  // "subject to available resources", "if time permits", "as soon as practical", "consider"
  // (not "be considered"), "attempt to", "make every effort", "generally", "to the extent
  // possible", "when a unit becomes available".
  std::vector<ModalCue> hedges;
  TokenRange clause;  // the clause that was read (clause.h)

  // A full duty: Mandatory and not hedged.
  bool isFullDuty() const { return modality == Modality::Mandatory && hedges.empty(); }
};

// Reads the modality governing `span` in its clause. The governing modal is the nearest modal
// words at or before the span in the clause, else the nearest after it ("Entry into NCIC within
// two hours is required"). With no modal words, an imperative verb at the start of the clause
// (after a list label or an adverb like "immediately"), or right after a leading "If/When/Upon
// ...," clause, makes it Mandatory. "May" written as a month ("May 2019") is not a modal. REQUIRES:
// span is non-empty and inside tokens. Thread-safe.
ModalityReading modalityOf(std::span<const Token> tokens, TokenRange span);

}  // namespace mkrp::check::text
