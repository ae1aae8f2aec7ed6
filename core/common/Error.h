#pragma once
// Errors a user can cause (a malformed file, a wrong model folder, a bad option) travel as values;
// exceptions are for broken invariants and stop at the core boundary.

#include <string>
#include <utility>
#include <variant>

namespace quarry {

struct Error {
  std::string message;  // what went wrong, in words a user understands
  std::string file;     // the file concerned, when there is one
  long line = 0;        // 1-based line in `file`, 0 when not applicable
  std::string field;    // JSON key, column or option name, when applicable

  Error() = default;
  explicit Error(std::string msg) : message(std::move(msg)) {}
  Error(std::string msg, std::string inFile, long atLine = 0, std::string inField = {})
      : message(std::move(msg)), file(std::move(inFile)), line(atLine), field(std::move(inField)) {}

  // "file:line: field: message", leaving out the parts that are empty.
  std::string toString() const;
};

// Either a value or an Error. `Result<void>` carries only success or an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_v(std::move(value)) {}            // NOLINT: implicit on purpose
  Result(Error error) : m_v(std::move(error)) {}        // NOLINT: implicit on purpose

  bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(m_v); }
  const T& value() const& { return std::get<0>(m_v); }
  T&& value() && { return std::get<0>(std::move(m_v)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(m_v); }

 private:
  std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_ok(false), m_error(std::move(error)) {}  // NOLINT: implicit on purpose

  bool ok() const { return m_ok; }
  explicit operator bool() const { return m_ok; }
  const Error& error() const { return m_error; }

 private:
  bool m_ok = true;
  Error m_error;
};

using Status = Result<void>;

}  // namespace quarry
