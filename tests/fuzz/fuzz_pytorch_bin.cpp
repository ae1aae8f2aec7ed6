// pytorch_model.bin in memory. An input starting with "PK" is a whole archive (the zip reader, its sizes
// and checksums). Any other input carries data.pkl and two storage records (see splitInput) that are put
// into a well-formed archive with correct checksums, so that mutations reach the pickle machine and the
// checks of views against storages instead of stopping at a checksum.
#include <cstddef>
#include <cstdint>
#include <string>

#include <ATen/Parallel.h>

#include "FuzzSupport.h"
#include "engine/TorchZipTestSupport.h"
#include "model/checkpoint/PytorchBinFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool once = [] {
    quarry::fuzz::scratch();
    at::set_num_threads(1);
    return true;
  }();
  (void)once;
  std::string archive;
  const char* bytes = reinterpret_cast<const char*>(data);
  if (size < 2 || bytes[0] != 'P' || bytes[1] != 'K') {
    const auto parts = quarry::fuzz::splitInput(data, size, 3);
    archive = quarry::test::torchArchive(std::string(parts[2]),
                                         {{"0", std::string(parts[0])}, {"1", std::string(parts[1])}});
    bytes = archive.data();
    size = archive.size();
  }
  auto r = quarry::model::PytorchBinFile::parse(bytes, size, "pytorch_model.bin");
  quarry::fuzz::note(r);
  if (r)
    for (const auto& [name, t] : r->tensors) (void)t.sum();  // every byte of every view is readable
  return 0;
}
