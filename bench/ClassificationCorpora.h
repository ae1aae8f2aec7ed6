#pragma once
// The staged classification corpora as the benches read them, with their declared splits (see
// bench_classify_train's header): hallmarks-of-cancer abstracts (position % 10: 0 test, 1 dev, else train;
// multi-label over the top-level hallmarks) and CLAUDETTE sentences (documents by name, position % 5: 0
// test, 1 dev, else train; the unfair categories of degree 2 or 3).

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "document/AnnotatedDocument.h"

namespace bench {

namespace fs = std::filesystem;

struct Splits {
  std::vector<quarry::document::AnnotatedDocument> train, dev, test;
};

inline std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream s(text);
  std::string line;
  while (std::getline(s, line)) out.push_back(line);
  return out;
}

inline Splits readHallmarks(const fs::path& root) {
  Splits s;
  std::vector<std::string> ids;
  for (const auto& e : fs::directory_iterator(root / "text")) ids.push_back(e.path().stem().string());
  std::sort(ids.begin(), ids.end());
  for (size_t i = 0; i < ids.size(); ++i) {
    quarry::document::AnnotatedDocument d;
    d.id = ids[i];
    std::vector<std::string> sentences = lines(readAll(root / "text" / (ids[i] + ".txt")));
    for (const std::string& sentence : sentences) d.text += (d.text.empty() ? "" : " ") + sentence;
    std::string labelLine = readAll(root / "labels" / (ids[i] + ".txt"));
    std::set<std::string> labels;
    size_t at = 0;
    while ((at = labelLine.find('<', at)) != std::string::npos) {
      size_t end = labelLine.find('<', at + 1);
      std::string piece = labelLine.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
      at = at + 1;
      size_t from = 0;
      while (from < piece.size()) {
        size_t andAt = piece.find("AND", from);
        std::string label = piece.substr(from, andAt == std::string::npos ? std::string::npos : andAt - from);
        from = andAt == std::string::npos ? piece.size() : andAt + 3;
        while (!label.empty() && label.back() == ' ') label.pop_back();
        while (!label.empty() && label.front() == ' ') label.erase(label.begin());
        const std::string top = label.substr(0, label.find("--"));
        if (!top.empty() && top != "NULL") labels.insert(top);
      }
    }
    d.labels.assign(labels.begin(), labels.end());
    (i % 10 == 0 ? s.test : i % 10 == 1 ? s.dev : s.train).push_back(std::move(d));
  }
  return s;
}

inline Splits readClaudette(const fs::path& root) {
  Splits s;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(root / "sentences")) names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  for (size_t i = 0; i < names.size(); ++i) {
    const std::vector<std::string> sentences = lines(readAll(root / "sentences" / (names[i] + ".txt")));
    const std::vector<std::string> tags = lines(readAll(root / "tags" / (names[i] + ".txt")));
    auto& target = i % 5 == 0 ? s.test : i % 5 == 1 ? s.dev : s.train;
    for (size_t k = 0; k < sentences.size(); ++k) {
      quarry::document::AnnotatedDocument d;
      d.id = names[i] + "#" + std::to_string(k + 1);
      d.text = sentences[k];
      std::set<std::string> labels;
      std::stringstream t(k < tags.size() ? tags[k] : std::string());
      std::string tag;
      while (t >> tag) {
        if (tag.size() < 2) continue;
        const char degree = tag.back();
        if (degree == '2' || degree == '3') labels.insert(tag.substr(0, tag.size() - 1));
      }
      d.labels.assign(labels.begin(), labels.end());
      target.push_back(std::move(d));
    }
  }
  return s;
}

}  // namespace bench
