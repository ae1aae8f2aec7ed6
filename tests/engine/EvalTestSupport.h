#pragma once
// Tiny checks for the plain-executable eval tests: each failure prints expected vs actual and the
// test returns the number of failures (non-zero = failed).

#include <cmath>
#include <iostream>
#include <sstream>
#include <string>

namespace quarry::evaltest {

inline int& failures() {
  static int n = 0;
  return n;
}

template <typename A, typename B>
void checkEqual(const A& actual, const B& expected, const char* what, const char* file, int line) {
  if (!(actual == expected)) {
    std::ostringstream os;
    os << file << ":" << line << ": FAIL " << what << "\n  expected: " << expected
       << "\n  actual:   " << actual;
    std::cerr << os.str() << "\n";
    ++failures();
  }
}

inline void checkNear(double actual, double expected, double tol, const char* what, const char* file,
                      int line) {
  if (!(std::fabs(actual - expected) <= tol)) {
    std::cerr.precision(17);
    std::cerr << file << ":" << line << ": FAIL " << what << "\n  expected: " << expected << " (+-" << tol
              << ")\n  actual:   " << actual << "\n";
    ++failures();
  }
}

inline void checkTrue(bool ok, const char* what, const char* file, int line) {
  if (!ok) {
    std::cerr << file << ":" << line << ": FAIL " << what << "\n";
    ++failures();
  }
}

inline int finish(const char* name) {
  if (failures() == 0) {
    std::cout << name << ": all checks passed\n";
    return 0;
  }
  std::cerr << name << ": " << failures() << " check(s) failed\n";
  return 1;
}

}  // namespace quarry::evaltest

#define EVAL_EQ(actual, expected) \
  ::quarry::evaltest::checkEqual((actual), (expected), #actual, __FILE__, __LINE__)
#define EVAL_NEAR(actual, expected, tol) \
  ::quarry::evaltest::checkNear((actual), (expected), (tol), #actual, __FILE__, __LINE__)
#define EVAL_TRUE(cond) ::quarry::evaltest::checkTrue((cond), #cond, __FILE__, __LINE__)
