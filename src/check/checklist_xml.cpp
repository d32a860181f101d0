// Schema-valid XML -> core checklist types. The schema has already checked the structure; what
// is checked here is what it cannot say: values that must be understood (durations, scopes),
// text that must not be blank, and rules that could never match.
#include "check/checklist_xml.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>

namespace mkrp::check {
namespace detail {
namespace {

using core::Matcher;

std::string_view nameOf(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

bool isElement(const xmlNode* node, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && nameOf(node) == name;
}

std::vector<const xmlNode*> elementChildren(const xmlNode* node) {
  std::vector<const xmlNode*> children;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) children.push_back(child);
  }
  return children;
}

std::optional<std::string> attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return std::nullopt;
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

// Runs of white space (including line breaks) become one space; none at either end.
std::string collapseSpaces(std::string_view text) {
  std::string out;
  bool pendingSpace = false;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += c;
  }
  return out;
}

std::string textOf(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string text = collapseSpaces(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return text;
}

std::vector<std::string> splitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

bool hasLetterOrDigit(std::string_view text) {
  // Bytes >= 0x80 belong to non-ASCII letters; a phrase of those can match too.
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte);
  });
}

// Text of an element that must say something ("title", "requirement", ...).
std::string requiredText(const xmlNode* node, ReadContext& context) {
  std::string text = textOf(node);
  if (text.empty()) {
    context.report(node, "<" + std::string(nameOf(node)) + "> is empty: write its text");
  }
  return text;
}

std::vector<core::AgencyKind> readKinds(const std::string& text) {
  std::vector<core::AgencyKind> kinds;
  for (const std::string& word : splitWords(text)) {
    const core::AgencyKind kind = core::agencyKindFromString(word);
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
  }
  return kinds;
}

// Reading the rule tree -------------------------------------------------------------------------

std::vector<Matcher> readMatchers(const xmlNode* parent, ReadContext& context);

std::optional<core::Scope> readScope(const xmlNode* node, ReadContext& context) {
  const std::string within = attribute(node, "within").value_or("");
  try {
    return parseScope(within);
  } catch (const Poco::Exception& error) {
    context.report(node, "within=\"" + within + "\": " + error.message());
    return std::nullopt;
  }
}

std::optional<core::Duration> readDuration(const xmlNode* node, const char* name,
                                           ReadContext& context) {
  const std::optional<std::string> text = attribute(node, name);
  if (!text) return std::nullopt;
  try {
    return parseDuration(*text);
  } catch (const Poco::Exception& error) {
    context.report(node,
                   std::string("<duration ") + name + "=\"" + *text + "\">: " + error.message());
    return std::nullopt;
  }
}

std::optional<int> readAge(const xmlNode* node, const char* name) {
  const std::optional<std::string> text = attribute(node, name);
  if (!text) return std::nullopt;
  return std::stoi(*text);  // the schema allows only whole numbers 0 .. 120
}

core::Phrase readPhrase(const xmlNode* node, ReadContext& context) {
  core::Phrase phrase{textOf(node), attribute(node, "case").value_or("any") == "exact"};
  if (!hasLetterOrDigit(phrase.text)) {
    context.report(node, "a <phrase> has no words (\"" + phrase.text +
                             "\"), so it can never match: write the wording or remove it");
  }
  return phrase;
}

core::ConceptRef readConceptRef(const xmlNode* node, ReadContext& context) {
  core::ConceptRef ref{attribute(node, "ref").value_or("")};
  context.conceptRefs.push_back({ref.id, context.file, lineOf(node), itemAround(node)});
  return ref;
}

core::AllOf readAll(const xmlNode* node, ReadContext& context) {
  core::AllOf all;
  all.scope = readScope(node, context).value_or(core::Scope{});
  all.parts = readMatchers(node, context);
  for (const xmlNode* child : elementChildren(node)) {
    if (!isElement(child, "without")) continue;
    for (Matcher& matcher : readMatchers(child, context)) all.without.push_back(std::move(matcher));
  }
  return all;
}

core::DurationBound readDurationBound(const xmlNode* node, ReadContext& context) {
  core::DurationBound bound;
  bound.atMost = readDuration(node, "at-most", context);
  bound.over = readDuration(node, "over", context);
  if (bound.atMost && bound.over && bound.over->inMinutes() >= bound.atMost->inMinutes()) {
    context.report(node, "<duration> asks for a duration over " +
                             attribute(node, "over").value_or("") + " and at most " +
                             attribute(node, "at-most").value_or("") +
                             ", which no duration can be: fix one of the bounds");
  }
  return bound;
}

core::AgeBound readAgeBound(const xmlNode* node, ReadContext& context) {
  core::AgeBound bound{readAge(node, "covers"), readAge(node, "stops-below")};
  if (!bound.covers && !bound.stopsBelow) {
    context.report(node, "<age> needs covers=\"...\" or stops-below=\"...\" (or both)");
  } else if (bound.covers && bound.stopsBelow && *bound.covers >= *bound.stopsBelow) {
    context.report(node, "<age> asks for an age range that covers " +
                             std::to_string(*bound.covers) + " but stops below " +
                             std::to_string(*bound.stopsBelow) +
                             ", which no range can: fix one of the bounds");
  }
  return bound;
}

core::CompleteList readCompleteList(const xmlNode* node, ReadContext& context) {
  core::CompleteList list;
  list.name = collapseSpaces(attribute(node, "name").value_or(""));
  list.scope = readScope(node, context).value_or(core::Scope{});
  std::set<std::string> names;
  for (const xmlNode* child : elementChildren(node)) {
    core::ListMember member;
    member.name = collapseSpaces(attribute(child, "name").value_or(""));
    if (member.name.empty()) context.report(child, "a <member> needs a name");
    if (!names.insert(member.name).second) {
      context.report(child, "<complete-list> \"" + list.name + "\" has two members named \"" +
                                member.name + "\": give each member its own name");
    }
    member.options = readMatchers(child, context);
    list.members.push_back(std::move(member));
  }
  if (const std::optional<std::string> from = attribute(node, "partial-from")) {
    list.partialFrom = std::stoi(*from);  // the schema allows only whole numbers from 1
  }
  if (list.partialFrom > static_cast<int>(list.members.size())) {
    context.report(node, "<complete-list> \"" + list.name + "\" has partial-from=\"" +
                             std::to_string(list.partialFrom) + "\" but only " +
                             std::to_string(list.members.size()) +
                             " members: use a number no larger than the member count");
  }
  return list;
}

Matcher readMatcher(const xmlNode* node, ReadContext& context) {
  Matcher matcher;
  matcher.line = lineOf(node);
  const std::string_view name = nameOf(node);
  if (name == "phrase") {
    matcher.node = readPhrase(node, context);
  } else if (name == "concept") {
    matcher.node = readConceptRef(node, context);
  } else if (name == "any") {
    matcher.node = core::AnyOf{readMatchers(node, context)};
  } else if (name == "all") {
    matcher.node = readAll(node, context);
  } else if (name == "negated") {
    matcher.node = core::Negated{readMatchers(node, context)};
  } else if (name == "affirmed") {
    matcher.node = core::Affirmed{readMatchers(node, context)};
  } else if (name == "duration") {
    matcher.node = readDurationBound(node, context);
  } else if (name == "age") {
    matcher.node = readAgeBound(node, context);
  } else if (name == "complete-list") {
    matcher.node = readCompleteList(node, context);
  } else {
    // Unreachable for a schema-valid file; kept so a schema change cannot slip through silently.
    context.report(node, "<" + std::string(name) + "> is not a rule element");
  }
  return matcher;
}

// The matchers among the children of `parent` (a <without> is read by its <all>).
std::vector<Matcher> readMatchers(const xmlNode* parent, ReadContext& context) {
  std::vector<Matcher> matchers;
  for (const xmlNode* child : elementChildren(parent)) {
    if (isElement(child, "without")) continue;
    matchers.push_back(readMatcher(child, context));
  }
  return matchers;
}

// Reading items ---------------------------------------------------------------------------------

core::Pattern readPattern(const xmlNode* node, ReadContext& context) {
  core::Pattern pattern;
  pattern.line = lineOf(node);
  pattern.reason = collapseSpaces(attribute(node, "reason").value_or(""));
  if (pattern.reason.empty()) {
    context.report(node, "<" + std::string(nameOf(node)) +
                             "> needs a reason=\"...\" saying in words what the match shows");
  }
  if (attribute(node, "when-hedged").value_or("partial") == "met") {
    pattern.hedging = core::Hedging::Ignored;
  } else if (isElement(node, "meets")) {
    context.usesHedges = true;
  }
  pattern.options = readMatchers(node, context);
  return pattern;
}

core::DerivedRule readDerived(const xmlNode* node) {
  core::DerivedRule rule;
  rule.from = splitWords(attribute(node, "from").value_or(""));
  rule.required = collapseSpaces(attribute(node, "requires").value_or(""));
  return rule;
}

void readItemPart(const xmlNode* child, core::Item& item, core::EvidenceRule& evidence,
                  ReadContext& context) {
  const std::string_view name = nameOf(child);
  if (name == "title") {
    item.title = requiredText(child, context);
  } else if (name == "requirement") {
    item.requirement = requiredText(child, context);
  } else if (name == "source-section") {
    item.sourceSection = requiredText(child, context);
  } else if (name == "basis") {
    item.basis = requiredText(child, context);
    item.basisTags = splitWords(attribute(child, "tags").value_or(""));
  } else if (name == "note") {
    item.note = requiredText(child, context);
  } else if (name == "meets") {
    evidence.meets.push_back(readPattern(child, context));
  } else if (name == "partial") {
    evidence.partial.push_back(readPattern(child, context));
  } else if (name == "contradicts") {
    evidence.contradicts.push_back(readPattern(child, context));
  } else if (name == "derived") {
    item.rule = readDerived(child);
  } else if (name == "same-as") {
    item.rule = core::SameAsRule{collapseSpaces(attribute(child, "item").value_or(""))};
  }
}

core::Item readItem(const xmlNode* node, const core::Checklist& checklist, ReadContext& context) {
  core::Item item;
  item.id = collapseSpaces(attribute(node, "id").value_or(""));
  item.line = lineOf(node);
  item.severity = core::severityFromString(attribute(node, "severity").value_or(""));
  item.appliesTo = checklist.appliesTo;
  if (const std::optional<std::string> kinds = attribute(node, "applies-to")) {
    item.appliesTo = readKinds(*kinds);
    for (const core::AgencyKind kind : item.appliesTo) {
      if (!checklist.appliesToKind(kind)) {
        context.report(node, "applies-to=\"" + *kinds + "\" names an agency kind (" +
                                 std::string(core::toString(kind)) +
                                 ") the checklist does not apply to");
      }
    }
  }
  core::EvidenceRule evidence;
  for (const xmlNode* child : elementChildren(node)) readItemPart(child, item, evidence, context);
  if (!evidence.meets.empty()) item.rule = std::move(evidence);
  return item;
}

core::Concept readConcept(const xmlNode* node, ReadContext& context) {
  core::Concept definition;
  definition.id = attribute(node, "id").value_or("");
  definition.label = collapseSpaces(attribute(node, "label").value_or(definition.id));
  definition.file = context.file;
  definition.line = lineOf(node);
  for (const xmlNode* child : elementChildren(node)) {
    if (isElement(child, "phrase")) {
      definition.phrases.push_back(readPhrase(child, context));
    } else if (isElement(child, "include")) {
      definition.includes.push_back(attribute(child, "concept").value_or(""));
    } else if (isElement(child, "except")) {
      definition.exceptions.push_back(readPhrase(child, context));
    }
  }
  return definition;
}

}  // namespace

void ReadContext::report(const xmlNode* node, const std::string& message) {
  problems->push_back({file, lineOf(node), itemAround(node), message});
}

int lineOf(const xmlNode* node) { return static_cast<int>(xmlGetLineNo(node)); }

std::string itemAround(const xmlNode* node) {
  // Schema errors about an attribute point at the attribute; its item is its element's.
  for (const xmlNode* at = node;
       at != nullptr && (at->type == XML_ELEMENT_NODE || at->type == XML_ATTRIBUTE_NODE);
       at = at->parent) {
    if (!isElement(at, "item") || !isElement(at->parent, "checklist")) continue;
    if (std::optional<std::string> id = attribute(at, "id")) return collapseSpaces(*id);
    int index = 1;
    for (const xmlNode* before = at->prev; before != nullptr; before = before->prev) {
      if (isElement(before, "item")) ++index;
    }
    return "#" + std::to_string(index);
  }
  return {};
}

core::Checklist readChecklist(const xmlNode* root, ReadContext& context,
                              std::vector<core::Concept>& concepts) {
  core::Checklist checklist;
  checklist.id = attribute(root, "id").value_or("");
  checklist.edition = collapseSpaces(attribute(root, "edition").value_or(""));
  checklist.appliesTo = readKinds(attribute(root, "applies-to").value_or(""));
  checklist.file = context.file;
  if (checklist.edition.empty()) context.report(root, "edition=\"...\" is empty: name the edition");
  for (const xmlNode* child : elementChildren(root)) {
    if (isElement(child, "title")) {
      checklist.title = requiredText(child, context);
    } else if (isElement(child, "description")) {
      checklist.description = requiredText(child, context);
    } else if (isElement(child, "concepts")) {
      for (core::Concept& definition : readConcepts(child, context)) {
        concepts.push_back(std::move(definition));
      }
    } else if (isElement(child, "item")) {
      checklist.items.push_back(readItem(child, checklist, context));
    }
  }
  return checklist;
}

std::vector<core::Concept> readConcepts(const xmlNode* root, ReadContext& context) {
  std::vector<core::Concept> concepts;
  for (const xmlNode* child : elementChildren(root)) {
    if (isElement(child, "concept")) concepts.push_back(readConcept(child, context));
  }
  return concepts;
}

}  // namespace detail

// Values ----------------------------------------------------------------------------------------

namespace {

constexpr std::pair<std::string_view, core::TimeUnit> kTimeUnits[] = {
    {"minute", core::TimeUnit::Minutes}, {"minutes", core::TimeUnit::Minutes},
    {"hour", core::TimeUnit::Hours},     {"hours", core::TimeUnit::Hours},
    {"day", core::TimeUnit::Days},       {"days", core::TimeUnit::Days},
    {"week", core::TimeUnit::Weeks},     {"weeks", core::TimeUnit::Weeks},
    {"month", core::TimeUnit::Months},   {"months", core::TimeUnit::Months},
    {"year", core::TimeUnit::Years},     {"years", core::TimeUnit::Years},
};

constexpr const char* kDurationHelp =
    "write a number and a unit, e.g. \"2 hours\" (units: minutes, hours, days, weeks, months, "
    "years)";

std::string lowerCase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Splits "2 hours" / "2hours" into its number and the rest.
std::pair<std::string, std::string> splitNumber(std::string_view text) {
  const std::string trimmed = detail::collapseSpaces(text);
  std::size_t end = 0;
  while (end < trimmed.size() &&
         (std::isdigit(static_cast<unsigned char>(trimmed[end])) || trimmed[end] == '.')) {
    ++end;
  }
  return {trimmed.substr(0, end), detail::collapseSpaces(trimmed.substr(end))};
}

}  // namespace

core::Duration parseDuration(std::string_view text) {
  const auto [number, unit] = splitNumber(text);
  const std::string quoted = "\"" + detail::collapseSpaces(text) + "\"";
  if (number.empty()) {
    throw Poco::DataFormatException(quoted + " has no number: " + kDurationHelp);
  }
  if (unit.empty()) throw Poco::DataFormatException(quoted + " has no unit: " + kDurationHelp);
  core::Duration duration;
  const auto [end, error] =
      std::from_chars(number.data(), number.data() + number.size(), duration.amount);
  if (error != std::errc() || end != number.data() + number.size()) {
    throw Poco::DataFormatException(quoted + " does not start with a number: " + kDurationHelp);
  }
  for (const auto& [name, value] : kTimeUnits) {
    if (name == lowerCase(unit)) {
      duration.unit = value;
      return duration;
    }
  }
  throw Poco::DataFormatException(quoted + ": \"" + unit + "\" is not a unit of time; " +
                                  kDurationHelp);
}

core::Scope parseScope(std::string_view text) {
  const std::string word = lowerCase(detail::collapseSpaces(text));
  if (word == "sentence") return {core::Scope::Kind::Sentence, 0};
  if (word == "block") return {core::Scope::Kind::Block, 0};
  if (word == "section") return {core::Scope::Kind::Section, 0};
  if (word == "document") return {core::Scope::Kind::Document, 0};
  const auto [number, unit] = splitNumber(word);
  int words = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), words);
  if (number.empty() || error != std::errc() || end != number.data() + number.size() ||
      (unit != "words" && unit != "word")) {
    throw Poco::DataFormatException(
        "not understood: write sentence, block, section, document, or a number of words such "
        "as \"12 words\"");
  }
  if (words < 1 || words > 200) {
    throw Poco::DataFormatException("the number of words must be between 1 and 200");
  }
  return {core::Scope::Kind::Words, words};
}

}  // namespace mkrp::check
