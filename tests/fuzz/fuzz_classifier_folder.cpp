// quarry_task.json of a saved classifier: the input replaces that file in a copy of a small valid n-gram
// classifier folder, which is then loaded and, when it loads, run on a document. Every refusal names the
// file; nothing the file says (sizes, thresholds, labels, kind, task) may crash the loader or the model.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "train/classify/ClassifyTask.h"
#include "train/classify/NgramClassifier.h"

namespace {

// A valid folder made once: two labels, a handful of word n-grams, 8 character buckets.
const std::filesystem::path& baseFolder() {
  static const std::filesystem::path folder = [] {
    using namespace quarry::train;
    const auto dir = quarry::fuzz::scratch() / "base-classifier";
    TrainConfig config = TrainConfig::defaultsFor("classify");
    config.ngramDim = 4;
    config.charNgramBuckets = 8;
    config.minFeatureCount = 1;
    auto c = NgramClassifier::create(config, {"x", "y"}, true, {{"a b c", {0}}, {"b c d", {1}}});
    if (!c || !c.value()->save(dir.string())) abort();
    return dir;
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fs = std::filesystem;
  const fs::path folder = quarry::fuzz::copyWithFile(baseFolder(), "classifier", "quarry_task.json",
                                                      std::string_view(reinterpret_cast<const char*>(data), size));
  auto classifier = quarry::train::loadDocumentClassifier(folder.string());
  quarry::fuzz::note(classifier);
  if (!classifier) {
    if (classifier.error().message.empty()) abort();  // every refusal says why
    return 0;
  }
  quarry::document::AnnotatedDocument d("d", "a b c d e");
  const auto run = quarry::train::classifyDocuments(*classifier.value(), {d}, 4);
  if (run.probabilities.size() != 1 || run.probabilities[0].size() != classifier.value()->labels().size()) abort();
  return 0;
}
