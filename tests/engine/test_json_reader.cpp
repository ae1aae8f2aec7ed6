// The engine's one JSON reader: nesting bounded while parsing (exactly at the limit), errors naming the
// line and the field's path, numbers too large for a double, repeated keys, short value summaries, and
// the typed field reads.

#include <iostream>
#include <sstream>
#include <string>

#include "common/JsonReader.h"

using quarry::JsonFields;
using quarry::jsonSummary;
using quarry::parseJson;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  if (ok) return;
  ++failures;
  std::cerr << "FAIL " << what << "\n";
}

template <typename R>
void expectError(const R& r, const std::string& what, const std::string& field, long line = -1,
                 const std::string& part = {}) {
  if (r.ok()) {
    check(false, what + ": expected an error");
    return;
  }
  const auto& e = r.error();
  check(e.field == field,
        what + ": field '" + e.field + "', expected '" + field + "' (" + e.toString() + ")");
  if (line >= 0)
    check(e.line == line, what + ": line " + std::to_string(e.line) + ", expected " + std::to_string(line));
  if (!part.empty())
    check(e.message.find(part) != std::string::npos, what + ": message lacks '" + part + "': " + e.message);
  std::cout << "  ok " << what << " -> " << e.toString().substr(0, 200) << "\n";
}

std::string nested(int depth) {
  return std::string(static_cast<size_t>(depth), '[') + std::string(static_cast<size_t>(depth), ']');
}

}  // namespace

int main() {
  // Depth: 64 containers are fine, 65 are not; a million fail as fast, naming the line and the key.
  check(parseJson(nested(quarry::kMaxJsonDepth), "f").ok(), "64 nested arrays parse");
  expectError(parseJson(nested(quarry::kMaxJsonDepth + 1), "f"), "65 nested arrays", "", 1,
              "nested more than 64");
  expectError(parseJson("{\n\"a\": {\"b\": [1, 2,\n" + nested(1000000) + "]}}", "f"), "a million under a.b",
              "a.b", 3);
  quarry::JsonParseOptions shallow;
  shallow.maxDepth = 2;
  expectError(parseJson(R"({"x": {"y": {}}})", "f", shallow), "a smaller limit", "x.y");

  // Errors name the field being read, arrays by index.
  expectError(parseJson("{\"list\": [{}, {\"v\": 1e400}]}", "f"), "number overflow", "list[1].v", -1,
              "overflow");
  expectError(parseJson("{\"a\": 1,\n\"b\": tru}", "f"), "syntax error", "b", 2, "not valid JSON");
  expectError(parseJson("{\"a\": 1, \"a\": 2}", "f", {quarry::kMaxJsonDepth, true}), "repeated key", "a", -1,
              "twice");
  check(parseJson("{\"a\": 1, \"a\": 2}", "f").ok(), "repeated keys are allowed unless refused");
  expectError(parseJson("{\"a\": \"\xff\"}", "f"), "invalid UTF-8 in a string", "a");

  // Summaries never hold the whole value.
  check(jsonSummary(nlohmann::json::array({1, 2, 3})) == "an array of 3 items", "array summary");
  check(jsonSummary(nlohmann::json::object({{"k", 1}})) == "an object with 1 key", "object summary");
  check(jsonSummary(std::string(100, 'x')) == "\"" + std::string(40, 'x') + "...\"", "long strings are cut");
  check(jsonSummary("a\"b") == "\"a\\\"b\"", "quotes escaped");
  check(jsonSummary(std::string("\xc3\xa9", 2) + std::string(39, 'e')).size() <= 46,
        "cut on a UTF-8 boundary");

  // Typed reads.
  auto doc = parseJson(R"({"n": 3, "big": 18446744073709551615, "f": 1.5, "s": "x", "b": true, "z": null,
                           "o": {"inner": "no"}})",
                       "cfg.json");
  check(doc.ok(), "document parses");
  const JsonFields f(*doc, "cfg.json");
  check(f.integer("n", 0, 0, 10).value() == 3, "integer in range");
  check(f.integer("absent", 7).value() == 7 && f.integer("z", 8).value() == 8,
        "absent and null give the fallback");
  expectError(f.integer("n", 0, 5, 10), "integer below its range", "n", -1, "[5, 10]");
  expectError(f.integer("big", 0), "an unsigned beyond int64", "big");
  expectError(f.integer("f", 0), "a fraction is not an integer", "f");
  check(f.number("f", 0).value() == 1.5 && f.number("n", 0).value() == 3.0, "numbers");
  expectError(f.number("s", 0), "a string is not a number", "s", -1, "\"x\"");
  expectError(f.boolean("s", false), "a string is not a boolean", "s");
  check(f.optionalBoolean("z").value() == std::nullopt, "null optional boolean");
  expectError(f.child("o").boolean("inner", false), "nested field path", "o.inner");
  check(f.error("", "whole").file == "cfg.json", "errors name the file");

  if (failures) {
    std::cerr << "test_json_reader: " << failures << " check(s) failed\n";
    return 1;
  }
  std::cout << "test_json_reader: all checks passed\n";
  return 0;
}
