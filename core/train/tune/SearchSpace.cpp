#include "train/tune/SearchSpace.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

namespace quarry::train {
namespace {

using Json = nlohmann::json;

const char* kindName(SearchDimension::Kind kind) {
  switch (kind) {
    case SearchDimension::Kind::Uniform:
      return "uniform";
    case SearchDimension::Kind::LogUniform:
      return "log";
    case SearchDimension::Kind::Integer:
      return "int";
    case SearchDimension::Kind::Choice:
      return "choice";
  }
  return "uniform";
}

std::vector<std::string> splitOn(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

// A bare value of a choice list: a JSON number / true / false / "quoted", else the word as a string.
Json choiceValue(const std::string& text) {
  Json parsed = Json::parse(text, nullptr, false);
  return parsed.is_discarded() ? Json(text) : parsed;
}

Result<double> number(const std::string& text, const std::string& spec) {
  try {
    size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size() && std::isfinite(v)) return v;
  } catch (const std::exception&) {
  }
  return Error("\"" + text + "\" is not a number in \"" + spec + "\"", "", 0, "space");
}

bool isOption(const std::string& key) {
  for (const auto& o : TrainConfig::options())
    if (o.key == key) return true;
  return false;
}

Result<SearchDimension> parseDimension(const std::string& spec) {
  const size_t eq = spec.find('=');
  const size_t colon = spec.find(':', eq == std::string::npos ? 0 : eq);
  if (eq == std::string::npos || eq == 0 || colon == std::string::npos)
    return Error("expected key=kind:arguments (log:1e-5:1e-3, uniform:0:0.2, int:2:10, choice:8,16,32), got \"" +
                     spec + "\"",
                 "", 0, "space");
  SearchDimension d;
  d.key = spec.substr(0, eq);
  const std::string kind = spec.substr(eq + 1, colon - eq - 1);
  const std::string arguments = spec.substr(colon + 1);
  if (!isOption(d.key) || d.key == "task")
    return Error("\"" + d.key + "\" is not a training option to search (quarry-cli train --help-config)", "", 0,
                 "space");
  if (kind == "choice") {
    d.kind = SearchDimension::Kind::Choice;
    for (const std::string& v : splitOn(arguments, ',')) {
      if (v.empty()) return Error("an empty value in \"" + spec + "\"", "", 0, "space");
      d.choices.push_back(choiceValue(v));
    }
    if (d.choices.empty()) return Error("no values in \"" + spec + "\"", "", 0, "space");
    return d;
  }
  if (kind == "uniform")
    d.kind = SearchDimension::Kind::Uniform;
  else if (kind == "log")
    d.kind = SearchDimension::Kind::LogUniform;
  else if (kind == "int")
    d.kind = SearchDimension::Kind::Integer;
  else
    return Error("unknown kind \"" + kind + "\" in \"" + spec + "\" (log, uniform, int, choice)", "", 0, "space");
  const std::vector<std::string> bounds = splitOn(arguments, ':');
  if (bounds.size() != 2) return Error("expected two bounds low:high in \"" + spec + "\"", "", 0, "space");
  auto low = number(bounds[0], spec);
  if (!low) return low.error();
  auto high = number(bounds[1], spec);
  if (!high) return high.error();
  d.low = *low;
  d.high = *high;
  if (d.low > d.high) return Error("the bounds of \"" + spec + "\" are out of order", "", 0, "space");
  if (d.kind == SearchDimension::Kind::LogUniform && d.low <= 0)
    return Error("log bounds must be above 0 in \"" + spec + "\"", "", 0, "space");
  if (d.kind == SearchDimension::Kind::Integer && (d.low != std::floor(d.low) || d.high != std::floor(d.high)))
    return Error("int bounds must be whole numbers in \"" + spec + "\"", "", 0, "space");
  return d;
}

Json valueAt(const SearchDimension& d, double u) {  // u in [0, 1)
  switch (d.kind) {
    case SearchDimension::Kind::Uniform:
      return d.low + (d.high - d.low) * u;
    case SearchDimension::Kind::LogUniform:
      return std::exp(std::log(d.low) + (std::log(d.high) - std::log(d.low)) * u);
    case SearchDimension::Kind::Integer:
      return static_cast<int64_t>(d.low) +
             std::min(static_cast<int64_t>((d.high - d.low + 1) * u), static_cast<int64_t>(d.high - d.low));
    case SearchDimension::Kind::Choice:
      return d.choices[std::min(d.choices.size() - 1, static_cast<size_t>(u * static_cast<double>(d.choices.size())))];
  }
  return {};
}

}  // namespace

std::string SearchDimension::describe() const {
  std::string text = std::string(kindName(kind)) + ":";
  if (kind == Kind::Choice) {
    for (size_t i = 0; i < choices.size(); ++i)
      text += (i ? "," : "") + (choices[i].is_string() ? choices[i].get<std::string>() : choices[i].dump());
    return text;
  }
  std::ostringstream out;
  out << low << ':' << high;
  return text + out.str();
}

Result<SearchSpace> SearchSpace::parse(const std::vector<std::string>& specs) {
  SearchSpace space;
  for (const std::string& spec : specs) {
    auto d = parseDimension(spec);
    if (!d) return d.error();
    for (const SearchDimension& other : space.m_dimensions)
      if (other.key == d->key) return Error("\"" + d->key + "\" is searched twice", "", 0, "space");
    space.m_dimensions.push_back(std::move(d.value()));
  }
  return space;
}

SearchSpace SearchSpace::defaultsFor(const TrainConfig& base) {
  const bool transformer = base.kind == ModelKind::Transformer;
  const double lr = base.effectiveLearningRate();
  std::vector<std::string> specs;
  std::ostringstream rate;
  rate << "learning_rate=log:" << lr / 5 << ':' << lr * 5;
  specs.push_back(rate.str());
  specs.push_back(transformer ? "batch_size=choice:8,16,32" : "batch_size=choice:16,32,64");
  specs.push_back("dropout=uniform:0:0.3");
  if (transformer) {
    specs.push_back("warmup_ratio=uniform:0:0.2");
    if (!base.modelFolder.empty()) specs.push_back("layer_decay=uniform:0.7:1");
    if (isOption("lora_rank") && !base.modelFolder.empty()) specs.push_back("lora_rank=choice:0,4,8,16");
  }
  auto space = parse(specs);
  return space ? space.value() : SearchSpace();
}

Json SearchSpace::toJson() const {
  Json j = Json::object();
  for (const SearchDimension& d : m_dimensions) j[d.key] = d.describe();
  return j;
}

Result<SearchSpace> SearchSpace::fromJson(const Json& json, const std::string& source) {
  if (!json.is_object()) return Error("a search space must be a JSON object", source, 0, "space");
  std::vector<std::string> specs;
  for (const auto& [key, value] : json.items()) {
    if (!value.is_string()) return Error("expected \"kind:arguments\"", source, 0, key);
    specs.push_back(key + "=" + value.get<std::string>());
  }
  auto space = parse(specs);
  if (!space) return Error(space.error().message, source, 0, space.error().field);
  return space;
}

Json SearchSpace::sample(uint64_t seed, uint64_t index) const {
  Json values = Json::object();
  for (size_t i = 0; i < m_dimensions.size(); ++i) {
    // One generator per (seed, draw, key): adding a dimension or reordering them (tuning.json keeps them
    // sorted by key) changes no draw. The key's FNV-1a hash is the same on every platform.
    uint64_t key = 0xcbf29ce484222325ull;
    for (unsigned char c : m_dimensions[i].key) key = (key ^ c) * 0x100000001b3ull;
    std::seed_seq sequence{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32),
                           static_cast<uint32_t>(index), static_cast<uint32_t>(index >> 32),
                           static_cast<uint32_t>(key), static_cast<uint32_t>(key >> 32)};
    std::mt19937_64 rng(sequence);
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    values[m_dimensions[i].key] = valueAt(m_dimensions[i], u);
  }
  return values;
}

Result<TrainConfig> SearchSpace::apply(const TrainConfig& base, const Json& values) {
  Json j = base.toJson();
  for (const auto& [key, value] : values.items()) j[key] = value;
  return TrainConfig::fromJson(j, "search space");
}

Status SearchSpace::check(const TrainConfig& base) const {
  for (const SearchDimension& d : m_dimensions) {
    std::vector<Json> extremes = d.choices;
    if (d.kind != SearchDimension::Kind::Choice) extremes = {valueAt(d, 0.0), valueAt(d, 0.999999999)};
    for (const Json& v : extremes) {
      auto applied = apply(base, Json{{d.key, v}});
      if (!applied)
        return Error(d.key + "=" + d.describe() + ": " + applied.error().message, "", 0, applied.error().field);
    }
  }
  return {};
}

}  // namespace quarry::train
