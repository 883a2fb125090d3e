// The Catch2 runner shared by the native and the Node builds of the unit tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
