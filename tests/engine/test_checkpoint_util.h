#pragma once
// Small helpers shared by the checkpoint tests: failure counting, bit-exact tensor comparison, a
// temporary folder removed at exit.

#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/Error.h"

namespace quarry::test {

inline int& failures() {
  static int count = 0;
  return count;
}

#define QCHECK(cond, what)                                                                    \
  do {                                                                                        \
    if (!(cond)) {                                                                            \
      ++::quarry::test::failures();                                                           \
      std::ostringstream qcheck_os;                                                           \
      qcheck_os << what;                                                                      \
      std::cerr << "FAIL " << __FILE__ << ":" << __LINE__ << ": " << qcheck_os.str() << "\n"; \
    }                                                                                         \
  } while (0)

#define QCHECK_EQ(actual, expected, what) \
  QCHECK((actual) == (expected), what << ": expected " << (expected) << ", got " << (actual))

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Same dtype, same shape and the same bytes.
inline bool bitEqual(const at::Tensor& a, const at::Tensor& b) {
  if (!a.defined() || !b.defined()) return false;
  if (a.scalar_type() != b.scalar_type() || a.sizes() != b.sizes()) return false;
  const at::Tensor ca = a.contiguous();
  const at::Tensor cb = b.contiguous();
  const auto bytes = static_cast<std::size_t>(ca.numel()) * ca.element_size();
  return bytes == 0 || std::memcmp(ca.data_ptr(), cb.data_ptr(), bytes) == 0;
}

class TempDir {
 public:
  TempDir() {
    std::mt19937_64 rng{std::random_device{}()};
    m_path = std::filesystem::temp_directory_path() /
             ("quarry-ckpt-test-" + std::to_string(rng() % 1000000000ULL));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

// Expects `result` to fail with an Error naming `file` (a part of its path), the field `field` exactly
// (unless `field` is "*") and holding each of `parts` in its text; prints the error.
template <typename R>
void expectFailure(const R& result, const std::string& what, const std::string& file,
                   const std::string& field, const std::vector<std::string>& parts = {}) {
  if (result.ok()) {
    QCHECK(false, what << ": expected an error, got success");
    return;
  }
  const Error& e = result.error();
  const std::string text = e.toString();
  QCHECK(contains(e.file, file), what << ": error does not name " << file << ": " << text);
  QCHECK(field == "*" || e.field == field,
         what << ": error names field '" << e.field << "', not '" << field << "'");
  for (const auto& p : parts) QCHECK(contains(text, p), what << ": error lacks '" << p << "': " << text);
  std::cout << "  ok " << what << " -> " << text.substr(0, 400) << "\n";
}

inline int finish(const char* name) {
  if (failures() == 0) {
    std::cout << name << ": all checks passed\n";
    return 0;
  }
  std::cerr << name << ": " << failures() << " check(s) failed\n";
  return 1;
}

}  // namespace quarry::test
