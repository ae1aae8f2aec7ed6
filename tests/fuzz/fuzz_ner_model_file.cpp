// quarry_ner.json of a saved tagger: its tag set and the fields the loaders read, and what a tagger then
// builds from the tags (decoding, CRF constraints).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "common/JsonReader.h"
#include "train/ner/NerTagger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto folder = quarry::fuzz::scratch() / "tagger";
  std::filesystem::create_directories(folder);
  const auto file = folder / quarry::train::kNerModelFile;
  quarry::fuzz::writeFile(file, std::string_view(reinterpret_cast<const char*>(data), size));
  auto model = quarry::train::readNerModelFile(folder.string());
  quarry::fuzz::note(model);
  if (!model) return 0;
  const quarry::JsonFields meta(model->meta, file.string());
  (void)meta.string("kind", "");
  (void)meta.integer("max_length", 128, 8, 1'000'000);
  (void)meta.boolean("crf", false);
  const auto& tags = model->tags;
  (void)tags.allowedTransitions();
  (void)tags.decode({0, 1, 2, 1, 0, 3});
  (void)tags.toJson().dump();
  return 0;
}
