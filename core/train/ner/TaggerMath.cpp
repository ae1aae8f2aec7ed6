#include "train/ner/TaggerMath.h"

#include <algorithm>
#include <cmath>

#include <ATen/ops/from_blob.h>
#include <ATen/ops/zeros.h>

#include "model/kernels/HostToDevice.h"

namespace quarry::train {

LabelledPositions labelledPositions(const std::vector<const std::vector<int64_t>*>& labelRows, int64_t cols) {
  std::vector<std::vector<int64_t>> positions;
  std::vector<std::vector<int64_t>> rowTags;
  size_t longest = 0;
  for (size_t r = 0; r < labelRows.size(); ++r) {
    std::vector<int64_t> row, tags;
    const std::vector<int64_t>& labels = *labelRows[r];
    const size_t n = std::min(labels.size(), static_cast<size_t>(cols));
    for (size_t c = 0; c < n; ++c)
      if (labels[c] != -100) {
        row.push_back(static_cast<int64_t>(r) * cols + static_cast<int64_t>(c));
        tags.push_back(labels[c]);
      }
    if (row.empty()) continue;
    longest = std::max(longest, row.size());
    positions.push_back(std::move(row));
    rowTags.push_back(std::move(tags));
  }
  LabelledPositions out;
  out.rows = static_cast<int64_t>(positions.size());
  out.width = static_cast<int64_t>(longest);
  if (out.rows == 0) return out;
  const auto longOpts = at::TensorOptions().dtype(at::kLong);
  out.index = at::zeros({out.rows * out.width}, longOpts);
  out.tags = at::zeros({out.rows, out.width}, longOpts);
  out.mask = at::zeros({out.rows, out.width}, at::TensorOptions().dtype(at::kBool));
  int64_t* index = out.index.data_ptr<int64_t>();
  int64_t* tags = out.tags.data_ptr<int64_t>();
  bool* mask = out.mask.data_ptr<bool>();
  for (size_t r = 0; r < positions.size(); ++r)
    for (size_t w = 0; w < positions[r].size(); ++w) {
      const size_t at = r * static_cast<size_t>(out.width) + w;
      index[at] = positions[r][w];
      tags[at] = rowTags[r][w];
      mask[at] = true;
    }
  return out;
}

WordEmissions gatherLabelledPositions(const at::Tensor& logits, const LabelledPositions& positions) {
  WordEmissions out;
  out.rows = positions.rows;
  if (out.rows == 0) return out;
  const int64_t classes = logits.size(2);
  out.emissions = logits.reshape({logits.size(0) * logits.size(1), classes})
                      .index_select(0, positions.index)
                      .reshape({positions.rows, positions.width, classes});
  out.tags = positions.tags;
  out.mask = positions.mask;
  return out;
}

std::vector<SentenceTags> decodeWithCrf(model::CrfImpl& crf, const std::vector<std::vector<float>>& scores,
                                        int64_t classes, bool distributions) {
  std::vector<SentenceTags> out(scores.size());
  // Sentences of similar length decoded together; empty ones stay empty.
  std::vector<size_t> order;
  for (size_t s = 0; s < scores.size(); ++s)
    if (!scores[s].empty()) order.push_back(s);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a].size() < scores[b].size(); });
  const size_t chunk = 128;
  at::NoGradGuard noGrad;
  const at::Device device = crf.parameters().front().device();
  for (size_t begin = 0; begin < order.size(); begin += chunk) {
    const size_t end = std::min(order.size(), begin + chunk);
    const int64_t rows = static_cast<int64_t>(end - begin);
    const int64_t width = static_cast<int64_t>(scores[order[end - 1]].size()) / classes;
    std::vector<float> grid(static_cast<size_t>(rows * width * classes), 0.0f);
    std::vector<uint8_t> mask(static_cast<size_t>(rows * width), 0);
    for (int64_t r = 0; r < rows; ++r) {
      const std::vector<float>& s = scores[order[begin + static_cast<size_t>(r)]];
      std::copy(s.begin(), s.end(), grid.begin() + static_cast<std::ptrdiff_t>(r * width * classes));
      std::fill_n(mask.begin() + static_cast<std::ptrdiff_t>(r * width), s.size() / static_cast<size_t>(classes), 1);
    }
    const at::Tensor e = at::from_blob(grid.data(), {rows, width, classes}, at::TensorOptions().dtype(at::kFloat)).to(device);
    const at::Tensor m = at::from_blob(mask.data(), {rows, width}, at::TensorOptions().dtype(at::kByte)).to(at::kBool).to(device);
    std::vector<SentenceTags> batch = decodeCrfBatch(crf, e, m, distributions);
    for (int64_t r = 0; r < rows; ++r)
      out[order[begin + static_cast<size_t>(r)]] = std::move(batch[static_cast<size_t>(r)]);
  }
  return out;
}

std::vector<SentenceTags> decodeCrfBatch(model::CrfImpl& crf, const at::Tensor& emissions,
                                         const at::Tensor& mask, bool distributions) {
  at::NoGradGuard noGrad;
  std::vector<double> pathScores;
  const std::vector<std::vector<int64_t>> paths =
      crf.viterbi(emissions, mask, distributions ? &pathScores : nullptr);
  const at::Tensor marginals = crf.marginals(emissions, mask).to(at::kCPU).to(at::kFloat).contiguous();
  at::Tensor logZ;
  if (distributions) logZ = crf.logPartition(emissions, mask).to(at::kCPU).to(at::kDouble).contiguous();
  const int64_t width = marginals.size(1), classes = marginals.size(2);
  const float* mp = marginals.data_ptr<float>();
  std::vector<SentenceTags> out(paths.size());
  for (size_t r = 0; r < paths.size(); ++r) {
    SentenceTags& t = out[r];
    for (size_t w = 0; w < paths[r].size(); ++w) {
      const int64_t tag = paths[r][w];
      const float* word = mp + (static_cast<int64_t>(r) * width + static_cast<int64_t>(w)) * classes;
      t.tags.push_back(static_cast<int32_t>(tag));
      t.confidence.push_back(word[tag]);
      if (distributions) t.distributions.emplace_back(word, word + classes);
    }
    if (distributions) t.logProbability = std::min(0.0, pathScores[r] - logZ.data_ptr<double>()[r]);
  }
  return out;
}

std::vector<SentenceTags> decodeWithSoftmax(const std::vector<std::vector<float>>& scores, int64_t classes,
                                            bool distributions) {
  std::vector<SentenceTags> out(scores.size());
  for (size_t s = 0; s < scores.size(); ++s) {
    const size_t words = scores[s].size() / static_cast<size_t>(classes);
    for (size_t w = 0; w < words; ++w) {
      const float* row = scores[s].data() + w * static_cast<size_t>(classes);
      const float* best = std::max_element(row, row + classes);
      double z = 0;
      for (int64_t c = 0; c < classes; ++c) z += std::exp(static_cast<double>(row[c] - *best));
      out[s].tags.push_back(static_cast<int32_t>(best - row));
      out[s].confidence.push_back(static_cast<float>(1.0 / z));
      if (!distributions) continue;
      out[s].logProbability -= std::log(z);
      std::vector<float> p(static_cast<size_t>(classes));
      for (int64_t c = 0; c < classes; ++c)
        p[static_cast<size_t>(c)] = static_cast<float>(std::exp(static_cast<double>(row[c] - *best)) / z);
      out[s].distributions.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace quarry::train
