// NerDataBuilder on the real NCBI-disease training split (read here from its TSV: token<TAB>tag, a blank
// line between sentences): one document per sentence, tokens joined by single spaces. The builder must
// find every sentence whole (no split inside), every mention aligned, and tags that decode back to the
// mentions. SKIP when the corpus is absent.

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "NerTestSupport.h"
#include "SharedData.h"
#include "train/ner/NerDataBuilder.h"

using namespace quarry::train;
namespace document = quarry::document;
using quarry::test::expectEq;
using quarry::test::expectTrue;

namespace {

int32_t codePoints(const std::string& s) {
  return static_cast<int32_t>(quarry::text::unicode::decodeUtf8(s).cps.size());
}

// Documents from CoNLL-style lines; returns false with a message on a malformed line.
bool readTsv(const std::filesystem::path& path, std::vector<document::AnnotatedDocument>& docs) {
  std::ifstream in(path);
  std::string line;
  long lineNo = 0;
  document::AnnotatedDocument cur;
  int32_t pos = 0, openStart = -1;
  std::string openType;
  auto closeEntity = [&] {
    if (openStart >= 0) cur.entities.push_back({openStart, pos - 1, openType});  // pos is past the space
    openStart = -1;
  };
  auto flush = [&] {
    if (cur.text.empty()) return;
    closeEntity();
    cur.id = "ncbi-train-" + std::to_string(docs.size());
    docs.push_back(std::move(cur));
    cur = document::AnnotatedDocument{};
    pos = 0;
  };
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cout << "FAIL " << path << ":" << lineNo << ": no tab\n";
      return false;
    }
    const std::string token = line.substr(0, tab), tag = line.substr(tab + 1);
    if (tag == "O" || tag.rfind("B-", 0) == 0 || (tag.rfind("I-", 0) == 0 && tag.substr(2) != openType))
      closeEntity();
    if (tag != "O" && openStart < 0) {
      openStart = pos;
      openType = tag.substr(2);
    }
    if (!cur.text.empty()) cur.text += ' ';
    cur.text += token;
    pos += codePoints(token) + 1;
  }
  flush();
  return true;
}

// Decoding every sentence's tags gives back each document's mentions, in code points of its text.
void checkData(const NerData& data, const std::vector<document::AnnotatedDocument>& docs, const std::string& what) {
  expectEq(data.misaligned.size(), 0u, what + ": misaligned");
  for (size_t i = 0; i < data.misaligned.size() && i < 5; ++i)
    std::cout << "  misaligned: " << data.misaligned[i].documentId << " " << data.misaligned[i].reason
              << "\n";
  expectEq(data.overlapping, 0, what + ": overlapping");
  expectEq(data.tags.types(), std::vector<std::string>{"Disease"}, what + ": types");
  std::vector<std::vector<document::EntityMention>> back(docs.size());
  size_t decoded = 0;
  for (const SentenceExample& ex : data.sentences) {
    for (const auto& [words, type] : data.tags.decode(ex.tags))
      back[static_cast<size_t>(ex.document)].push_back({ex.wordSpans[static_cast<size_t>(words.start)].start,
                                                        ex.wordSpans[static_cast<size_t>(words.end - 1)].end,
                                                        type});
    decoded += data.tags.decode(ex.tags).size();
  }
  size_t mismatched = 0;
  for (size_t d = 0; d < docs.size(); ++d)
    if (back[d] != docs[d].entities && ++mismatched <= 3) std::cout << "  mismatch in " << docs[d].id << "\n";
  expectEq(decoded, 5134u, what + ": mentions decoded");
  expectEq(mismatched, 0u, what + ": documents whose decoded mentions differ");
}

}  // namespace

int main() {
  const auto path = quarry::test::datasetsDir() / "ncbi-disease" / "train.tsv";
  if (!std::filesystem::exists(path)) {
    std::cout << "SKIP: " << path << " not found\n";
    return 77;
  }
  std::vector<document::AnnotatedDocument> docs;
  if (!readTsv(path, docs)) return 1;
  size_t mentions = 0;
  for (const auto& d : docs) mentions += d.entities.size();
  expectEq(docs.size(), 5424u, "documents read");
  expectEq(mentions, 5134u, "mentions read");

  // The corpus comes split into sentences: one sentence per document.
  NerDataOptions whole;
  whole.splitSentences = false;
  const NerData data = buildNerData(docs, {}, whole);
  expectEq(data.sentences.size(), 5424u, "sentences");
  checkData(data, docs, "IOB2, sentences as given");

  // Split again by the rules: they read tokenized text ("p < 0 . 01", "J . Biol . Chem .") as such, and
  // cut only a few citations ("N . Engl . J . Med"); the protected mentions are never cut.
  const NerData split = buildNerData(docs, {}, NerDataOptions{});
  std::cout << "  with sentence splitting: " << split.sentences.size() << " sentences\n";
  expectTrue(split.sentences.size() >= 5424u && split.sentences.size() <= 5424u + 15u,
             "sentence splitting of tokenized text stays close to the corpus sentences");
  checkData(split, docs, "IOB2, split by the rules");

  NerDataOptions bioes;
  bioes.encoding = TagEncoding::BIOES;
  checkData(buildNerData(docs, {}, bioes), docs, "BIOES");
  return quarry::test::finish("test_ner_data_ncbi");
}
