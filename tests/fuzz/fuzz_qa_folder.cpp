// A saved QA model folder: the input's first byte picks the file it replaces in a copy of a small valid
// from-scratch reader folder (even: quarry_task.json, odd: vocabulary.json; the rest is the file), which
// is then loaded through loadQaModel and, when it loads, asked a question of a short document. Every
// refusal says why; nothing the files say (kind, window and answer settings, thresholds, sizes, words)
// may crash the loader or the reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "train/qa/BiLstmQaReader.h"
#include "train/qa/QaTask.h"

namespace {

quarry::document::AnnotatedDocument sample() {
  quarry::document::AnnotatedDocument d("d", "Aspirin was approved in 1899 by Bayer .");
  d.questions = {{"q", "", "Who approved aspirin ?", {{32, 37}}}};
  return d;
}

// A valid folder made once: a tiny network over the sample's words.
const std::filesystem::path& baseFolder() {
  static const std::filesystem::path folder = [] {
    using namespace quarry::train;
    const auto dir = quarry::fuzz::scratch() / "base-qa";
    TrainConfig config = TrainConfig::defaultsFor("qa");
    config.wordDim = 4;
    config.lstmHidden = 3;
    auto m = BiLstmQaReader::create(config, {sample()});
    if (!m || !m.value()->save(dir.string())) abort();
    return dir;
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fs = std::filesystem;
  if (size == 0) return 0;
  const fs::path folder =
      quarry::fuzz::copyWithFile(baseFolder(), "qa", data[0] % 2 == 0 ? "quarry_task.json" : "vocabulary.json",
                                 std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  auto model = quarry::train::loadQaModel(folder.string());
  quarry::fuzz::note(model);
  if (!model) {
    if (model.error().message.empty()) abort();  // every refusal says why
    return 0;
  }
  const std::vector<quarry::document::AnnotatedDocument> docs = {sample()};
  const quarry::train::QaRun run = quarry::train::answerQuestions(*model.value(), docs, 4);
  if (run.answers.size() != 1) abort();
  for (const auto& a : run.answers.front())
    if (!a.noAnswer && (a.start < 0 || a.end > 39 || a.start >= a.end)) abort();
  return 0;
}
