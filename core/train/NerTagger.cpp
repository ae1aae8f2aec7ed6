#include "train/NerTagger.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "train/BiLstmTagger.h"
#include "train/TransformerTagger.h"

namespace quarry::train {

Result<std::unique_ptr<NerTagger>> createNerTagger(const NerTrainConfig& config, const TagSet& tags,
                                                   const std::vector<SentenceExample>& trainSentences) {
  if (config.kind == ModelKind::BiLstmCrf) {
    auto t = BiLstmTagger::create(config, tags, trainSentences);
    if (!t) return t.error();
    return std::unique_ptr<NerTagger>(std::move(t.value()));
  }
  auto t = TransformerTagger::create(config, tags);
  if (!t) return t.error();
  return std::unique_ptr<NerTagger>(std::move(t.value()));
}

Result<std::unique_ptr<NerTagger>> loadNerTagger(const std::string& folder) {
  const std::filesystem::path meta = std::filesystem::path(folder) / kNerModelFile;
  if (!std::filesystem::is_directory(folder)) return Error("not a folder", folder);
  std::ifstream in(meta);
  if (!in) return Error("not a Quarry NER model folder: quarry_ner.json is missing", meta.string());
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    return Error(std::string("malformed JSON: ") + e.what(), meta.string());
  }
  const std::string kind = j.value("kind", "");
  if (kind == modelKindName(ModelKind::BiLstmCrf)) {
    auto t = BiLstmTagger::load(folder);
    if (!t) return t.error();
    return std::unique_ptr<NerTagger>(std::move(t.value()));
  }
  if (kind == modelKindName(ModelKind::Transformer)) {
    auto t = TransformerTagger::load(folder);
    if (!t) return t.error();
    return std::unique_ptr<NerTagger>(std::move(t.value()));
  }
  return Error("unknown model kind \"" + kind + "\" (expected bilstm-crf or transformer)", meta.string(), 0, "kind");
}

std::vector<PredictedEntity> spansFromTags(const SentenceExample& sentence, const SentenceTags& tags, const TagSet& tagSet) {
  std::vector<PredictedEntity> out;
  for (const auto& [range, type] : tagSet.decode(tags.tags)) {
    if (range.start < 0 || range.end > static_cast<int32_t>(sentence.wordSpans.size()) || range.start >= range.end) continue;
    PredictedEntity e;
    e.start = sentence.wordSpans[static_cast<size_t>(range.start)].start;
    e.end = sentence.wordSpans[static_cast<size_t>(range.end - 1)].end;
    e.type = type;
    e.confidence = 1.0;
    for (int32_t w = range.start; w < range.end; ++w)
      if (static_cast<size_t>(w) < tags.confidence.size())
        e.confidence = std::min(e.confidence, static_cast<double>(tags.confidence[static_cast<size_t>(w)]));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace quarry::train
