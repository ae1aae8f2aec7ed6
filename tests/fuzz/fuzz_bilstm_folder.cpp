// A BiLSTM-CRF tagger folder: config.json, vocab.json and model.safetensors, carried by one input (see
// splitInput), loaded as loadBiLstmCrf does, model allocation included.
#include <cstddef>
#include <cstdint>

#include <ATen/Parallel.h>

#include "FuzzSupport.h"
#include "model/bilstm/BiLstmCrfFolder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool once = [] {
    at::set_num_threads(1);
    return true;
  }();
  (void)once;
  const auto folder = quarry::fuzz::scratch() / "bilstm";
  std::filesystem::create_directories(folder);
  const auto parts = quarry::fuzz::splitInput(data, size, 3);
  quarry::fuzz::writeFile(folder / "config.json", parts[0]);
  quarry::fuzz::writeFile(folder / "vocab.json", parts[1]);
  quarry::fuzz::writeFile(folder / "model.safetensors", parts[2]);
  auto loaded = quarry::model::loadBiLstmCrf(folder.string());
  quarry::fuzz::note(loaded);
  if (loaded) (void)loaded->vocab.wordCount();
  return 0;
}
