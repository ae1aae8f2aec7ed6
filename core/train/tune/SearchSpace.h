#pragma once
// The hyper-parameters a search draws and how: one dimension per training option (a key of
// TrainConfig::options()), written "key=kind:arguments":
//   learning_rate=log:1e-5:1e-3     log-uniform between the bounds (both > 0)
//   warmup_ratio=uniform:0:0.2      uniform between the bounds
//   epochs=int:2:10                 an integer, uniform between the bounds (inclusive)
//   batch_size=choice:8,16,32       one of the values, equally likely (numbers, true/false or bare words)
// A draw is a function of (seed, index, key) alone, so a resumed search draws again what it drew before.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "train/TrainConfig.h"

namespace quarry::train {

struct SearchDimension {
  enum class Kind { Uniform, LogUniform, Integer, Choice };
  std::string key;
  Kind kind = Kind::Uniform;
  double low = 0, high = 0;             // Uniform, LogUniform, Integer
  std::vector<nlohmann::json> choices;  // Choice
  // "log:1e-05:0.001", as parsed.
  std::string describe() const;
};

class SearchSpace {
 public:
  // Parses "key=kind:arguments" specs; an error names the spec and what is wrong. A key that is no
  // training option, a repeated key, bounds out of order and an empty choice list are errors.
  static Result<SearchSpace> parse(const std::vector<std::string>& specs);
  // The usual space of `base`'s model: learning rate (log, around the kind's default), batch size,
  // epochs, warm-up and dropout; layer decay for transformers with a checkpoint, LoRA rank where the
  // option is declared.
  static SearchSpace defaultsFor(const TrainConfig& base);
  // The space as JSON (recorded with the search) and back.
  nlohmann::json toJson() const;
  static Result<SearchSpace> fromJson(const nlohmann::json& json, const std::string& source);

  // Draw `index` of the search seeded `seed`: key -> value.
  nlohmann::json sample(uint64_t seed, uint64_t index) const;
  // `base` with `values` applied and checked as a whole (TrainConfig::fromJson): an error names the key.
  static Result<TrainConfig> apply(const TrainConfig& base, const nlohmann::json& values);
  // Applies every dimension's extremes (lowest, highest, each choice) to `base`: a value the config
  // refuses is an error before any trial trains.
  Status check(const TrainConfig& base) const;

  const std::vector<SearchDimension>& dimensions() const { return m_dimensions; }
  bool empty() const { return m_dimensions.empty(); }

 private:
  std::vector<SearchDimension> m_dimensions;
};

}  // namespace quarry::train
