#include "eval/TagEntities.h"

#include <stdexcept>
#include <tuple>

namespace quarry::eval {

namespace {

// A tag split as seqeval splits it: its first character (a whole code point, as Python indexes
// strings) and the type after the first '-' that follows it.
struct SplitTag {
  std::string_view prefix;
  std::string_view type;
};

size_t firstCodePointBytes(std::string_view s) {
  const auto b = static_cast<unsigned char>(s[0]);
  size_t n = 1;
  if (b >= 0xF0) {
    n = 4;
  } else if (b >= 0xE0) {
    n = 3;
  } else if (b >= 0xC0) {
    n = 2;
  }
  return n <= s.size() ? n : 1;
}

SplitTag splitTag(std::string_view tag, size_t index) {
  if (tag.empty()) {
    throw std::invalid_argument("extractEntities: tag " + std::to_string(index) + " is an empty string");
  }
  const size_t n = firstCodePointBytes(tag);
  SplitTag out{tag.substr(0, n), tag.substr(n)};
  // "-PER" -> "PER"; "X-PER" -> "PER" too; "PER" (no '-') stays whole.
  const size_t dash = out.type.find('-');
  if (dash != std::string_view::npos) {
    out.type = out.type.substr(dash + 1);
  }
  if (out.type.empty()) {
    out.type = "_";
  }
  return out;
}

bool is(std::string_view tag, char c) { return tag.size() == 1 && tag[0] == c; }

bool endsChunk(std::string_view prevTag, std::string_view tag, std::string_view prevType,
               std::string_view type) {
  if (is(prevTag, 'E') || is(prevTag, 'S')) {
    return true;
  }
  if ((is(prevTag, 'B') || is(prevTag, 'I')) && (is(tag, 'B') || is(tag, 'S') || is(tag, 'O'))) {
    return true;
  }
  return !is(prevTag, 'O') && !is(prevTag, '.') && prevType != type;
}

bool startsChunk(std::string_view prevTag, std::string_view tag, std::string_view prevType,
                 std::string_view type) {
  if (is(tag, 'B') || is(tag, 'S')) {
    return true;
  }
  if ((is(prevTag, 'E') || is(prevTag, 'S') || is(prevTag, 'O')) && (is(tag, 'E') || is(tag, 'I'))) {
    return true;
  }
  return !is(tag, 'O') && !is(tag, '.') && prevType != type;
}

}  // namespace

bool TaggedEntity::operator<(const TaggedEntity& o) const {
  return std::tie(start, end, type) < std::tie(o.start, o.end, o.type);
}

std::vector<TaggedEntity> extractEntitiesView(const std::vector<std::string_view>& tags) {
  std::vector<TaggedEntity> out;
  // The state before the first tag: seqeval starts from tag "O" with an empty type, which differs
  // from every real type (a real type is never empty), so the first typed tag always starts a chunk.
  std::string_view prevTag = "O";
  std::string_view prevType;
  int32_t begin = 0;
  const size_t n = tags.size();
  // One step past the end with a virtual "O" closes the last entity.
  for (size_t i = 0; i <= n; ++i) {
    const SplitTag cur = i < n ? splitTag(tags[i], i) : SplitTag{"O", "_"};
    const auto at = static_cast<int32_t>(i);
    if (endsChunk(prevTag, cur.prefix, prevType, cur.type)) {
      out.push_back(TaggedEntity{std::string(prevType), begin, at});
    }
    if (startsChunk(prevTag, cur.prefix, prevType, cur.type)) {
      begin = at;
    }
    prevTag = cur.prefix;
    prevType = cur.type;
  }
  return out;
}

std::vector<TaggedEntity> extractEntities(const std::vector<std::string>& tags) {
  std::vector<std::string_view> views(tags.begin(), tags.end());
  return extractEntitiesView(views);
}

}  // namespace quarry::eval
