#include "text/JsonFile.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace quarry::text {

Result<nlohmann::json> readJsonFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error("cannot open the file", file.string());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const size_t at = std::min<size_t>(e.byte, text.size());
    const long line = 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    return Error(std::string("malformed JSON: ") + e.what(), file.string(), line);
  }
}

}  // namespace quarry::text
