#include "train/ner/NerTagger.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "common/AtomicFile.h"
#include "common/FileCheck.h"
#include "common/JsonReader.h"
#include "train/ner/BiLstmTagger.h"
#include "train/ner/TransformerTagger.h"

namespace quarry::train {

Result<std::unique_ptr<NerTagger>> createNerTagger(const TrainConfig& config, const TagSet& tags,
                                                   const std::vector<SentenceExample>& trainSentences) {
  if (config.kind == ModelKind::FromScratch) {
    auto t = BiLstmTagger::create(config, tags, trainSentences);
    if (!t) return t.error();
    return std::unique_ptr<NerTagger>(std::move(t.value()));
  }
  auto t = TransformerTagger::create(config, tags);
  if (!t) return t.error();
  return std::unique_ptr<NerTagger>(std::move(t.value()));
}

Result<NerModelFile> readNerModelFile(const std::string& folder) {
  const std::filesystem::path path = std::filesystem::path(folder) / kNerModelFile;
  if (!std::filesystem::is_directory(folder)) return Error("not a folder", folder);
  if (Status s = requireRegularFile(path, "not a Quarry NER model folder: quarry_ner.json is missing"); !s)
    return s.error();
  auto parsed = readJsonFile(path);
  if (!parsed) return parsed.error();
  nlohmann::json& meta = *parsed;
  if (!meta.is_object() || !meta.contains("tags")) return Error("missing", path.string(), 0, "tags");
  // Folders older than the field are format 1; a newer format is refused, never half understood.
  constexpr std::int64_t kReadsFormat = 1;
  auto version = JsonFields(meta, path.string()).integer("format_version", kReadsFormat, 1);
  if (!version) return version.error();
  if (*version > kReadsFormat)
    return Error("format " + std::to_string(*version) +
                     " was written by a newer Quarry; this build reads format " +
                     std::to_string(kReadsFormat),
                 path.string(), 0, "format_version");
  auto tags = TagSet::fromJson(meta["tags"]);
  if (!tags)
    return Error(tags.error().message, path.string(), 0,
                 tags.error().field.empty() ? "tags" : jsonFieldPath("tags", tags.error().field));
  return NerModelFile{std::move(meta), std::move(tags.value())};
}

Status writeNerModelFile(const std::filesystem::path& dir, nlohmann::json meta, const TagSet& tags) {
  meta["format_version"] = 1;
  meta["tags"] = tags.toJson();
  const std::string text = meta.dump(2) + "\n";
  return AtomicFile::write((dir / kNerModelFile).string(), [&](std::ostream& out) { out << text; });
}

Result<std::unique_ptr<NerTagger>> loadNerTagger(const std::string& folder) {
  auto file = readNerModelFile(folder);
  if (!file) return file.error();
  const std::string path = (std::filesystem::path(folder) / kNerModelFile).string();
  auto kind = JsonFields(file->meta, path).string("kind", "");
  if (!kind) return kind.error();
  if (*kind == modelKindName(ModelKind::FromScratch)) {
    auto t = BiLstmTagger::load(folder, file.value());
    if (!t) return t.error();
    return std::unique_ptr<NerTagger>(std::move(t.value()));
  }
  if (*kind == modelKindName(ModelKind::Transformer)) {
    auto t = TransformerTagger::load(folder, file.value());
    if (!t) return t.error();
    return std::unique_ptr<NerTagger>(std::move(t.value()));
  }
  return Error("unknown model kind " + jsonSummary(*kind) + " (expected bilstm-crf or transformer)", path, 0,
               "kind");
}

std::vector<document::PredictedEntity> spansFromTags(const SentenceExample& sentence, const SentenceTags& tags,
                                           const TagSet& tagSet) {
  std::vector<document::PredictedEntity> out;
  for (const auto& [range, type] : tagSet.decode(tags.tags)) {
    if (range.start < 0 || range.end > static_cast<int32_t>(sentence.wordSpans.size()) ||
        range.start >= range.end)
      continue;
    document::PredictedEntity e;
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
