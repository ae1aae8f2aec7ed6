// Warm start (train/WarmStart.h) of a BiLSTM-CRF tagger from an earlier one trained on fewer sentences, as
// active learning's rounds do: the vocabulary grew and was ordered anew, yet every word and character the
// earlier model knew keeps its embedding row (taken by name, train/KeyedRows.h), only the new ones start
// afresh, and the tensors of the same shape (LSTM, projection, CRF) are taken whole.

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include "EngineCheck.h"
#include "train/KeyedRows.h"
#include "train/TrainConfig.h"
#include "train/Trainer.h"
#include "train/WarmStart.h"
#include "train/ner/NerTask.h"

using namespace quarry;
using namespace quarry::train;
namespace fs = std::filesystem;

namespace {

document::AnnotatedDocument sentence(const std::string& id, const std::string& drug,
                                     const std::string& filler) {
  // "<filler> <drug> treats fever ." with <drug> a DRUG.
  const std::string text = filler + " " + drug + " treats fever .";
  document::AnnotatedDocument d(id, text);
  const int start = static_cast<int>(filler.size()) + 1;
  d.entities.emplace_back(start, start + static_cast<int>(drug.size()), "DRUG");
  return d;
}

std::unique_ptr<TaskModel> modelOf(const std::vector<document::AnnotatedDocument>& docs, NerTask** taskOut,
                                   std::unique_ptr<NerTask>& holder) {
  TrainRequest request;
  request.config.task = "ner";
  request.config.threads = 1;
  request.train = docs;
  auto task = NerTask::create(request);
  if (!task) {
    std::printf("FAIL: task: %s\n", task.error().toString().c_str());
    return nullptr;
  }
  holder = std::move(task.value());
  *taskOut = holder.get();
  auto model = holder->createModel(request.config);
  if (!model) {
    std::printf("FAIL: model: %s\n", model.error().toString().c_str());
    return nullptr;
  }
  return std::move(model.value());
}

at::Tensor tensorOf(TaskModel& model, const std::string& name) {
  for (const auto& p : model.module().named_parameters(true))
    if (p.key() == name) return p.value();
  return {};
}

}  // namespace

int main() {
  at::set_num_threads(1);
  const fs::path root = fs::temp_directory_path() / ("quarry-warm-start-" + std::to_string(::getpid()));
  fs::create_directories(root);

  // The earlier model: two drugs; the later one: those two (now rarer) and three more, with a new character.
  std::vector<document::AnnotatedDocument> earlier{sentence("a", "aspirin", "the"),
                                                   sentence("b", "heparin", "a")};
  std::vector<document::AnnotatedDocument> later = earlier;
  for (int i = 0; i < 3; ++i) {
    later.push_back(sentence("c" + std::to_string(i), "zolpidem", "then"));
    later.push_back(sentence("d" + std::to_string(i), "xanax", "then"));
    later.push_back(sentence("e" + std::to_string(i), "quinine", "then"));
  }
  NerTask *earlierTask = nullptr, *laterTask = nullptr;
  std::unique_ptr<NerTask> earlierHolder, laterHolder;
  auto before = modelOf(earlier, &earlierTask, earlierHolder);
  auto after = modelOf(later, &laterTask, laterHolder);
  EXPECT(before && after, "both models are made");
  if (!before || !after) return 1;
  {
    at::NoGradGuard noGrad;
    for (const auto& p : before->module().named_parameters(true))
      p.value().normal_();  // unlike a fresh model
  }
  const std::string folder = (root / "earlier").string();
  EXPECT(before->save(folder).ok(), "the earlier model saves");

  const auto* beforeKeys = dynamic_cast<const KeyedRows*>(before.get());
  const auto* afterKeys = dynamic_cast<const KeyedRows*>(after.get());
  EXPECT(beforeKeys && afterKeys, "a BiLSTM tagger names its embedding rows");
  if (!beforeKeys || !afterKeys) return 1;
  const std::vector<std::string> oldWords = beforeKeys->rowKeys("word_embedding.weight");
  const std::vector<std::string> newWords = afterKeys->rowKeys("word_embedding.weight");
  EXPECT(newWords.size() > oldWords.size(), "the vocabulary grew: " + std::to_string(oldWords.size()) +
                                                " -> " + std::to_string(newWords.size()));
  std::map<std::string, int64_t> oldRow, newRow;
  for (size_t r = 0; r < oldWords.size(); ++r) oldRow[oldWords[r]] = int64_t(r);
  for (size_t r = 0; r < newWords.size(); ++r) newRow[newWords[r]] = int64_t(r);
  EXPECT(oldRow.count("aspirin") && newRow.count("aspirin") && oldRow["aspirin"] != newRow["aspirin"],
         "a known word sits at another row in the grown vocabulary");
  EXPECT(beforeKeys->rowKeys("lstm.weight_ih_l0").empty(), "other tensors have no row names");

  const at::Tensor freshWords = tensorOf(*after, "word_embedding.weight").clone();
  const at::Tensor freshChars = tensorOf(*after, "char_embedding.weight").clone();
  auto warm = warmStart(*laterTask, *after, folder);
  EXPECT(warm.ok(), warm ? "warm start works" : "warm start: " + warm.error().toString());
  if (!warm) return 1;

  const at::Tensor oldEmbedding = tensorOf(*before, "word_embedding.weight");
  const at::Tensor newEmbedding = tensorOf(*after, "word_embedding.weight");
  bool knownTaken = true, newFresh = true;
  for (const auto& [word, row] : newRow) {
    auto old = oldRow.find(word);
    if (old != oldRow.end())
      knownTaken = knownTaken && at::equal(newEmbedding[row], oldEmbedding[old->second]);
    else
      newFresh = newFresh && at::equal(newEmbedding[row], freshWords[row]);
  }
  EXPECT(knownTaken, "every word the earlier model knew has its row (padding and unknown included)");
  EXPECT(newFresh, "the new words keep their fresh rows");
  EXPECT(newRow.count("zolpidem") && !at::equal(newEmbedding[newRow["zolpidem"]], oldEmbedding[1]),
         "a new word is not given the unknown word's row");

  const std::vector<std::string> oldChars = beforeKeys->rowKeys("char_embedding.weight");
  const std::vector<std::string> newChars = afterKeys->rowKeys("char_embedding.weight");
  std::map<std::string, int64_t> oldCharRow;
  for (size_t r = 0; r < oldChars.size(); ++r) oldCharRow[oldChars[r]] = int64_t(r);
  const at::Tensor oldCharEmbedding = tensorOf(*before, "char_embedding.weight");
  const at::Tensor newCharEmbedding = tensorOf(*after, "char_embedding.weight");
  bool charsTaken = true, charsFresh = true;
  for (size_t r = 0; r < newChars.size(); ++r) {
    auto old = oldCharRow.find(newChars[r]);
    if (old != oldCharRow.end())
      charsTaken = charsTaken && at::equal(newCharEmbedding[int64_t(r)], oldCharEmbedding[old->second]);
    else
      charsFresh = charsFresh && at::equal(newCharEmbedding[int64_t(r)], freshChars[int64_t(r)]);
  }
  EXPECT(newChars.size() > oldChars.size() && charsTaken && charsFresh,
         "characters too: the known ones taken by name, the new ones (z, x, q) fresh");

  // The tensors of the same shape are taken whole; the two tables are reported row by row.
  const at::Tensor lstmBefore = tensorOf(*before, "lstm.weight_ih_l0"),
                   lstmAfter = tensorOf(*after, "lstm.weight_ih_l0");
  EXPECT(lstmBefore.defined() && at::equal(lstmBefore, lstmAfter), "the LSTM is taken whole");
  EXPECT(warm->kept.empty(), "nothing is left as initialised");
  EXPECT(warm->byName.size() == 2, "two tables taken by name");
  for (const WarmStartReport::KeyedTable& t : warm->byName)
    if (t.name == "word_embedding.weight")
      EXPECT(t.rowsTaken == int64_t(oldWords.size()) && t.rows == int64_t(newWords.size()),
             "the report counts the word rows taken of the table's rows");

  fs::remove_all(root);
  if (quarry::test::g_failures == 0) std::printf("test_warm_start: all checks passed\n");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
