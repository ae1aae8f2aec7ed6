// pytorch_model.bin: the zip archive, data.pkl and the storage records, in memory.
#include <cstddef>
#include <cstdint>

#include <ATen/Parallel.h>

#include "FuzzSupport.h"
#include "model/PytorchBinFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool once = [] {
    quarry::fuzz::scratch();
    at::set_num_threads(1);
    return true;
  }();
  (void)once;
  auto r =
      quarry::model::PytorchBinFile::parse(reinterpret_cast<const char*>(data), size, "pytorch_model.bin");
  quarry::fuzz::note(r);
  if (r)
    for (const auto& [name, t] : r->tensors) (void)t.sum();  // every byte of every view is readable
  return 0;
}
