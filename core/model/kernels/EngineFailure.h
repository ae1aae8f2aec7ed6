#pragma once
// Exceptions that escape LibTorch or the allocator (c10::Error, std::bad_alloc) stop at the core boundary
// and become an Error a user can read: the operation, the file or folder concerned, and LibTorch's own
// message without its C++ backtrace.

#include <exception>
#include <functional>
#include <string>

#include "common/Error.h"

namespace quarry::model {

// One line (or a few) saying what went wrong: "out of memory (...)" for allocation failures, LibTorch's
// message without the backtrace for c10::Error, what() for anything else.
std::string describeEngineFailure(const std::exception& e);

// True when `e` says memory ran out (std::bad_alloc, c10::OutOfMemoryError, a CPU allocator failure).
bool isOutOfMemory(const std::exception& e);

// Runs `fn`; an exception thrown inside becomes Error("<operation> failed: <description>", subject).
Status catchEngineFailure(const std::string& operation, const std::string& subject,
                          const std::function<Status()>& fn);

}  // namespace quarry::model
