#include "model/kernels/HostToDevice.h"

namespace quarry::model {

at::Tensor hostToDevice(const at::Tensor& host, const c10::Device& device) {
  if (!device.is_cuda() || !host.is_cpu()) return host.to(device);
  // pin_memory() copies into the caching host allocator's blocks, which stay alive until the copy that
  // reads them has run on the device.
  return host.pin_memory().to(device, /*non_blocking=*/true);
}

}  // namespace quarry::model
