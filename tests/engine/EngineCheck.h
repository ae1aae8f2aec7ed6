#pragma once
// The checks of the plain-executable engine tests: a failed check prints FAIL with what was checked and
// is counted; main() returns non-zero when any failed.

#include <cstdio>
#include <string>

namespace quarry::test {

inline int g_failures = 0;

inline void check(bool ok, const std::string& what) {
  if (!ok) {
    ++g_failures;
    std::printf("FAIL: %s\n", what.c_str());
    std::fflush(stdout);
  }
}

}  // namespace quarry::test

// check() naming the source line: EXPECT(condition, "what it means").
#define EXPECT(cond, what) \
  quarry::test::check(static_cast<bool>(cond), std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": " + (what))
