// Masked-LM pretraining on the shared Trainer: sentence-aware packing (every sentence's tokens once, in
// order; sequences closed only when the next sentence would overflow; long sentences cut), masking
// statistics (15%, 80/10/10, never a template token, whole words whole) and determinism in (seed, epoch,
// item), a tiny random BERT's dev loss falling on a repetitive corpus, bit-identical resume, cancel within
// one step, and the saved Hugging Face folder reloading with the same dev loss and serving as the base
// model of an NER tagger and a classifier.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/ops/allclose.h>
#include <ATen/ops/tensor.h>
#include <c10/core/GradMode.h>
#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "PretrainingTestSupport.h"
#include "text/TokenizerFactory.h"
#include "train/TaskFactory.h"
#include "train/classify/ClassifyTask.h"
#include "train/mlm/MaskedLmTask.h"
#include "train/ner/NerTask.h"

namespace fs = std::filesystem;
using namespace quarry::train;
using namespace pretraining_test;
namespace document = quarry::document;
namespace text = quarry::text;

namespace {

void checkPacking(const text::Tokenizer& tokenizer) {
  // Sentences of known token counts: 7 (six words and "."), and one of 23 that must be cut.
  std::mt19937_64 rng(3);
  std::vector<std::string> docs;
  std::vector<int> sentenceLengths;
  std::vector<int32_t> expectedIds;
  for (int d = 0; d < 12; ++d) {
    std::string doc;
    for (int s = 0; s < 1 + d % 3; ++s) {
      std::string one = sentence(rng);
      int length = 7;
      if (d == 5 && s == 0) {
        one = "Long";
        for (int k = 0; k < 21; ++k) one += " long";
        one += " .";
        length = 23;
      }
      doc += (doc.empty() ? "" : " ") + one;
      sentenceLengths.push_back(length);
    }
    for (const text::Piece& p : tokenizer.tokenize(doc)) expectedIds.push_back(static_cast<int32_t>(p.id));
    docs.push_back(doc);
  }
  SequencePacker packer(tokenizer, 12);
  EXPECT(packer.capacity() == 10, "capacity = max_length - [CLS] and [SEP]");
  for (const std::string& d : docs) packer.addDocument(d);
  EXPECT(packer.sentenceCount() == static_cast<int64_t>(sentenceLengths.size()), "every sentence counted");
  const PretrainingSequences packed = packer.finish();
  EXPECT(packed.ids == expectedIds, "every sentence's tokens appear once, in order");
  // The packing rule applied to the sentence lengths by hand.
  std::vector<int32_t> expectedLengths;
  int open = 0;
  for (int length : sentenceLengths) {
    if (open > 0 && open + length > 10) {
      expectedLengths.push_back(open);
      open = 0;
    }
    for (int k = 0; k < length; ++k) {
      if (open == 10) {
        expectedLengths.push_back(open);
        open = 0;
      }
      ++open;
    }
  }
  if (open > 0) expectedLengths.push_back(open);
  std::vector<int32_t> lengths;
  for (size_t s = 0; s < packed.size(); ++s) lengths.push_back(packed.length(s));
  EXPECT(lengths == expectedLengths,
         "sequences close only when the next sentence would overflow; long ones cut");
  bool closedFull = true;
  for (size_t s = 0; s + 1 < lengths.size(); ++s) closedFull = closedFull && lengths[s] + 7 > 10;
  EXPECT(closedFull, "every sequence but the last is full: no further seven-token sentence fits");
  EXPECT(packed.flags.size() == packed.ids.size() && (packed.flags[0] & PretrainingSequences::kWordStart),
         "one flag byte per token, a sequence starts a word");

  // Specials in place: [CLS] first, [SEP] last, labels -100 there.
  auto vocabulary = MaskVocabulary::of(tokenizer, "test");
  EXPECT(vocabulary.ok(), "the tokenizer has [MASK]");
  if (!vocabulary) return;
  std::vector<int32_t> items(packed.size());
  for (size_t s = 0; s < items.size(); ++s) items[s] = static_cast<int32_t>(s);
  const MaskedRows rows = maskedRows(packed, items, tokenizer.postTemplate().single, {}, *vocabulary, 1, 0);
  bool specials = true;
  for (size_t r = 0; r < items.size(); ++r)
    specials = specials && rows.ids[r].size() == static_cast<size_t>(lengths[r] + 2) &&
               rows.ids[r].front() == *tokenizer.specialTokens().clsId &&
               rows.ids[r].back() == *tokenizer.specialTokens().sepId && rows.labels[r].front() == -100 &&
               rows.labels[r].back() == -100;
  EXPECT(specials, "every row is [CLS] sequence [SEP] with no label on the specials");
}

void checkMasking(const text::Tokenizer& tokenizer) {
  auto vocabulary = MaskVocabulary::of(tokenizer, "test");
  if (!vocabulary) return;
  std::mt19937_64 rng(5);
  SequencePacker packer(tokenizer, 64);
  for (int d = 0; d < 1500; ++d) {
    std::string doc;
    for (int s = 0; s < 4; ++s) doc += sentence(rng) + (s % 2 ? " Unbelievable unbelievable ." : " ");
    packer.addDocument(doc);
  }
  const PretrainingSequences packed = packer.finish();
  std::vector<int32_t> items(packed.size());
  for (size_t s = 0; s < items.size(); ++s) items[s] = static_cast<int32_t>(s);
  const int64_t maskId = vocabulary->maskId;
  const std::vector<text::TemplateItem>& layout = tokenizer.postTemplate().single;

  const MaskedRows rows = maskedRows(packed, items, layout, {}, *vocabulary, 11, 2);
  int64_t tokens = 0, chosen = 0, masked = 0, random = 0, kept = 0;
  bool specialChosen = false;
  for (size_t r = 0; r < items.size(); ++r) {
    const size_t n = rows.ids[r].size();
    specialChosen = specialChosen || rows.labels[r][0] != -100 || rows.labels[r][n - 1] != -100;
    for (size_t i = 1; i + 1 < n; ++i) {
      ++tokens;
      const int64_t original = packed.idsOf(r)[i - 1];
      if (rows.labels[r][i] == -100) {
        specialChosen = specialChosen || rows.ids[r][i] != original;
        continue;
      }
      ++chosen;
      specialChosen = specialChosen || rows.labels[r][i] != original;
      if (rows.ids[r][i] == maskId)
        ++masked;
      else if (rows.ids[r][i] == original)
        ++kept;
      else
        ++random;
    }
  }
  const double share = static_cast<double>(chosen) / static_cast<double>(tokens);
  std::printf("masking: %lld tokens, %.4f chosen; of them %.3f [MASK], %.3f random, %.3f kept\n",
              static_cast<long long>(tokens), share, static_cast<double>(masked) / chosen,
              static_cast<double>(random) / chosen, static_cast<double>(kept) / chosen);
  EXPECT(std::fabs(share - 0.15) < 0.005, "about 15% of the tokens are chosen");
  EXPECT(std::fabs(static_cast<double>(masked) / chosen - 0.8) < 0.015, "80% of the chosen become [MASK]");
  // A random replacement equal to the original counts as kept: 1 in ~30 here.
  EXPECT(std::fabs(static_cast<double>(random) / chosen - 0.1) < 0.015, "10% a random token");
  EXPECT(std::fabs(static_cast<double>(kept) / chosen - 0.1) < 0.015, "10% stay");
  EXPECT(!specialChosen, "never a template token; labels are the originals; unchosen tokens unchanged");

  // Deterministic in (seed, epoch, item): the same triple gives the same rows, another epoch others.
  const MaskedRows again = maskedRows(packed, items, layout, {}, *vocabulary, 11, 2);
  const MaskedRows other = maskedRows(packed, items, layout, {}, *vocabulary, 11, 3);
  const MaskedRows reordered = maskedRows(packed, {5, 3}, layout, {}, *vocabulary, 11, 2);
  EXPECT(again.ids == rows.ids && again.labels == rows.labels, "the same (seed, epoch, item), the same mask");
  EXPECT(other.labels != rows.labels, "another epoch, another mask");
  EXPECT(reordered.labels[0] == rows.labels[5] && reordered.labels[1] == rows.labels[3],
         "an item's mask does not depend on its batch");
  const MaskedRows otherSeed = maskedRows(packed, items, layout, {}, *vocabulary, 12, 2);
  EXPECT(otherSeed.labels != rows.labels, "another seed, another mask");

  // Whole words: "unbelievable" is un ##believ ##able; chosen words are chosen whole.
  MaskingOptions whole;
  whole.wholeWord = true;
  const MaskedRows words = maskedRows(packed, items, layout, whole, *vocabulary, 11, 0);
  bool wholeWords = true;
  int64_t wordTokens = 0, wordChosen = 0, splitWordsChosen = 0;
  for (size_t r = 0; r < items.size(); ++r) {
    const uint8_t* flags = packed.flagsOf(r);
    const auto n = static_cast<size_t>(packed.length(r));
    for (size_t i = 0; i < n;) {
      size_t end = i + 1;
      while (end < n && !(flags[end] & PretrainingSequences::kWordStart)) ++end;
      int pieces = 0;
      for (size_t k = i; k < end; ++k) pieces += words.labels[r][k + 1] != -100 ? 1 : 0;
      wholeWords = wholeWords && (pieces == 0 || pieces == static_cast<int>(end - i));
      wordTokens += static_cast<int64_t>(end - i);
      wordChosen += pieces;
      if (end - i == 3 && pieces == 3) ++splitWordsChosen;
      i = end;
    }
  }
  EXPECT(wholeWords, "whole-word masking masks every piece of a chosen word or none");
  EXPECT(splitWordsChosen > 100, "three-piece words are chosen");
  EXPECT(std::fabs(static_cast<double>(wordChosen) / wordTokens - 0.15) < 0.02,
         "about 15% of tokens by words");
}

// The numbers of a nested JSON array, flattened.
void flatten(const nlohmann::json& j, std::vector<double>& out) {
  if (!j.is_array()) {
    out.push_back(j.get<double>());
    return;
  }
  for (const auto& e : j) flatten(e, out);
}

// A Hugging Face BertForMaskedLM checkpoint loaded as the task's model gives transformers' logits
// (shared/fixtures/outputs.jsonl, case "single"; tolerance 2e-5 as the fixtures README recommends).
void checkFixtureLogits() {
  const char* env = std::getenv("QUARRY_SHARED_DIR");
  const fs::path fixtures = fs::path(env && *env ? env : "../shared") / "fixtures";
  const fs::path folder = fixtures / "models/bert-masked-lm";
  std::ifstream lines(fixtures / "outputs.jsonl");
  if (!lines || !fs::exists(folder)) {
    std::printf("fixtures not found: the checkpoint parity check is skipped\n");
    return;
  }
  nlohmann::json record;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    nlohmann::json r = nlohmann::json::parse(line);
    if (r.value("model", "") == "bert-masked-lm" && r.value("case", "") == "single") record = std::move(r);
  }
  EXPECT(!record.is_null(), "outputs.jsonl has bert-masked-lm's single case");
  if (record.is_null()) return;
  TrainConfig config = TrainConfig::defaultsFor("mlm");
  config.modelFolder = folder.string();
  auto model = MaskedLmModel::create(config);
  EXPECT(model.ok(), model ? "the checkpoint loads as a masked-LM model" : model.error().message);
  if (!model) return;
  model.value()->module().eval();
  std::vector<double> ids, mask, types, positions, fixed, expected;
  flatten(record["input_ids"], ids);
  flatten(record["attention_mask"], mask);
  flatten(record["token_type_ids"], types);
  flatten(record["mlm_positions"], positions);
  flatten(record["mlm_fixed_ids"], fixed);
  flatten(record["mlm_logits_at_fixed_ids"], expected);
  auto tensor = [](const std::vector<double>& v) {
    std::vector<int64_t> l(v.begin(), v.end());
    return at::tensor(l, at::kLong).reshape({1, -1});
  };
  at::NoGradGuard noGrad;
  const at::Tensor logits =
      model.value()->transformer()->forward(tensor(ids), tensor(mask), tensor(types)).logits[0];
  double worst = 0;
  for (size_t p = 0; p < positions.size(); ++p)
    for (size_t k = 0; k < fixed.size(); ++k)
      worst = std::max(
          worst,
          std::fabs(
              logits[static_cast<int64_t>(positions[p])][static_cast<int64_t>(fixed[k])].item<double>() -
              expected[p * fixed.size() + k]));
  std::printf("bert-masked-lm logits at the fixed ids: worst difference %.2e\n", worst);
  EXPECT(worst < 2e-5, "masked-LM logits as transformers gives them");

  // The head read at chosen positions only gives those rows of the full logits.
  quarry::model::ForwardOptions only;
  only.headPositions = at::tensor(std::vector<int64_t>(positions.begin(), positions.end()), at::kLong);
  const at::Tensor picked =
      model.value()->transformer()->forward(tensor(ids), tensor(mask), tensor(types), only).logits;
  EXPECT(picked.size(0) == static_cast<int64_t>(positions.size()) &&
             at::allclose(picked, logits.index_select(0, only.headPositions), 1e-5, 1e-6),
         "headPositions: the head's logits at those positions only, as the full forward's rows");
}

}  // namespace

int main() {
  const fs::path root = fs::temp_directory_path() / ("quarry-test-mlm-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string vocab = writeVocab(root / "vocab");
  auto tokenizer = text::loadTokenizer(vocab);
  EXPECT(tokenizer.ok(), "the test vocabulary loads");
  if (!tokenizer) return 1;
  checkPacking(*tokenizer.value());
  checkMasking(*tokenizer.value());
  checkFixtureLogits();

  const auto docs = corpus(160, 1);
  const TrainConfig config = tinyConfig(vocab);

  // 1. A tiny random BERT: the dev loss falls over a few epochs.
  auto full = train(config, root / "full", docs);
  EXPECT(full.ok(), full ? "the tiny model trains" : "the tiny model trains: " + full.error().message);
  if (!full) return 1;
  {
    const auto& h = full->history;
    EXPECT(h.size() == 4, "one evaluation per epoch");
    const double first = h.front()["dev_loss"].get<double>(), last = h.back()["dev_loss"].get<double>();
    std::printf("dev loss by epoch:");
    for (const auto& e : h)
      std::printf(" %.4f (ppl %.2f)", e["dev_loss"].get<double>(), e["dev_perplexity"].get<double>());
    std::printf("\n");
    EXPECT(last < first * 0.8, "the dev loss falls by a fifth or more over four epochs");
    EXPECT(
        std::fabs(full->bestDevScore - std::exp(-full->bestDevReport.details["loss"].get<double>())) < 1e-12,
        "the primary figure is 1 / perplexity");
    EXPECT(full->data.value("dev_fraction", 0.0) == 0.15, "the data record says how dev was held back");
  }

  // 2. Cancel within one step; resume after two epochs == four uninterrupted epochs, bit for bit.
  {
    auto probe = MaskedLmTask::create([&] {
      TrainRequest r;
      r.config = config;
      r.train = docs;
      return r;
    }());
    int64_t stepsPerEpoch = full->steps / config.epochs;
    auto cancelled = train(config, root / "part", docs, [&](const TrainProgress& p) {
      return p.phase != "train" || p.step < 2 * stepsPerEpoch;
    });
    EXPECT(cancelled.ok() && cancelled->end == TrainResult::End::Cancelled &&
               cancelled->steps == 2 * stepsPerEpoch,
           "cancelled within one step, after two epochs");
    auto resumed = train(config, root / "part", docs, {}, true);
    EXPECT(resumed.ok() && resumed->steps == full->steps, "the resumed run ends at the same step");
    auto a = probe.value()->loadModel((root / "full" / "last" / "model").string());
    auto b = probe.value()->loadModel((root / "part" / "last" / "model").string());
    EXPECT(a.ok() && b.ok(), "both last states load");
    if (a && b)
      EXPECT(sameWeights(a.value()->weights(), b.value()->weights()), "resumed weights are bit-identical");
    auto early = train(config, root / "early", docs, [](const TrainProgress& p) { return p.step < 3; });
    EXPECT(early.ok() && early->end == TrainResult::End::Cancelled && early->steps == 3, "cancel at step 3");
  }

  // 3. The saved folder: a Hugging Face BertForMaskedLM folder that reloads with the same dev loss.
  const fs::path best = full->bestFolder;
  {
    nlohmann::json hf = nlohmann::json::parse(std::ifstream(best / "config.json"));
    EXPECT(hf["architectures"][0] == "BertForMaskedLM", "config.json names BertForMaskedLM");
    EXPECT(fs::is_regular_file(best / "model.safetensors") && fs::is_regular_file(best / "vocab.txt"),
           "weights and tokenizer files are there");
    auto task = modelFolderTask(best.string());
    EXPECT(task.ok() && *task == "mlm", "quarry_task.json says mlm");
    TrainRequest r;
    r.config = config;
    r.train = docs;
    auto mlm = MaskedLmTask::create(r);
    auto model = mlm.value()->loadModel(best.string());
    EXPECT(model.ok(), "the best folder loads");
    if (model) {
      model.value()->module().eval();
      (void)mlm.value()->featurizeTrain(*model.value());
      auto dev = mlm.value()->featurizeDev(*model.value());
      auto report = mlm.value()->evaluate(*model.value(), *dev.value(), 32);
      EXPECT(report.ok() && std::fabs(report->primary - full->bestDevScore) < 1e-9,
             "the reloaded model has the same dev loss");
      const auto saved = model.value()->weights();
      EXPECT(saved.count("cls.predictions.bias") && saved.count("cls.predictions.transform.dense.weight"),
             "the MLM head under Hugging Face names");

      // NER and classification take the folder as their base model: the encoder's weights are the folder's.
      TrainRequest ner;
      ner.config = TrainConfig::defaultsFor("ner");
      ner.config.kind = ModelKind::Transformer;
      ner.config.modelFolder = best.string();
      ner.config.maxLength = 16;
      ner.config.stride = 4;
      ner.config.epochs = 2;
      ner.config.batchSize = 8;
      ner.config.patience = 0;
      for (int i = 0; i < 40; ++i) {
        document::AnnotatedDocument d = docs[static_cast<size_t>(i)];
        for (const std::string& who : kSubjects) {
          const size_t at = d.text.find(who.substr(who.find(' ') + 1));
          if (at != std::string::npos)
            d.entities.push_back({static_cast<int32_t>(at),
                                  static_cast<int32_t>(at + who.size() - who.find(' ') - 1), "ANIMATE"});
        }
        std::sort(d.entities.begin(), d.entities.end(),
                  [](const document::EntityMention& x, const document::EntityMention& y) {
                    return x.start < y.start;
                  });
        (i < 32 ? ner.train : ner.dev).push_back(d);
      }
      auto nerTask = NerTask::create(ner);
      EXPECT(nerTask.ok(), "an NER task");
      auto tagger = nerTask.value()->createModel(ner.config);
      EXPECT(tagger.ok(), tagger ? "an NER tagger on the pretrained folder" : tagger.error().message);
      const std::string weight = "bert.encoder.layer.0.attention.self.query.weight";
      if (tagger) {
        const auto w = tagger.value()->weights();
        EXPECT(w.count(weight) && at::allclose(w.at(weight), saved.at(weight), 0, 0) &&
                   at::allclose(w.at("bert.embeddings.word_embeddings.weight"),
                                saved.at("bert.embeddings.word_embeddings.weight"), 0, 0),
               "the tagger's encoder is the pretrained one");
      }
      ner.outputFolder = (root / "ner").string();
      auto nerRun = runTraining(ner);
      EXPECT(nerRun.ok() && nerRun->task == "ner",
             nerRun ? "NER fine-tunes from the pretrained folder" : nerRun.error().message);

      TrainRequest classify;
      classify.config = TrainConfig::defaultsFor("classify");
      classify.config.kind = ModelKind::Transformer;
      classify.config.modelFolder = best.string();
      classify.config.maxLength = 16;
      classify.config.stride = 4;
      for (int i = 0; i < 10; ++i) {
        document::AnnotatedDocument d = docs[static_cast<size_t>(i)];
        d.labels = {i % 2 ? "odd" : "even"};
        classify.train.push_back(d);
      }
      auto classifyTask = ClassifyTask::create(classify);
      auto classifier = classifyTask ? classifyTask.value()->createModel(classify.config)
                                     : quarry::Result<std::unique_ptr<TaskModel>>(classifyTask.error());
      EXPECT(classifier.ok(), classifier ? "a classifier on the pretrained folder (quarry_task.json says mlm)"
                                         : classifier.error().message);
      if (classifier)
        EXPECT(at::allclose(classifier.value()->weights().at(weight), saved.at(weight), 0, 0),
               "the classifier's encoder is the pretrained one");
    }
  }

  // 4. A corpus folder streamed through TextCorpusReader: documents are blocks of lines, dev held back by
  // document.
  {
    const fs::path folder = root / "corpus";
    fs::create_directories(folder / "part");
    std::mt19937_64 rng(9);
    int documents = 0;
    for (const fs::path& file : {folder / "a.txt", folder / "part" / "b.txt"}) {
      std::ofstream out(file);
      for (int d = 0; d < 40; ++d, ++documents)
        out << sentence(rng) << ' ' << sentence(rng) << '\n' << sentence(rng) << "\n\n";
    }
    int devDocuments = 0;
    for (int d = 0; d < documents; ++d)
      devDocuments +=
          MaskedLmTask::isDevDocument(config.seed, config.devFraction, static_cast<size_t>(d)) ? 1 : 0;
    EXPECT(devDocuments > 3 && devDocuments < 24, "about 15% of the documents are held back");
    TrainConfig c = config;
    c.epochs = 1;
    auto corpusRequest = [&](std::vector<std::string> corpora, const fs::path& out) {
      TrainRequest r;
      r.config = c;
      r.corpora = std::move(corpora);
      r.outputFolder = out.string();
      return r;
    };
    auto streamed = runTraining(corpusRequest({folder.string()}, root / "streamed"));
    EXPECT(streamed.ok() && streamed->steps > 0 && streamed->history.size() == 1 &&
               streamed->data["corpora"] == nlohmann::json::array({folder.string()}) &&
               streamed->data.value("documents_read", 0) == documents &&
               streamed->data.value("dev_documents_read", 0) == devDocuments,
           "pretraining on a streamed corpus, evaluated on its held-back documents");
    auto missing = MaskedLmTask::create(corpusRequest({(root / "nothing").string()}, root / "none"));
    EXPECT(!missing.ok() && missing.error().message.size() > 0, "a missing corpus is an error");

    // Documents given and a corpus together: the documents first, then the corpus, one dev hold-back.
    TrainRequest both = corpusRequest({folder.string()}, root / "both");
    both.train = corpus(20, 5);
    auto mixed = runTraining(both);
    EXPECT(mixed.ok() && mixed->data.value("documents_read", 0) == documents + 20 &&
               mixed->data.value("train_documents", 0) == 20,
           "documents and a corpus pretrain together");

    // From scratch with a vocabulary trained on the training text (dev documents not counted).
    TrainRequest fresh = corpusRequest({folder.string()}, root / "fresh");
    fresh.config.tokenizerFolder.clear();
    fresh.config.vocabSize = 120;
    auto vocabRun = runTraining(fresh);
    EXPECT(vocabRun.ok(), vocabRun ? "pretraining with a trained vocabulary"
                                   : "pretraining with a trained vocabulary: " + vocabRun.error().message);
    if (vocabRun) {
      std::ifstream trained(root / "fresh" / "vocabulary" / "vocab.txt");
      std::vector<std::string> tokens;
      for (std::string line; std::getline(trained, line);) tokens.push_back(line);
      std::ifstream saved(fs::path(vocabRun->bestFolder) / "vocab.txt");
      std::vector<std::string> savedTokens;
      for (std::string line; std::getline(saved, line);) savedTokens.push_back(line);
      // The test corpus has few distinct words: training stops when no pair occurs twice more.
      EXPECT(tokens.size() > 40 && tokens.size() <= 120 && tokens[0] == "[PAD]" && savedTokens == tokens,
             "a vocabulary of at most 120 tokens, carried by the saved model folder");
      nlohmann::json hf = nlohmann::json::parse(std::ifstream(fs::path(vocabRun->bestFolder) / "config.json"));
      EXPECT(hf.value("vocab_size", size_t{0}) == tokens.size(), "the encoder's embedding is the trained vocabulary's size");
    }
    auto refused = TrainConfig::fromJson({{"task", "mlm"}, {"vocab_size", 1000}, {"model_folder", "m"}}, "c.json");
    EXPECT(!refused.ok() && refused.error().field == "vocab_size", "vocab_size with a model folder is refused");
  }

  // 5. Options: declared once, MLM-only, checked.
  {
    auto bad = TrainConfig::fromJson({{"task", "mlm"}, {"mlm_probability", 1.5}}, "c.json");
    EXPECT(!bad.ok() && bad.error().field == "mlm_probability",
           "mlm_probability out of range names the field");
    auto ok = TrainConfig::fromJson({{"task", "mlm"}, {"whole_word_mask", true}}, "c.json");
    EXPECT(ok.ok() && ok->wholeWordMask && ok->kind == ModelKind::Transformer,
           "mlm defaults to a transformer");
    bool mlmOnly = false;
    for (const auto& o : TrainConfig::options())
      if (o.key == "mlm_probability") mlmOnly = o.tasks == std::vector<std::string>{"mlm"};
    EXPECT(mlmOnly, "mlm_probability applies to mlm only");
  }

  if (!getenv("KEEP")) fs::remove_all(root);
  std::printf("%s\n", quarry::test::g_failures ? "FAILED" : "all passed");
  return quarry::test::g_failures ? 1 : 0;
}
