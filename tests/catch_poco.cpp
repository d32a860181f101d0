// Lets REQUIRE_THROWS_WITH see a Poco exception's message (Poco's what() gives only its name).
#include <Poco/Exception.h>

#include <catch2/catch.hpp>

CATCH_TRANSLATE_EXCEPTION(const Poco::Exception& error) { return error.message(); }
