#pragma once
// Reads a token<TAB>tag file (NCBI-disease, BC5CDR-IOB) into NerDocuments, one per sentence, the text
// being the tokens joined by single spaces (as quarry's CoNLL import does) — so the engine benches run
// on a machine without Qt.

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "train/ner/NerExample.h"

namespace bench {

inline int32_t codePoints(const std::string& s) {
  int32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline std::vector<quarry::document::AnnotatedDocument> readConll(const std::string& path) {
  std::vector<quarry::document::AnnotatedDocument> docs;
  std::ifstream in(path);
  std::string line;
  quarry::document::AnnotatedDocument doc;
  int32_t length = 0;
  int32_t openStart = -1, openEnd = -1;
  std::string openType;
  auto close = [&] {
    if (openStart >= 0) doc.entities.push_back({openStart, openEnd, openType});
    openStart = -1;
  };
  auto finish = [&] {
    close();
    if (!doc.text.empty()) {
      doc.id = path + "#" + std::to_string(docs.size() + 1);
      docs.push_back(doc);
    }
    doc = {};
    length = 0;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      finish();
      continue;
    }
    const size_t tab = line.find_last_of('\t');
    const std::string token = line.substr(0, tab), tag = tab == std::string::npos ? "O" : line.substr(tab + 1);
    if (!doc.text.empty()) {
      doc.text += ' ';
      ++length;
    }
    const int32_t start = length;
    doc.text += token;
    length += codePoints(token);
    if (tag == "O") {
      close();
    } else if (tag.rfind("B-", 0) == 0 || (tag.rfind("I-", 0) == 0 && (openStart < 0 || openType != tag.substr(2)))) {
      close();
      openStart = start;
      openEnd = length;
      openType = tag.substr(2);
    } else {
      openEnd = length;
    }
  }
  finish();
  return docs;
}

inline std::string sharedDir() {
  const char* env = std::getenv("QUARRY_SHARED_DIR");
  return env ? env : "../shared";
}

}  // namespace bench
