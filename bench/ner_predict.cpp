// bench_ner_predict: prediction throughput of NER taggers on a CoNLL corpus's devel.tsv (sentences/s, and
// positions/s: word pieces or words): the 4 x 256 random BERT (softmax and CRF heads, fp32 and dynamic int8)
// and the BiLSTM-CRF (its vocabulary from train.tsv), model only and end to end (text in, spans out).
//   bench_ner_predict [--corpus DIR] [--tokenizer DIR] [--threads N] [--batch N] [--repeat N]
#include <chrono>
#include <cstdio>
#include <string>

#include <ATen/Parallel.h>

#include "ConllCorpus.h"
#include "common/ProcessMemory.h"
#include "model/kernels/CpuThreads.h"
#include "train/ner/BiLstmTagger.h"
#include "train/ner/NerDataBuilder.h"
#include "train/ner/NerEvaluation.h"
#include "train/ner/TransformerTagger.h"

using namespace quarry;

int main(int argc, char** argv) {
  std::string corpus = bench::sharedDir() + "/datasets/ncbi-disease";
  std::string tokenizer = bench::sharedDir() + "/fixtures/tokenizers/bert-base-uncased";
  int threads = 0, batch = 64, repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--corpus") corpus = v;
    else if (a == "--tokenizer") tokenizer = v;
    else if (a == "--threads") threads = std::stoi(v);
    else if (a == "--batch") batch = std::stoi(v);
    else if (a == "--repeat") repeat = std::stoi(v);
  }
  model::configureCpuThreads({threads});
  std::vector<document::AnnotatedDocument> docs = bench::readConll(corpus + "/devel.tsv");
  if (docs.empty()) {
    std::printf("SKIP: %s/devel.tsv not found\n", corpus.c_str());
    return 0;
  }
  for (auto& d : docs) d.entities.clear();
  train::NerData data = train::buildNerData(docs, {"Disease", "Chemical"}, train::NerDataOptions{});
  std::printf("%zu sentences from %s, %d threads, batch %d; %s\n", data.sentences.size(), corpus.c_str(),
              at::get_num_threads(), batch, model::cpuKernelChoice().describe().c_str());
  // Model only (featurized once, best of `repeat`), then end to end: featurizing, the model, spans.
  auto measure = [&](train::NerTagger& tagger, const char* name) {
    auto inputs = tagger.featurize(data.sentences);
    size_t tokens = 0;
    for (int32_t l : inputs->itemLengths()) tokens += static_cast<size_t>(l);
    tagger.predict(*inputs, batch);  // warm-up
    double best = 1e30;
    for (int r = 0; r < repeat; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      tagger.predict(*inputs, batch);
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto spans = train::predictSpans(tagger, data, docs.size(), batch);
    const double endToEnd = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf(
        "%-26s: %7.0f sentences/s (%7.0f positions/s) model only; %7.0f sentences/s with featurizing and "
        "spans\n",
        name, data.sentences.size() / best, tokens / best, data.sentences.size() / endToEnd);
  };
  for (const bool crf : {false, true})
    for (const bool int8 : {false, true}) {
      train::TrainConfig c;
      c.kind = train::ModelKind::Transformer;
      c.tokenizerFolder = tokenizer;
      c.crf = crf;
      auto tagger = train::TransformerTagger::create(c, data.tags);
      if (!tagger) {
        std::printf("SKIP: %s\n", tagger.error().toString().c_str());
        return 0;
      }
      if (int8 && tagger.value()->encoder().enableDynamicInt8() == 0) continue;
      measure(*tagger.value(), crf ? (int8 ? "bert 4x256 + CRF int8" : "bert 4x256 + CRF fp32")
                                   : (int8 ? "bert 4x256 softmax int8" : "bert 4x256 softmax fp32"));
    }
  // The from-scratch BiLSTM-CRF, its vocabulary from the training split's sentences.
  std::vector<document::AnnotatedDocument> trainDocs = bench::readConll(corpus + "/train.tsv");
  if (!trainDocs.empty()) {
    train::NerData trainData =
        train::buildNerData(trainDocs, {"Disease", "Chemical"}, train::NerDataOptions{});
    train::TrainConfig c;
    c.kind = train::ModelKind::FromScratch;
    auto bilstm = train::BiLstmTagger::create(c, data.tags, trainData.sentences);
    if (bilstm)
      measure(*bilstm.value(), "bilstm-crf fp32");
    else
      std::printf("bilstm-crf: %s\n", bilstm.error().toString().c_str());
  }
  std::printf("peak RSS %.0f MiB\n", peakResidentMiB());
  return 0;
}
