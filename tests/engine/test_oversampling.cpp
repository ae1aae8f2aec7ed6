// Oversampling of rare labels (train/RareLabelOversampling.h): the copies per unit for given label counts
// and powers, and the NER and classification tasks training on those copies (their data records).
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "train/RareLabelOversampling.h"
#include "train/classify/ClassifyTask.h"
#include "train/ner/NerTask.h"

using namespace quarry::train;
namespace document = quarry::document;

namespace {

void checkCopies() {
  // Label 0 in 8 units, label 1 in 2, label 2 in 1; one unit without labels.
  std::vector<std::vector<int32_t>> units = {{0}, {0}, {0}, {0}, {0}, {0}, {0, 1}, {0, 2}, {1}, {}};
  EXPECT(oversamplingCopies(units, 3, 0) == std::vector<int>(10, 0), "power 0: no copies");
  EXPECT(oversamplingCopies(units, 3, 1) == std::vector<int>({0, 0, 0, 0, 0, 0, 3, 7, 3, 0}),
         "power 1: a unit of a label seen 2 times of 8 trains 4 times, one seen once 8 times (its rarest label counts)");
  EXPECT(oversamplingCopies(units, 3, 0.5) == std::vector<int>({0, 0, 0, 0, 0, 0, 1, 2, 1, 0}),
         "power 0.5: sqrt(4) = 2 and sqrt(8) = 2.83 -> 3 times");
  std::vector<std::vector<int32_t>> skewed(200, std::vector<int32_t>{0});
  skewed.push_back({1});
  EXPECT(oversamplingCopies(skewed, 2, 1).back() == kMaxOversampling - 1, "at most 10 times in all");
}

document::AnnotatedDocument nerDocument(const std::string& text, const std::string& type) {
  document::AnnotatedDocument d;
  d.id = text;
  d.text = text + " .";
  d.entities.push_back({0, static_cast<int32_t>(text.size()), type});
  return d;
}

void checkTasks() {
  TrainRequest ner;
  ner.config.task = "ner";
  ner.config.oversampleRare = 1;
  for (int i = 0; i < 6; ++i) ner.train.push_back(nerDocument("aspirin" + std::to_string(i), "Drug"));
  ner.train.push_back(nerDocument("gout", "Disease"));
  ner.train.push_back(nerDocument("asthma", "Disease"));
  auto task = NerTask::create(ner);
  EXPECT(task.ok(), "the NER task builds");
  if (task) {
    EXPECT(task.value()->trainData().sentences.size() == 8 + 2 * 2 && task.value()->dataRecord()["oversampled_sentences"] == 4,
           "each of the 2 Disease sentences (6 Drug ones) is trained on 3 times");
  }
  TrainRequest classify;
  classify.config = TrainConfig::defaultsFor("classify");
  classify.config.task = "classify";
  classify.config.oversampleRare = 1;
  for (int i = 0; i < 9; ++i) {
    document::AnnotatedDocument d;
    d.id = std::to_string(i);
    d.text = "text " + d.id;
    d.labels = {i < 6 ? "common" : "rare"};
    classify.train.push_back(d);
  }
  auto c = ClassifyTask::create(classify);
  EXPECT(c.ok() && c.value()->dataRecord()["oversampled_documents"] == 3 && c.value()->dataRecord()["train_documents"] == 9,
         "the 3 rare documents (6 common) are trained on twice; the record counts the 9 documents apart from the copies");
  auto refused = TrainConfig::fromJson({{"task", "classify"}, {"oversample_rare", 3}});
  EXPECT(!refused && refused.error().field == "oversample_rare", "a power above 2 is refused");
}

}  // namespace

int main() {
  checkCopies();
  checkTasks();
  if (quarry::test::g_failures == 0) std::printf("PASS: oversampling\n");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
