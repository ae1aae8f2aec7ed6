// quarry_task.json of a saved relation model: the input replaces that file in a copy of a small valid CNN
// relation folder, which is then loaded and, when it loads, run on a document with three mentions. Every
// refusal names the file; nothing the file says (relation types, entity types, sizes, level, window,
// threshold) may crash the loader or the model.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "train/relation/CnnRelationModel.h"
#include "train/relation/RelationPrediction.h"

namespace {

quarry::document::AnnotatedDocument sample() {
  quarry::document::AnnotatedDocument d("d", "aspirin causes fever and heparin .");
  d.entities = {{0, 7, "Chemical"}, {15, 20, "Disease"}, {25, 32, "Chemical"}};
  d.relations = {{0, 1, "CAUSES"}};
  return d;
}

// A valid folder made once: one directed type, two entity types, a tiny network.
const std::filesystem::path& baseFolder() {
  static const std::filesystem::path folder = [] {
    using namespace quarry::train;
    const auto dir = quarry::fuzz::scratch() / "base-relation";
    TrainConfig config = TrainConfig::defaultsFor("relation");
    config.wordDim = 4;
    config.positionDim = 2;
    config.relationFilters = 3;
    const RelationClasses classes({{"CAUSES", true, {"Chemical"}, {"Disease"}}});
    const std::vector<quarry::document::AnnotatedDocument> train = {sample()};
    const auto candidates = relationCandidates(train, goldMentions(train), classes, {}, true);
    auto m = CnnRelationModel::create(config, classes, {"Chemical", "Disease"}, RelationSettings::fromConfig(config, false),
                                      train, candidates);
    if (!m || !m.value()->save(dir.string())) abort();
    return dir;
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fs = std::filesystem;
  const fs::path folder = quarry::fuzz::copyWithFile(baseFolder(), "relation", "quarry_task.json",
                                                      std::string_view(reinterpret_cast<const char*>(data), size));
  auto model = quarry::train::loadRelationModel(folder.string());
  quarry::fuzz::note(model);
  if (!model) {
    if (model.error().message.empty()) abort();  // every refusal says why
    return 0;
  }
  const std::vector<quarry::document::AnnotatedDocument> docs = {sample()};
  const auto mentions = quarry::train::goldMentions(docs);
  const auto run = quarry::train::runRelationModel(*model.value(), docs, mentions, true, 4);
  if (run.probabilities.size() != run.candidates.size()) abort();
  for (const auto& p : run.probabilities)
    if (p.size() != model.value()->classes().size()) abort();
  return 0;
}
