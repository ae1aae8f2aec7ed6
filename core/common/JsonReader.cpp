#include "common/JsonReader.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <set>
#include <vector>

#include "common/FileCheck.h"

namespace quarry {
namespace {

using nlohmann::json;

// Thrown out of the parse callback to stop at once; never leaves this file.
struct StopParsing {
  std::string message;
  bool tooDeep = false;
};

// Where the parser is: one frame per open array or object, so that an error names the field.
struct Frame {
  bool array = false;
  std::size_t index = 0;       // arrays: the element being read
  std::string key;             // objects: the key being read
  std::set<std::string> keys;  // objects, when duplicates are refused
};

// The path of the value being read. `named`: only down to the innermost key (for nesting errors, where the
// indices below it are thousands of [0]).
std::string pathOf(const std::vector<Frame>& frames, bool named = false) {
  std::size_t end = frames.size();
  if (named)
    while (end > 0 && (frames[end - 1].array || frames[end - 1].key.empty())) --end;
  std::string path;
  for (std::size_t i = 0; i < end; ++i) {
    const Frame& f = frames[i];
    if (f.array)
      path = jsonIndexPath(path, f.index);
    else if (!f.key.empty())
      path = jsonFieldPath(path, f.key);
    if (path.size() > 160) return path.substr(0, 160) + "...";
  }
  return path;
}

// 1-based line of byte `at` in `text`.
long lineAt(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  return 1 +
         static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// The byte where nesting first exceeds `maxDepth` (brackets inside strings do not count).
std::size_t tooDeepAt(std::string_view text, int maxDepth) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return text.size();
}

// Cuts `s` to at most `n` bytes without splitting a UTF-8 sequence.
std::string cutUtf8(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t end = n;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

std::string jsonFieldPath(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string jsonIndexPath(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

Result<json> parseJson(std::string_view text, const std::string& source, const JsonParseOptions& options) {
  std::vector<Frame> frames;
  // A value is complete: the next one in an array has the next index; in an object, errors until the next
  // key name the object itself.
  auto completed = [&frames] {
    if (frames.empty()) return;
    if (frames.back().array)
      ++frames.back().index;
    else
      frames.back().key.clear();
  };
  json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    using E = json::parse_event_t;
    switch (event) {
      case E::object_start:
      case E::array_start:
        // `depth` counts the containers already open around this one.
        if (depth >= options.maxDepth)
          throw StopParsing{
              "arrays and objects are nested more than " + std::to_string(options.maxDepth) + " levels deep",
              true};
        frames.push_back(Frame{event == E::array_start, 0, {}, {}});
        break;
      case E::key:
        if (!frames.empty()) {
          Frame& f = frames.back();
          f.key = parsed.get<std::string>();
          if (options.rejectDuplicateKeys && !f.keys.insert(f.key).second)
            throw StopParsing{"the key \"" + cutUtf8(f.key, 60) + "\" appears twice in one object", false};
        }
        break;
      case E::object_end:
      case E::array_end:
        if (!frames.empty()) frames.pop_back();
        completed();
        break;
      case E::value:
        completed();
        break;
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), callback);
  } catch (const StopParsing& stop) {
    if (stop.tooDeep)
      return Error(stop.message, source, lineAt(text, tooDeepAt(text, options.maxDepth)),
                   pathOf(frames, true));
    return Error(stop.message, source, 0, pathOf(frames));
  } catch (const json::parse_error& e) {
    // e.byte is 1-based and points at the last character read.
    return Error(std::string("not valid JSON: ") + e.what(), source,
                 lineAt(text, e.byte > 0 ? e.byte - 1 : 0), pathOf(frames));
  } catch (const json::exception& e) {
    // out_of_range: a number too large for a double (1e400).
    return Error(std::string("not valid JSON: ") + e.what(), source, 0, pathOf(frames));
  }
}

Result<json> readJsonFile(const std::filesystem::path& file, const JsonParseOptions& options) {
  if (Status s = requireRegularFile(file); !s) return s.error();
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error("cannot open the file", file.string());
  std::string text;
  try {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::exception& e) {  // libstdc++ throws from a failed read(2) (EIO, EISDIR)
    return Error(std::string("cannot read the file: ") + e.what(), file.string());
  }
  if (in.bad()) return Error("cannot read the file", file.string());
  return parseJson(text, file.string(), options);
}

std::string jsonSummary(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
      return std::to_string(value.get<std::int64_t>());
    case json::value_t::number_unsigned:
      return std::to_string(value.get<std::uint64_t>());
    case json::value_t::number_float:
      return value.dump();  // a scalar: dump() is short and cannot recurse
    case json::value_t::string: {
      const std::string& s = value.get_ref<const std::string&>();
      std::string shown;
      for (char c : cutUtf8(s, 40)) {
        if (c == '"' || c == '\\') shown += '\\';
        shown += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
      }
      return "\"" + shown + (s.size() > 40 ? "...\"" : "\"");
    }
    case json::value_t::array:
      return "an array of " + std::to_string(value.size()) + (value.size() == 1 ? " item" : " items");
    case json::value_t::object:
      return "an object with " + std::to_string(value.size()) + (value.size() == 1 ? " key" : " keys");
    case json::value_t::binary:
      return "binary data";
    case json::value_t::discarded:
      break;
  }
  return "nothing";
}

JsonFields::JsonFields(const json& value, std::string file, std::string path)
    : m_value(value), m_file(std::move(file)), m_path(std::move(path)) {}

const json* JsonFields::find(const char* key) const {
  if (!m_value.is_object()) return nullptr;
  auto it = m_value.find(key);
  if (it == m_value.end() || it->is_null()) return nullptr;
  return &*it;
}

JsonFields JsonFields::child(const char* key) const {
  static const json kNull;
  const json* v = find(key);
  return JsonFields(v ? *v : kNull, m_file, pathOf(key));
}

Error JsonFields::error(std::string_view key, const std::string& message) const {
  return Error(message, m_file, 0, key.empty() ? m_path : pathOf(key));
}

Result<bool> JsonFields::boolean(const char* key, bool fallback) const {
  const json* v = find(key);
  if (!v) return fallback;
  if (!v->is_boolean()) return error(key, "expected true or false, got " + jsonSummary(*v));
  return v->get<bool>();
}

Result<std::optional<bool>> JsonFields::optionalBoolean(const char* key) const {
  const json* v = find(key);
  if (!v) return std::optional<bool>();
  if (!v->is_boolean()) return error(key, "expected true, false or null, got " + jsonSummary(*v));
  return std::optional<bool>(v->get<bool>());
}

Result<std::int64_t> JsonFields::integer(const char* key, std::int64_t fallback, std::int64_t min,
                                         std::int64_t max) const {
  const json* v = find(key);
  if (!v) return fallback;
  auto range = [&] { return "[" + std::to_string(min) + ", " + std::to_string(max) + "]"; };
  if (v->is_number_unsigned()) {
    const std::uint64_t u = v->get<std::uint64_t>();
    // max >= 0 here unless the range is empty of non-negative numbers; min > 0 bounds from below.
    if (max < 0 || u > static_cast<std::uint64_t>(max) || (min > 0 && u < static_cast<std::uint64_t>(min)))
      return error(key, "expected an integer in " + range() + ", got " + jsonSummary(*v));
    return static_cast<std::int64_t>(u);
  }
  if (!v->is_number_integer()) return error(key, "expected an integer, got " + jsonSummary(*v));
  const std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max) return error(key, "expected an integer in " + range() + ", got " + jsonSummary(*v));
  return n;
}

Result<double> JsonFields::number(const char* key, double fallback, double min, double max) const {
  const json* v = find(key);
  if (!v) return fallback;
  if (!v->is_number()) return error(key, "expected a number, got " + jsonSummary(*v));
  const double d = v->get<double>();
  if (!std::isfinite(d)) return error(key, "expected a finite number, got " + jsonSummary(*v));
  if (d < min || d > max)
    return error(key, "expected a number in [" + json(min).dump() + ", " + json(max).dump() + "], got " +
                          jsonSummary(*v));
  return d;
}

Result<std::string> JsonFields::string(const char* key, const std::string& fallback) const {
  const json* v = find(key);
  if (!v) return fallback;
  if (!v->is_string()) return error(key, "expected a string, got " + jsonSummary(*v));
  return v->get<std::string>();
}

}  // namespace quarry
