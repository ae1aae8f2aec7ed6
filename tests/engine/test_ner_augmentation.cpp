// NER augmentation (train/ner/NerAugmentation): mention replacement within a type, case variants, offsets
// in code points kept right around replaced spans (non-ASCII text, adjacent and overlapping mentions,
// relations), copies a function of the seed, and NerTask training on the copies (its data record).
#include <cstdio>
#include <set>
#include <string>

#include "EngineCheck.h"
#include "text/Unicode.h"
#include "train/TaskFactory.h"
#include "train/ner/NerAugmentation.h"
#include "train/ner/NerTask.h"

using namespace quarry;
using document::AnnotatedDocument;
using document::EntityMention;

namespace {

// The code points [start, end) of `text` as UTF-8.
std::string span(const std::string& text, int32_t start, int32_t end) {
  const text::unicode::DecodedText d = text::unicode::decodeUtf8(text);
  return std::string(d.slice(text, start, end));
}

std::vector<AnnotatedDocument> documents() {
  std::vector<AnnotatedDocument> docs;
  // "Fièvre" and "naïve" put multi-byte letters before the mentions.
  const std::string a = "Fièvre: the naïve patient had Crohn disease and asthma after aspirin.";
  docs.emplace_back("a", a,
                    std::vector<EntityMention>{{30, 43, "Disease"}, {48, 54, "Disease"}, {61, 68, "Chemical"}});
  // Adjacent mentions (no space between) and an overlapping pair.
  const std::string b = "Breast cancerBRCA1 carriers; lung adenocarcinoma with cisplatin.";
  docs.emplace_back("b", b,
                    std::vector<EntityMention>{{0, 13, "Disease"}, {13, 18, "Gene"}, {29, 48, "Disease"},
                                               {34, 48, "Disease"}, {54, 63, "Chemical"}});
  docs[1].relations.push_back({2, 4, "treats"});
  return docs;
}

}  // namespace

int main() {
  const auto docs = documents();
  for (const auto& d : docs)
    for (const auto& m : d.entities) std::printf("%s [%d,%d) %s\n", d.id.c_str(), m.start, m.end, span(d.text, m.start, m.end).c_str());
  std::set<std::string> diseases, chemicals;
  for (const auto& d : docs)
    for (const auto& m : d.entities) (m.type == "Disease" ? diseases : chemicals).insert(span(d.text, m.start, m.end));

  // Replacement always, no case variants: every non-overlapping mention becomes another surface of its type.
  train::NerAugmentationOptions replace;
  replace.copies = 3;
  replace.mentionReplace = 1.0;
  replace.caseVariant = 0.0;
  const auto copies = train::augmentNerDocuments(docs, replace);
  EXPECT(copies.size() == 6 && copies[0].id == "a#aug1" && copies[5].id == "b#aug3", "three copies per document");
  int swapped = 0;
  for (size_t c = 0; c < copies.size(); ++c) {
    const AnnotatedDocument& copy = copies[c];
    const AnnotatedDocument& original = docs[c / 3];
    EXPECT(copy.entities.size() == original.entities.size() && copy.relations == original.relations,
           "mentions and relations are kept, index for index");
    EXPECT(text::unicode::isValidUtf8(copy.text), "the copy is valid UTF-8");
    for (size_t i = 0; i < copy.entities.size(); ++i) {
      const EntityMention& m = copy.entities[i];
      const std::string surface = span(copy.text, m.start, m.end);
      const std::string before = span(original.text, original.entities[i].start, original.entities[i].end);
      EXPECT(m.type == original.entities[i].type && m.start < m.end, "the type stays");
      if (original.id == "b" && (i == 2 || i == 3)) {
        EXPECT(surface == before, "overlapping mentions are kept as they are: " + surface);
        continue;
      }
      if (m.type == "Disease")
        EXPECT(diseases.count(surface) && surface != before, "a disease becomes another disease: " + surface);
      if (m.type == "Chemical")
        EXPECT(chemicals.count(surface) && surface != before, "a chemical becomes another chemical: " + surface);
      if (m.type == "Gene") EXPECT(surface == before, "the only gene has nothing to be swapped for");
      swapped += surface != before ? 1 : 0;
    }
    // Text between mentions is unchanged: the context around the first mention.
    if (original.id == "a") EXPECT(copy.text.rfind("Fièvre: the naïve patient had ", 0) == 0, "the context stays");
    if (original.id == "b") {
      EXPECT(copy.entities[0].end == copy.entities[1].start, "adjacent mentions stay adjacent");
      EXPECT(span(copy.text, copy.entities[1].start, copy.entities[1].end) == "BRCA1", "the gene after it is found");
    }
  }
  EXPECT(swapped > 10, "mentions were swapped");
  const auto again = train::augmentNerDocuments(docs, replace);
  bool same = again.size() == copies.size();
  for (size_t i = 0; same && i < again.size(); ++i) same = again[i].text == copies[i].text && again[i].entities == copies[i].entities;
  EXPECT(same, "the copies are a function of the seed");
  train::NerAugmentationOptions otherSeed = replace;
  otherSeed.seed = 7;
  const auto other = train::augmentNerDocuments(docs, otherSeed);
  bool differs = false;
  for (size_t i = 0; i < other.size(); ++i) differs = differs || other[i].text != copies[i].text;
  EXPECT(differs, "another seed swaps otherwise");

  // Case variants only: the same letters, lower, UPPER or Title.
  train::NerAugmentationOptions cased;
  cased.copies = 4;
  cased.mentionReplace = 0.0;
  cased.caseVariant = 1.0;
  std::set<std::string> variants;
  for (const AnnotatedDocument& copy : train::augmentNerDocuments({docs[0]}, cased)) {
    EXPECT(text::unicode::decodeUtf8(copy.text).cps.size() == text::unicode::decodeUtf8(docs[0].text).cps.size(),
           "a case variant keeps the length");
    const std::string surface = span(copy.text, copy.entities[0].start, copy.entities[0].end);
    variants.insert(surface);
    EXPECT(surface == "crohn disease" || surface == "CROHN DISEASE" || surface == "Crohn Disease",
           "lower, UPPER or Title: " + surface);
  }
  EXPECT(variants.size() >= 2, "more than one variant over four copies");
  EXPECT(train::augmentNerDocuments(docs, train::NerAugmentationOptions{}).empty(), "no copies by default");

  // NerTask trains on the originals and the copies; dev is left alone.
  train::TrainRequest request;
  request.config = train::TrainConfig::defaultsFor("ner");
  request.config.augmentCopies = 2;
  request.train = docs;
  request.dev = docs;
  auto task = train::NerTask::create(request);
  EXPECT(task.ok(), "a task with augmentation");
  if (task) {
    const auto record = task.value()->dataRecord();
    EXPECT(record["train_documents"] == 2 && record["augmented_documents"] == 4 && record["dev_documents"] == 2,
           "the data record counts the copies: " + record.dump());
    EXPECT(record["train_sentences"].get<int>() > record["dev_sentences"].get<int>(),
           "the copies' sentences are trained on, not evaluated");
  }
  auto refused = train::TrainConfig::fromJson({{"augment_copies", 50}}, "c.json");
  EXPECT(!refused.ok() && refused.error().field == "augment_copies", "augment_copies out of range names the field");

  std::printf("%s\n", quarry::test::g_failures ? "FAILED" : "all passed");
  return quarry::test::g_failures ? 1 : 0;
}
