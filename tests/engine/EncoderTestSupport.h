#pragma once
// Test-only helpers for the encoder tests: fixtures from /work/shared/fixtures (outputs.jsonl,
// models/*/pytorch_model.bin read with torch::pickle_load — the real checkpoint readers live
// elsewhere), JSON arrays as tensors, and a failure counter that prints expected vs actual.

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>
#include <torch/serialize.h>

#include "SharedData.h"
#include "model/encoder/EncoderConfig.h"
#include "model/checkpoint/StateDict.h"
#include "model/encoder/TransformerModel.h"

namespace quarry::test {

inline std::vector<nlohmann::json> readJsonLines(const std::filesystem::path& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

// Nested JSON number arrays -> tensor of `dtype` (shape from the nesting).
inline at::Tensor jsonTensor(const nlohmann::json& j, at::ScalarType dtype = at::kFloat) {
  std::vector<int64_t> shape;
  const nlohmann::json* cur = &j;
  while (cur->is_array()) {
    shape.push_back(static_cast<int64_t>(cur->size()));
    if (cur->empty()) break;
    cur = &(*cur)[0];
  }
  std::vector<double> flat;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& x) {
    if (x.is_array()) {
      for (const auto& e : x) walk(e);
    } else {
      flat.push_back(x.get<double>());
    }
  };
  walk(j);
  at::Tensor t = at::empty({static_cast<int64_t>(flat.size())}, at::kDouble);
  std::copy(flat.begin(), flat.end(), t.data_ptr<double>());
  if (dtype == at::kFloat) {
    // Values were written as float32 shortest round-trip decimals: double -> float is exact enough.
    return t.to(at::kFloat).view(shape);
  }
  return t.to(dtype).view(shape);
}

inline std::optional<model::StateDict> loadPytorchBin(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  c10::IValue value = torch::pickle_load(bytes);
  model::StateDict sd;
  for (const auto& entry : value.toGenericDict()) sd[entry.key().toStringRef()] = entry.value().toTensor();
  return sd;
}

inline std::optional<model::EncoderConfig> loadConfig(const std::filesystem::path& folder) {
  std::ifstream in(folder / "config.json");
  if (!in) return std::nullopt;
  auto r = model::EncoderConfig::fromJson(nlohmann::json::parse(in), (folder / "config.json").string());
  if (!r) {
    std::cerr << "config: " << r.error().toString() << "\n";
    return std::nullopt;
  }
  return r.value();
}

inline model::Task taskForFixture(const std::string& folder) {
  if (folder == "bert-token-classification") return model::Task::TokenClassification;
  if (folder == "bert-question-answering") return model::Task::QuestionAnswering;
  if (folder == "bert-sequence-classification") return model::Task::SequenceClassification;
  if (folder == "bert-masked-lm") return model::Task::MaskedLm;
  if (folder == "electra-discriminator") return model::Task::ElectraPreTraining;
  return model::Task::Encoder;
}

// Skips (exit 77) when the fixtures are absent.
inline std::filesystem::path fixturesOrSkip() {
  const auto dir = fixturesDir();
  if (!std::filesystem::exists(dir / "outputs.jsonl") || !std::filesystem::exists(dir / "models")) {
    std::printf("SKIP: fixtures not found at %s\n", dir.string().c_str());
    std::exit(77);
  }
  return dir;
}

struct Checker {
  int failures = 0;
  int checks = 0;
  double worstRatio = 0.0;  // largest |diff| / tolerance seen by close()
  std::string worstWhat;

  void expect(bool ok, const std::string& what) {
    ++checks;
    if (!ok) {
      ++failures;
      std::cerr << "FAIL: " << what << "\n";
    }
  }

  // Max |actual - expected| <= tol; shapes must agree.
  double close(const std::string& what, const at::Tensor& actual, const at::Tensor& expected, double tol) {
    ++checks;
    at::Tensor a = actual.detach().to(at::kCPU).to(at::kDouble);
    at::Tensor e = expected.detach().to(at::kCPU).to(at::kDouble);
    if (a.sizes() != e.sizes()) {
      ++failures;
      std::cerr << "FAIL: " << what << ": shape " << a.sizes() << " vs expected " << e.sizes() << "\n";
      return INFINITY;
    }
    const double diff = a.numel() ? (a - e).abs().max().item<double>() : 0.0;
    if (diff / tol > worstRatio) {
      worstRatio = diff / tol;
      worstWhat = what + " (" + std::to_string(diff) + ")";
    }
    if (!(diff <= tol)) {
      ++failures;
      const int64_t at = (a - e).abs().flatten().argmax().item<int64_t>();
      std::cerr << "FAIL: " << what << ": max |diff| " << diff << " > " << tol << " (at flat index " << at
                << ": actual " << a.flatten()[at].item<double>() << ", expected " << e.flatten()[at].item<double>()
                << ")\n";
    }
    return diff;
  }

  void closeScalar(const std::string& what, double actual, double expected, double absTol, double relTol = 0.0) {
    ++checks;
    const double diff = std::abs(actual - expected);
    if (!(diff <= absTol || diff <= relTol * std::abs(expected))) {
      ++failures;
      std::cerr << "FAIL: " << what << ": actual " << actual << ", expected " << expected << " (|diff| " << diff
                << ")\n";
    }
  }

  int finish(const char* name) const {
    std::printf("%s: %d checks, %d failures; closest to its tolerance: %s, %.3g of it\n", name, checks, failures,
                worstWhat.c_str(), worstRatio);
    return failures == 0 ? 0 : 1;
  }
};

}  // namespace quarry::test
