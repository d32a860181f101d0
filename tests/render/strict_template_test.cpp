#include "render/strict_template.h"

#include <Poco/Exception.h>

#include <catch2/catch.hpp>

using mkrp::render::placeholderNames;
using mkrp::render::renderStrict;
using mkrp::render::TemplateValues;
using mkrp::render::xmlEscape;

namespace {

std::string verbatim(const std::string& value) { return value; }

}  // namespace

TEST_CASE("strict template fills every placeholder", "[render][strict-template]") {
  const TemplateValues values{{"name", "Herington"}, {"state", "KS"}, {"unused", "x"}};
  CHECK(renderStrict("t", "{{name}}, {{ state }} ({{name}})", values, verbatim) ==
        "Herington, KS (Herington)");
}

TEST_CASE("strict template escapes values with the given function", "[render][strict-template]") {
  const TemplateValues values{{"name", "Smith & <Jones>"}};
  CHECK(renderStrict("t", "<w:t>{{name}}</w:t>", values, xmlEscape) ==
        "<w:t>Smith &amp; &lt;Jones&gt;</w:t>");
}

TEST_CASE("strict template lists placeholder names once each", "[render][strict-template]") {
  CHECK(placeholderNames("t", "{{a}} {{! a comment }} {{b}} {{a}}") ==
        std::vector<std::string>{"a", "b"});
}

TEST_CASE("strict template refuses a placeholder without a value", "[render][strict-template]") {
  REQUIRE_THROWS_AS(renderStrict("media-release/le", "{{agency_city}}", {}, verbatim),
                    Poco::DataFormatException);
  REQUIRE_THROWS_WITH(renderStrict("media-release/le", "{{agency_city}}", {}, verbatim),
                      "the template 'media-release/le' needs a value for 'agency_city'");
}

TEST_CASE("strict template refuses an empty value", "[render][strict-template]") {
  const TemplateValues values{{"agency_city", ""}};
  REQUIRE_THROWS_WITH(renderStrict("t", "in {{agency_city}}", values, verbatim),
                      "the template 't' needs a value for 'agency_city'");
}

TEST_CASE("strict template refuses tags that are not plain placeholders",
          "[render][strict-template]") {
  const TemplateValues values{{"a", "1"}};
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{{#a}}x{{/a}}",
       "the template 't' has the tag '{{#a}}', but these templates have no "
       "sections; use plain placeholders like {{agency_name}}"},
      {"{{>a}}",
       "the template 't' has the tag '{{>a}}', but these templates have no partials; "
       "use plain placeholders like {{agency_name}}"},
      {"{{{a}}}",
       "the template 't' has the tag '{{{a}}', but every value must be escaped; use "
       "plain placeholders like {{agency_name}}"},
      {"{{&a}}",
       "the template 't' has the tag '{{&a}}', but every value must be escaped; use "
       "plain placeholders like {{agency_name}}"},
      {"{{=<% %>=}}",
       "the template 't' has the tag '{{=<% %>=}}', but the delimiters cannot "
       "change; use plain placeholders like {{agency_name}}"},
      {"{{a.b}}",
       "the template 't' has the tag '{{a.b}}', but a placeholder name has only "
       "letters, digits, _ and -; use plain placeholders like {{agency_name}}"},
      {"{{ }}",
       "the template 't' has the tag '{{ }}', but it names nothing; use plain "
       "placeholders like {{agency_name}}"},
      {"x {{a", "the template 't' opens a placeholder with {{ that is never closed"},
  };
  for (const auto& [text, message] : cases) {
    INFO(text);
    REQUIRE_THROWS_AS(renderStrict("t", text, values, verbatim), Poco::DataFormatException);
    REQUIRE_THROWS_WITH(renderStrict("t", text, values, verbatim), message);
  }
}

TEST_CASE("xml escape replaces the five special characters", "[render][strict-template]") {
  CHECK(xmlEscape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f");
}
