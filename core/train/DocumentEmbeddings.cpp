#include "train/DocumentEmbeddings.h"

#include <algorithm>
#include <cmath>

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/from_blob.h>

#include "model/encoder/TransformerModel.h"
#include "text/Tokenizer.h"
#include "train/TransformerBatch.h"

namespace quarry::train {
namespace {

// One window of one text: its ids and which positions count (not template specials).
struct EmbeddingWindow {
  size_t text = 0;
  std::vector<int64_t> ids;
  std::vector<int64_t> typeIds;
  std::vector<float> weight;  // 1 on the text's own tokens, 0 on specials
};

std::vector<EmbeddingWindow> windowsOf(const text::Tokenizer& tokenizer,
                                       const std::vector<std::string>& texts, int maxLength) {
  std::vector<EmbeddingWindow> out;
  for (size_t t = 0; t < texts.size(); ++t)
    for (text::Encoding& e : tokenizer.windows(texts[t], maxLength, 0)) {
      EmbeddingWindow w;
      w.text = t;
      w.ids = std::move(e.ids);
      w.typeIds.assign(w.ids.size(), 0);
      for (size_t p = 0; p < w.ids.size(); ++p)
        w.weight.push_back(p < e.specialTokensMask.size() && e.specialTokensMask[p] ? 0.0f : 1.0f);
      out.push_back(std::move(w));
    }
  return out;
}

}  // namespace

void normaliseToUnitLength(std::vector<float>& v) {
  double squares = 0;
  for (float x : v) squares += double(x) * double(x);
  if (squares <= 0) return;
  const float scale = float(1.0 / std::sqrt(squares));
  for (float& x : v) x *= scale;
}

std::vector<std::vector<float>> transformerDocumentEmbeddings(model::TransformerModelImpl& encoder,
                                                              const text::Tokenizer& tokenizer,
                                                              const std::vector<std::string>& texts,
                                                              int maxLength, int batchSize,
                                                              const c10::Device& device) {
  std::vector<EmbeddingWindow> windows = windowsOf(tokenizer, texts, std::max(maxLength, 3));
  // Shortest first, so that a batch pads little.
  std::stable_sort(windows.begin(), windows.end(), [](const EmbeddingWindow& a, const EmbeddingWindow& b) {
    return a.ids.size() < b.ids.size();
  });
  std::vector<std::vector<double>> sums(texts.size());
  std::vector<double> counts(texts.size(), 0);
  const int64_t padId = tokenizer.specialTokens().padId.value_or(0);
  const bool wasTraining = encoder.is_training();
  encoder.eval();
  {
    at::NoGradGuard noGrad;
    const size_t step = size_t(std::max(1, batchSize));
    for (size_t begin = 0; begin < windows.size(); begin += step) {
      const size_t end = std::min(windows.size(), begin + step);
      std::vector<const std::vector<int64_t>*> ids, types;
      std::vector<float> weights;
      size_t cols = 1;
      for (size_t i = begin; i < end; ++i) cols = std::max(cols, windows[i].ids.size());
      for (size_t i = begin; i < end; ++i) {
        ids.push_back(&windows[i].ids);
        types.push_back(&windows[i].typeIds);
        std::vector<float> row = windows[i].weight;
        row.resize(cols, 0.0f);
        weights.insert(weights.end(), row.begin(), row.end());
      }
      const TransformerBatch batch = transformerBatch(ids, types, padId, device);
      model::ForwardOptions options;
      options.hiddenStates = false;
      const at::Tensor hidden = encoder.forward(batch.ids, batch.mask, batch.types, options).lastHiddenState;
      const at::Tensor weight =
          at::from_blob(weights.data(), {int64_t(end - begin), int64_t(cols)}, at::kFloat)
              .to(hidden.device());
      // [rows, H]: each window's sum of its own tokens' states.
      const at::Tensor summed =
          (hidden.to(at::kFloat) * weight.unsqueeze(2)).sum(1).to(at::kCPU).contiguous();
      const float* data = summed.data_ptr<float>();
      const int64_t width = summed.size(1);
      for (size_t i = begin; i < end; ++i) {
        const EmbeddingWindow& w = windows[i];
        std::vector<double>& sum = sums[w.text];
        if (sum.empty()) sum.assign(size_t(width), 0.0);
        const float* row = data + int64_t(i - begin) * width;
        for (int64_t h = 0; h < width; ++h) sum[size_t(h)] += row[h];
        for (float x : w.weight) counts[w.text] += x;
      }
    }
  }
  if (wasTraining) encoder.train();
  const size_t width = size_t(encoder.config().hiddenSize);
  std::vector<std::vector<float>> out(texts.size(), std::vector<float>(width, 0.0f));
  for (size_t t = 0; t < texts.size(); ++t) {
    if (counts[t] <= 0 || sums[t].size() != width) continue;
    for (size_t h = 0; h < width; ++h) out[t][h] = float(sums[t][h] / counts[t]);
    normaliseToUnitLength(out[t]);
  }
  return out;
}

}  // namespace quarry::train
