#include "model/kernels/EngineFailure.h"

#include <new>

#include <c10/util/Exception.h>

namespace quarry::model {
namespace {

// LibTorch messages can run to many lines (tensor dumps, hints); a user needs the first few.
std::string firstLines(const std::string& text, int lines, std::size_t maxChars) {
  std::string out;
  int seen = 0;
  for (char c : text) {
    if (c == '\n' && ++seen >= lines) break;
    out += c;
    if (out.size() >= maxChars) {
      out += "...";
      break;
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

bool isOutOfMemory(const std::exception& e) {
  if (dynamic_cast<const std::bad_alloc*>(&e)) return true;
  if (dynamic_cast<const c10::OutOfMemoryError*>(&e)) return true;
  if (const auto* c10 = dynamic_cast<const c10::Error*>(&e)) {
    const std::string text = c10->what_without_backtrace();
    return text.find("can't allocate memory") != std::string::npos ||
           text.find("out of memory") != std::string::npos;
  }
  return false;
}

std::string describeEngineFailure(const std::exception& e) {
  std::string text;
  if (const auto* c10 = dynamic_cast<const c10::Error*>(&e))
    text = firstLines(c10->what_without_backtrace(), 3, 600);
  else if (dynamic_cast<const std::bad_alloc*>(&e))
    text = "the memory allocator refused a request";
  else
    text = firstLines(e.what(), 3, 600);
  return isOutOfMemory(e) ? "out of memory (" + text + ")" : text;
}

Status catchEngineFailure(const std::string& operation, const std::string& subject,
                          const std::function<Status()>& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return Error(operation + " failed: " + describeEngineFailure(e), subject);
  }
}

}  // namespace quarry::model
