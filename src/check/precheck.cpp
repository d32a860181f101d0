#include "check/precheck.h"

#include <algorithm>
#include <deque>
#include <optional>

#include "check/engine/document_index.h"
#include "check/engine/evaluator.h"
#include "check/engine/program.h"

namespace mkrp::check {
namespace {

using engine::CompiledItem;
using engine::CompiledPattern;
using engine::DocumentIndex;
using engine::Evaluator;
using engine::Match;
using engine::Program;
using engine::Range;
using engine::RuleKind;

// How sure the pre-check is of each status. A match that rests on one sentence is surer than one
// assembled from a whole section; a contradiction rests on narrow rules but can be misread.
constexpr double kMetConfidence = 0.9;
constexpr double kMetWideConfidence = 0.8;
constexpr double kPartialConfidence = 0.7;
constexpr double kContradictedConfidence = 0.8;
constexpr double kContradictedAndMetConfidence = 0.7;
constexpr double kMissingConfidence = 0.8;
constexpr double kDerivedConfidence = 0.8;
constexpr double kCertain = 1.0;
constexpr double kPartlyReadableConfidence = 0.6;

constexpr std::size_t kMaxSpansPerHit = 4;
constexpr std::size_t kMaxContradictionHits = 2;
constexpr std::size_t kMaxQuote = 120;

// One match of one pattern, with its evidence as a reviewer sees it.
struct Hit {
  const CompiledPattern* pattern = nullptr;
  std::vector<core::EvidenceSpan> spans;
  std::size_t quoted = 0;  // the span a reason quotes: the first that is not a heading
  std::string note;
  std::vector<std::string> missing;
  std::string hedge;  // the hedging words, when the match is hedged
  bool wide = false;  // the match spans more than one sentence
};

// What one evidence item found over all documents of the submission.
struct Found {
  std::vector<Hit> contradicts;
  std::optional<Hit> met;
  std::optional<Hit> weak;  // a meets match that is hedged or an incomplete list
  std::optional<Hit> partial;
};

// One document being checked.
struct Reading {
  const core::SubmittedFile* file = nullptr;
  int number = 0;
  DocumentIndex index;
  Evaluator evaluator;

  Reading(const core::SubmittedFile& submitted, int position, const Program& program)
      : file(&submitted),
        number(position),
        index(submitted.document, program),
        evaluator(program, index) {}
};

std::string collapseSpaces(std::string_view text) {
  std::string out(text.size(), '\0');  // written in place, then cut to what was written
  std::size_t size = 0;
  for (const char c : text) {
    const bool blank = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (!blank) {
      out[size++] = c;
    } else if (size > 0 && out[size - 1] != ' ') {
      out[size++] = ' ';
    }
  }
  while (size > 0 && out[size - 1] == ' ') --size;
  out.resize(size);
  return out;
}

// The passage in quotes, cut at a word (and never inside a UTF-8 character) when long.
std::string quote(std::string_view text) {
  std::string flat = collapseSpaces(text);
  if (flat.size() > kMaxQuote) {
    std::size_t cut = flat.rfind(' ', kMaxQuote);
    if (cut == std::string::npos || cut < kMaxQuote / 2) cut = kMaxQuote;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
    flat = flat.substr(0, cut) + "...";
  }
  return "'" + flat + "'";
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// Reads a submission once; then reports it for one agency kind after another. What rules find in
// the text does not depend on the kind, so evidence findings are decided once for all kinds.
class Checker {
 public:
  Checker(const Program& program, const std::vector<core::SubmittedFile>& files)
      : program_(program), multiFile_(files.size() > 1), evidence_(program.items.size()) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      readings_.emplace_back(files[i], static_cast<int>(i), program);
    }
    findUnreadable(files);
  }

  core::Report report(core::AgencyKind kind) {
    kind_ = kind;
    core::Report report;
    report.kind = kind_;
    std::vector<bool> used(program_.editions.size(), false);
    for (const CompiledItem& item : program_.items) {
      if (item.appliesTo(kind_)) used[item.checklist] = true;
    }
    for (std::size_t i = 0; i < used.size(); ++i) {
      if (used[i]) report.checklists.push_back(program_.editions[i]);
    }
    findings_.assign(program_.items.size(), std::nullopt);
    for (std::size_t i = 0; i < program_.items.size(); ++i) report.findings.push_back(finding(i));
    return report;
  }

 private:
  // The finding of item `i`, computed once (derived and same-as items ask for others first; the
  // loader rejects circles).
  const core::Finding& finding(std::size_t i) {
    if (!findings_[i]) findings_[i] = decide(program_.items[i]);
    return *findings_[i];
  }

  const core::Finding* findingOf(const std::string& id) {
    const int index = program_.findItem(id);
    return index < 0 ? nullptr : &finding(static_cast<std::size_t>(index));
  }

  core::Finding decide(const CompiledItem& item) {
    core::Finding finding;
    finding.itemId = item.id;
    finding.severity = item.severity;
    if (!item.appliesTo(kind_)) {
      finding.status = core::Status::NotApplicable;
      finding.confidence = kCertain;
      finding.reason = kind_ == core::AgencyKind::LawEnforcement
                           ? "applies to 9-1-1 centers (PSAPs), not to law-enforcement agencies"
                           : "applies to law-enforcement agencies, not to 9-1-1 centers (PSAPs)";
      return finding;
    }
    if (noText()) {
      finding.status = core::Status::CouldNotCheck;
      finding.confidence = kCertain;
      finding.reason = readings_.empty() ? "no document was submitted"
                                         : "no text could be read from the submission: " +
                                               join(unreadable_, "; ");
      return finding;
    }
    switch (item.kind) {
      case RuleKind::Evidence:
        return evidenceFinding(item, std::move(finding));
      case RuleKind::Derived:
        return fromItems(item, std::move(finding));
      case RuleKind::SameAs:
        return sameAs(item, std::move(finding));
    }
    return finding;
  }

  bool noText() const {
    return std::none_of(readings_.begin(), readings_.end(),
                        [](const Reading& reading) { return reading.index.hasText(); });
  }

  // Unreadable parts of the submission: documents with no text and pages the reader could not
  // read, in words ("page 3 of scan.pdf has no text: it looks scanned").
  void findUnreadable(const std::vector<core::SubmittedFile>& files) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string name =
          files[i].name.empty() ? "document " + std::to_string(i + 1) : files[i].name;
      if (!readings_[i].index.hasText()) {
        unreadable_.push_back(name + " has no text that could be read");
        continue;
      }
      for (const std::string& warning : files[i].document.warnings) {
        if (warning.find("has no text") != std::string::npos ||
            warning.find("could not be read") != std::string::npos ||
            warning.find("No text was found") != std::string::npos) {
          unreadable_.push_back(name + ": " + warning);
        }
      }
    }
  }

  // ---- evidence items

  // The same for every kind the item applies to: decided once per submission.
  core::Finding evidenceFinding(const CompiledItem& item, core::Finding finding) {
    auto& decided = evidence_[static_cast<std::size_t>(&item - program_.items.data())];
    if (!decided) decided = fromEvidence(item, std::move(finding));
    return *decided;
  }

  core::Finding fromEvidence(const CompiledItem& item, core::Finding finding) {
    Found found;
    for (Reading& reading : readings_) search(item, reading, found);
    if (!found.contradicts.empty()) return contradicted(found, std::move(finding));
    if (found.met)
      return decided(*found.met, core::Status::Met, core::EvidenceRole::Meets, std::move(finding));
    if (found.weak)
      return decided(*found.weak, core::Status::Partial, core::EvidenceRole::Partial,
                     std::move(finding));
    if (found.partial)
      return decided(*found.partial, core::Status::Partial, core::EvidenceRole::Partial,
                     std::move(finding));
    return missing(std::move(finding));
  }

  void search(const CompiledItem& item, Reading& reading, Found& found) {
    Evaluator& evaluator = reading.evaluator;
    for (const CompiledPattern& pattern : item.contradicts) {
      // The finding shows the first few contradictions; more would change nothing.
      if (found.contradicts.size() == kMaxContradictionHits) break;
      if (const std::optional<Match> first = evaluator.stream(pattern.root).next()) {
        found.contradicts.push_back(hitOf(pattern, reading, *first));
      }
    }
    if (found.met) return;
    for (const CompiledPattern& pattern : item.meets) {
      Evaluator::Stream matches = evaluator.stream(pattern.root);
      while (const std::optional<Match> next = matches.next()) {
        const Match& match = *next;
        std::optional<Range> hedge;
        if (pattern.hedging == core::Hedging::Weakens) hedge = evaluator.hedgeOf(match);
        if (!match.partial && !hedge) {
          found.met = hitOf(pattern, reading, match);
          return;
        }
        if (!found.weak) {
          found.weak = hitOf(pattern, reading, match);
          if (hedge) found.weak->hedge = collapseSpaces(reading.index.textOf(*hedge));
        }
      }
    }
    if (found.weak || found.partial) return;
    for (const CompiledPattern& pattern : item.partial) {
      if (const std::optional<Match> first = evaluator.stream(pattern.root).next()) {
        found.partial = hitOf(pattern, reading, *first);
        return;
      }
    }
  }

  Hit hitOf(const CompiledPattern& pattern, const Reading& reading, const Match& match) const {
    Hit hit;
    hit.pattern = &pattern;
    const Evaluator& evaluator = reading.evaluator;
    if (const engine::Detail* detail = evaluator.detailOf(match)) {
      hit.note = detail->note;
      for (const std::string* name : evaluator.missingIn(*detail)) hit.missing.push_back(*name);
    }
    hit.wide = reading.index.sentenceOf(match.begin) != reading.index.sentenceOf(match.end - 1);
    hit.spans = evidenceOf(reading, evaluator.spansOf(match));
    const auto& blocks = reading.file->document.blocks;
    for (std::size_t i = 0; i < hit.spans.size(); ++i) {
      if (blocks[static_cast<std::size_t>(hit.spans[i].block)].kind != core::BlockKind::Heading) {
        hit.quoted = i;
        break;
      }
    }
    return hit;
  }

  // Token ranges as passages of block text: ranges in one sentence become one passage, from the
  // first word to the last, so a reviewer reads the words that matched in their context.
  std::vector<core::EvidenceSpan> evidenceOf(const Reading& reading,
                                             const std::vector<Range>& ranges) const {
    const DocumentIndex& index = reading.index;
    std::vector<Range> merged;
    for (const Range& range : ranges) {
      if (!merged.empty() &&
          index.sentenceOf(merged.back().begin) == index.sentenceOf(range.begin)) {
        merged.back().begin = std::min(merged.back().begin, range.begin);
        merged.back().end = std::max(merged.back().end, range.end);
        continue;
      }
      merged.push_back(range);
    }
    std::vector<core::EvidenceSpan> spans;
    for (const Range& range : merged) {
      if (spans.size() == kMaxSpansPerHit) break;
      const std::uint32_t block = index.blockOf(range.begin);
      const std::uint32_t last = index.blockOf(range.end - 1) == block
                                     ? range.end - 1
                                     : index.blocks()[block].tokens.end - 1;
      core::EvidenceSpan span;
      span.document = reading.number;
      span.file = reading.file->name;
      span.block = static_cast<int>(block);
      span.start = index.tokens()[range.begin].start;
      span.end = index.tokens()[last].end;
      span.label = index.labelOf(block);
      span.page = index.pageOf(block, span.start);
      span.text =
          reading.file->document.blocks[block].text.substr(span.start, span.end - span.start);
      spans.push_back(std::move(span));
    }
    return spans;
  }

  // ", in 4.2.1", ", in 4.2.1 (page 3 of directive.pdf)".
  std::string where(const core::EvidenceSpan& span) const {
    std::string place = span.label.empty() ? "" : ", in " + span.label;
    std::string source;
    if (span.page > 0) source = "page " + std::to_string(span.page);
    if (multiFile_ && !span.file.empty()) source += (source.empty() ? "" : " of ") + span.file;
    if (!source.empty())
      place += (place.empty() ? ", on " : " (") + source + (place.empty() ? "" : ")");
    return place;
  }

  std::string describe(const Hit& hit) const {
    std::string reason = hit.pattern->reason;
    if (!hit.hedge.empty()) reason += ", but the wording is hedged ('" + hit.hedge + "')";
    if (!hit.missing.empty()) reason += "; not found: " + join(hit.missing, ", ");
    if (hit.spans.empty()) return reason;
    const core::EvidenceSpan& span = hit.spans[hit.quoted];
    reason += ": " + (hit.note.empty() ? quote(span.text) : hit.note);
    return reason + where(span);
  }

  static void addEvidence(const Hit& hit, core::EvidenceRole role, core::Finding& finding) {
    for (core::EvidenceSpan span : hit.spans) {
      span.role = role;
      if (std::find(finding.evidence.begin(), finding.evidence.end(), span) ==
          finding.evidence.end()) {
        finding.evidence.push_back(std::move(span));
      }
    }
  }

  core::Finding decided(const Hit& hit, core::Status status, core::EvidenceRole role,
                        core::Finding finding) const {
    finding.status = status;
    finding.reason = describe(hit);
    addEvidence(hit, role, finding);
    if (status == core::Status::Met) {
      finding.confidence = hit.wide ? kMetWideConfidence : kMetConfidence;
    } else {
      finding.confidence = kPartialConfidence;
    }
    return finding;
  }

  // Contradiction wins; the finding shows the contradicting passage and any passage that meets.
  core::Finding contradicted(const Found& found, core::Finding finding) const {
    finding.status = core::Status::Contradicted;
    finding.reason = describe(found.contradicts.front());
    for (const Hit& hit : found.contradicts)
      addEvidence(hit, core::EvidenceRole::Contradicts, finding);
    const Hit* meets = found.met ? &*found.met : found.weak ? &*found.weak : nullptr;
    finding.confidence = kContradictedConfidence;
    if (meets && !meets->spans.empty()) {
      const core::EvidenceSpan& span = meets->spans[meets->quoted];
      finding.reason += "; elsewhere: " + quote(span.text) + where(span);
      addEvidence(*meets, found.met ? core::EvidenceRole::Meets : core::EvidenceRole::Partial,
                  finding);
      finding.confidence = kContradictedAndMetConfidence;
    }
    return finding;
  }

  // Nothing found: missing, unless part of the submission could not be read.
  core::Finding missing(core::Finding finding) const {
    if (!unreadable_.empty()) {
      finding.status = core::Status::CouldNotCheck;
      finding.confidence = kPartlyReadableConfidence;
      finding.reason =
          "not found in the text that could be read, but part of the submission "
          "could not be read: " +
          join(unreadable_, "; ");
      return finding;
    }
    finding.status = core::Status::Missing;
    finding.confidence = kMissingConfidence;
    finding.reason = "nothing in the submission addresses this item";
    return finding;
  }

  // ---- items decided from other items

  // all-met: contradicted when any `from` item is; missing when the required item is missing
  // (there is no provision to speak of) or every `from` item is; met when every `from` item is
  // met; partial otherwise.
  core::Finding fromItems(const CompiledItem& item, core::Finding finding) {
    std::vector<const core::Finding*> from;
    for (const std::string& id : item.from) {
      if (const core::Finding* found = findingOf(id)) from.push_back(found);
    }
    const core::Finding* required = item.required.empty() ? nullptr : findingOf(item.required);
    auto count = [&](core::Status status) {
      return std::count_if(from.begin(), from.end(),
                           [&](const core::Finding* f) { return f->status == status; });
    };
    auto list = [&](auto keep) {
      std::vector<std::string> ids;
      for (const core::Finding* f : from) {
        if (keep(*f)) ids.push_back(f->itemId + " " + std::string(core::toString(f->status)));
      }
      return join(ids, ", ");
    };
    const std::string follows = "follows " + join(item.from, ", ");
    const auto all = static_cast<std::ptrdiff_t>(from.size());
    if (count(core::Status::Contradicted) > 0) {
      finding.status = core::Status::Contradicted;
      finding.reason = follows + ": " + list([](const core::Finding& f) {
                         return f.status == core::Status::Contradicted;
                       });
      copyEvidence(from, core::Status::Contradicted, finding);
    } else if ((required && required->status == core::Status::Missing) ||
               count(core::Status::Missing) == all) {
      finding.status = core::Status::Missing;
      finding.reason = required && required->status == core::Status::Missing
                           ? follows + ", and " + required->itemId + " is missing"
                           : follows + ": all missing";
    } else if (all > 0 && count(core::Status::Met) == all) {
      finding.status = core::Status::Met;
      finding.reason = follows + ": all met";
      copyEvidence(from, core::Status::Met, finding);
    } else if ((required && required->status == core::Status::CouldNotCheck) ||
               count(core::Status::CouldNotCheck) + count(core::Status::Missing) == all) {
      finding.status = core::Status::CouldNotCheck;
      finding.reason = follows + ", and part of the submission could not be read";
    } else {
      finding.status = core::Status::Partial;
      finding.reason = follows + ": " +
                       list([](const core::Finding& f) { return f.status != core::Status::Met; });
      copyEvidence(from, core::Status::Partial, finding);
    }
    finding.confidence = kDerivedConfidence;
    return finding;
  }

  static void copyEvidence(const std::vector<const core::Finding*>& from, core::Status status,
                           core::Finding& finding) {
    for (const core::Finding* f : from) {
      if (status != core::Status::Partial && f->status != status) continue;
      for (const core::EvidenceSpan& span : f->evidence) {
        if (finding.evidence.size() == 2 * kMaxSpansPerHit) return;
        if (std::find(finding.evidence.begin(), finding.evidence.end(), span) ==
            finding.evidence.end()) {
          finding.evidence.push_back(span);
        }
      }
    }
  }

  core::Finding sameAs(const CompiledItem& item, core::Finding finding) {
    const core::Finding* other = findingOf(item.sameAs);
    if (!other) return missing(std::move(finding));
    finding.status = other->status;
    finding.confidence = other->confidence;
    finding.evidence = other->evidence;
    finding.reason = "same as " + other->itemId + ": " + other->reason;
    return finding;
  }

  const Program& program_;
  core::AgencyKind kind_ = core::AgencyKind::LawEnforcement;
  bool multiFile_;
  std::vector<std::optional<core::Finding>> evidence_;  // by item, for any kind
  std::deque<Reading> readings_;  // not moved once made: each evaluator refers to its index
  std::vector<std::string> unreadable_;
  std::vector<std::optional<core::Finding>> findings_;
};

}  // namespace

Precheck::Precheck(const core::ChecklistSet& checklists)
    : program_(std::make_unique<engine::Program>(checklists)) {}

Precheck::~Precheck() = default;
Precheck::Precheck(Precheck&&) noexcept = default;
Precheck& Precheck::operator=(Precheck&&) noexcept = default;

core::Report Precheck::run(core::AgencyKind kind,
                           const std::vector<core::SubmittedFile>& files) const {
  return Checker(*program_, files).report(kind);
}

std::vector<core::Report> Precheck::runEach(const std::vector<core::AgencyKind>& kinds,
                                            const std::vector<core::SubmittedFile>& files) const {
  Checker checker(*program_, files);
  std::vector<core::Report> reports;
  reports.reserve(kinds.size());
  for (const core::AgencyKind kind : kinds) reports.push_back(checker.report(kind));
  return reports;
}

core::Report precheck(const core::ChecklistSet& checklists, core::AgencyKind kind,
                      const std::vector<core::SubmittedFile>& files) {
  return Precheck(checklists).run(kind, files);
}

}  // namespace mkrp::check
