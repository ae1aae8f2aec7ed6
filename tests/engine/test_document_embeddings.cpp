// Document embeddings for diversity sampling (train/DocumentEmbeddings.h, TaskModel::documentEmbeddings).
// A random tiny BERT tagger's embedding of a text is the mean of the encoder's last hidden states over the
// text's own tokens (no [CLS], no [SEP]) of every window, token-weighted, at unit length: recomputed here
// window by window, one forward each, so padding in a batch cannot leak in. The BiLSTM-CRF tagger's has
// 2 x hidden numbers at unit length. Both: the same text gives the same numbers alone or in a batch, an
// empty text gives zeros, and the module keeps the mode it was in.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <ATen/TensorIndexing.h>
#include <ATen/ops/tensor.h>
#include <torch/csrc/autograd/grad_mode.h>

#include "EngineCheck.h"
#include "model/kernels/CpuThreads.h"
#include "train/DocumentEmbeddings.h"
#include "train/ner/NerTagger.h"
#include "train/ner/TransformerTagger.h"

namespace fs = std::filesystem;
using namespace quarry::train;

namespace {

const std::vector<std::string> kWords = {"patients", "with",   "asthma",    "were",   "given",
                                         "aspirin",  "the",    "committee", "met",    "and",
                                         "approved", "budget", "on",        "tuesday"};

std::string writeTokenizer(const fs::path& folder) {
  fs::create_directories(folder);
  std::ofstream v(folder / "vocab.txt");
  for (const char* t : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "."}) v << t << '\n';
  for (const std::string& w : kWords) v << w << '\n';
  std::ofstream c(folder / "tokenizer_config.json");
  c << R"({"tokenizer_class": "BertTokenizer", "do_lower_case": true, "model_max_length": 64})";
  return folder.string();
}

double norm(const std::vector<float>& v) {
  double s = 0;
  for (float x : v) s += double(x) * x;
  return std::sqrt(s);
}

double maxDifference(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.size() != b.size()) return 1e9;
  double worst = 0;
  for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::fabs(double(a[i]) - b[i]));
  return worst;
}

// The embedding recomputed window by window: each window alone through the encoder, its non-special
// tokens' states summed, the sum over windows divided by their number, then unit length.
std::vector<float> byHand(TransformerTagger& tagger, const std::string& text, int maxLength) {
  at::NoGradGuard noGrad;
  const auto windows = tagger.tokenizer().windows(text, maxLength, 0);
  std::vector<double> sum;
  double count = 0;
  for (const quarry::text::Encoding& w : windows) {
    const at::Tensor ids = at::tensor(w.ids, at::kLong).unsqueeze(0);
    const at::Tensor states = tagger.encoder().forward(ids).lastHiddenState[0];
    sum.resize(size_t(states.size(1)), 0.0);
    for (size_t p = 0; p < w.ids.size(); ++p) {
      if (w.specialTokensMask[p]) continue;
      ++count;
      for (int64_t h = 0; h < states.size(1); ++h) sum[size_t(h)] += states[int64_t(p)][h].item<float>();
    }
  }
  std::vector<float> out(sum.begin(), sum.end());
  for (float& x : out) x = float(x / count);
  normaliseToUnitLength(out);
  return out;
}

}  // namespace

int main() {
  quarry::model::configureCpuThreads({1, 1});
  const fs::path root = fs::temp_directory_path() / ("quarry_doc_embeddings_" + std::to_string(::getpid()));
  fs::remove_all(root);
  const TagSet tags({"DRUG"}, TagEncoding::IOB2);
  const std::string shortText = "Patients with asthma were given aspirin.";
  const std::string longText =
      "The committee met on Tuesday and approved the budget. Patients with asthma were given aspirin. "
      "The committee met and approved the budget on Tuesday.";

  // 1. A random tiny BERT tagger, windows of 8 tokens.
  {
    TrainConfig c;
    c.kind = ModelKind::Transformer;
    c.tokenizerFolder = writeTokenizer(root / "tok");
    c.randomLayers = 1;
    c.randomHidden = 32;
    c.randomHeads = 2;
    c.randomIntermediate = 64;
    c.maxLength = 8;
    c.stride = 2;
    c.seed = 5;
    auto created = createNerTagger(c, tags, {});
    EXPECT(created.ok(), "a random tiny BERT tagger");
    if (!created) return 1;
    auto& tagger = dynamic_cast<TransformerTagger&>(*created.value());
    tagger.module().train();
    const auto together = tagger.documentEmbeddings({shortText, longText, ""}, 2);
    EXPECT(tagger.module().is_training(), "the module is left in training mode");
    EXPECT(together.size() == 3, "one embedding per text");
    EXPECT(together[0].size() == 32 && together[1].size() == 32, "hidden-size numbers");
    EXPECT(std::fabs(norm(together[0]) - 1) < 1e-5 && std::fabs(norm(together[1]) - 1) < 1e-5, "unit length");
    EXPECT(norm(together[2]) == 0, "an empty text gives zeros");
    EXPECT(tagger.tokenizer().windows(longText, 8, 0).size() > 3, "the long text takes several windows");
    tagger.module().eval();
    const std::vector<float> shortByHand = byHand(tagger, shortText, 8);
    const std::vector<float> longByHand = byHand(tagger, longText, 8);
    std::printf("bert: short %.2e, long %.2e from the window-by-window figures\n",
                maxDifference(together[0], shortByHand), maxDifference(together[1], longByHand));
    EXPECT(maxDifference(together[0], shortByHand) < 1e-5, "short text: the mean of its own tokens' states");
    EXPECT(maxDifference(together[1], longByHand) < 1e-5, "long text: token-weighted over its windows");
    const auto alone = tagger.documentEmbeddings({longText}, 1);
    EXPECT(maxDifference(alone[0], together[1]) < 1e-5, "the same alone as in a padded batch");
  }

  // 2. The BiLSTM-CRF tagger: its vocabulary from two sentences.
  {
    TrainConfig c;
    c.kind = ModelKind::FromScratch;
    c.lstmHidden = 12;
    c.wordDim = 8;
    c.seed = 5;
    SentenceExample s;
    s.words = {"patients", "with", "asthma", "were", "given", "aspirin", "."};
    s.tags.assign(s.words.size(), 0);
    auto created = createNerTagger(c, tags, {s});
    EXPECT(created.ok(), "a BiLSTM-CRF tagger");
    if (!created) return 1;
    NerTagger& tagger = *created.value();
    tagger.module().eval();
    std::string veryLong;
    for (int i = 0; i < 60; ++i) veryLong += longText + " ";  // several 128-word pieces
    const auto together = tagger.documentEmbeddings({shortText, veryLong, ""}, 2);
    EXPECT(!tagger.module().is_training(), "the module is left in eval mode");
    EXPECT(together.size() == 3 && together[0].size() == 24, "2 x hidden numbers per text");
    EXPECT(std::fabs(norm(together[0]) - 1) < 1e-5 && std::fabs(norm(together[1]) - 1) < 1e-5, "unit length");
    EXPECT(norm(together[2]) == 0, "an empty text gives zeros");
    const auto alone = tagger.documentEmbeddings({veryLong}, 1);
    EXPECT(maxDifference(alone[0], together[1]) < 1e-5, "the same alone as in a batch");
    EXPECT(maxDifference(together[0], together[1]) > 1e-3, "different texts, different embeddings");
  }
  fs::remove_all(root);
  if (quarry::test::g_failures == 0) std::printf("PASS: document embeddings\n");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
