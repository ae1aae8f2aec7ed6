// last/state.json of an interrupted training run, as a resume reads it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "FuzzSupport.h"
#include "train/TrainState.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto folder = quarry::fuzz::scratch() / "last";
  std::filesystem::create_directories(folder);
  quarry::fuzz::writeFile(folder / "state.json", std::string_view(reinterpret_cast<const char*>(data), size));
  auto state = quarry::train::TrainState::load(folder.string());
  quarry::fuzz::note(state);
  if (state) (void)state->history.dump();
  return 0;
}
