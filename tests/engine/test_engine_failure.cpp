// catchEngineFailure: exceptions thrown inside LibTorch or by the allocator become an Error naming the
// operation and the folder, with LibTorch's message and without its C++ backtrace.
#include <cstdio>
#include <new>
#include <stdexcept>
#include <string>

#include <ATen/ops/empty.h>
#include <ATen/ops/zeros.h>

#include "model/kernels/EngineFailure.h"
#include "EngineCheck.h"

using quarry::Status;
using quarry::model::catchEngineFailure;


static bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int main() {
  // A real c10::Error from a LibTorch check: a negative size.
  Status s = catchEngineFailure("prediction", "/models/best", []() -> Status {
    at::empty({-1});
    return {};
  });
  EXPECT(!s.ok(), "a c10::Error becomes an Error");
  const std::string text = s.ok() ? std::string() : s.error().toString();
  std::printf("c10::Error -> %s\n", text.c_str());
  EXPECT(s.ok() || s.error().file == "/models/best", "names the folder");
  EXPECT(contains(text, "prediction failed"), "names the operation");
  EXPECT(contains(text, "negative"), "keeps LibTorch's message");
  EXPECT(!contains(text, "frame #"), "leaves LibTorch's backtrace out");
  EXPECT(!contains(text, "out of memory"), "a size check is not an out-of-memory");

  // A real allocation failure inside LibTorch: 2^60 floats.
  s = catchEngineFailure("training", "/runs/1", []() -> Status {
    at::zeros({int64_t(1) << 60});
    return {};
  });
  std::printf("allocation -> %s\n", s.ok() ? "(no error)" : s.error().toString().c_str());
  EXPECT(!s.ok() && contains(s.error().toString(), "out of memory"),
         "a refused allocation reads as out of memory");

  s = catchEngineFailure("training", "/runs/1", []() -> Status { throw std::bad_alloc(); });
  EXPECT(!s.ok() && contains(s.error().toString(), "training failed: out of memory"), "std::bad_alloc");

  s = catchEngineFailure("loading", "/m", []() -> Status {
    throw std::runtime_error("line one\nline two\nline three\nline four");
  });
  EXPECT(
      !s.ok() && contains(s.error().toString(), "line three") && !contains(s.error().toString(), "line four"),
      "long messages are cut to their first lines");

  // No exception: the function's own result passes through.
  s = catchEngineFailure("x", "y", []() -> Status { return quarry::Error("own error", "f.json", 3, "k"); });
  EXPECT(!s.ok() && s.error().message == "own error" && s.error().line == 3,
         "an Error result passes through");
  EXPECT(catchEngineFailure("x", "y", []() -> Status { return {}; }).ok(), "success passes through");

  if (quarry::test::g_failures) std::fprintf(stderr, "%d failure(s)\n", quarry::test::g_failures);
  return quarry::test::g_failures ? 1 : 0;
}
