#include "model/kernels/Autocast.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

// LibTorch 2.4 gave autocast one API for every device type; 1.13 to 2.3 have one per backend.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define QUARRY_AUTOCAST_BY_DEVICE 1
#else
#define QUARRY_AUTOCAST_BY_DEVICE 0
#endif

namespace quarry::model {

namespace {

bool isEnabled(c10::DeviceType device) {
#if QUARRY_AUTOCAST_BY_DEVICE
  return at::autocast::is_autocast_enabled(device);
#else
  return device == c10::DeviceType::CUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

void setEnabled(c10::DeviceType device, bool enabled) {
#if QUARRY_AUTOCAST_BY_DEVICE
  at::autocast::set_autocast_enabled(device, enabled);
#else
  if (device == c10::DeviceType::CUDA)
    at::autocast::set_enabled(enabled);
  else
    at::autocast::set_cpu_enabled(enabled);
#endif
}

c10::ScalarType typeOf(c10::DeviceType device) {
#if QUARRY_AUTOCAST_BY_DEVICE
  return at::autocast::get_autocast_dtype(device);
#else
  return device == c10::DeviceType::CUDA ? at::autocast::get_autocast_gpu_dtype()
                                         : at::autocast::get_autocast_cpu_dtype();
#endif
}

void setType(c10::DeviceType device, c10::ScalarType type) {
#if QUARRY_AUTOCAST_BY_DEVICE
  at::autocast::set_autocast_dtype(device, type);
#else
  if (device == c10::DeviceType::CUDA)
    at::autocast::set_autocast_gpu_dtype(type);
  else
    at::autocast::set_autocast_cpu_dtype(type);
#endif
}

c10::DeviceType autocastDevice(c10::DeviceType device) {
  return device == c10::DeviceType::CUDA ? c10::DeviceType::CUDA : c10::DeviceType::CPU;
}

}  // namespace

Result<Precision> precisionNamed(const std::string& name) {
  if (name == "fp32" || name == "float32") return Precision::Float32;
  if (name == "bf16" || name == "bfloat16") return Precision::BFloat16;
  if (name == "fp16" || name == "float16") return Precision::Float16;
  return Error("unknown precision \"" + name + "\": fp32, bf16 or fp16", "", 0, "precision");
}

const char* precisionName(Precision precision) {
  switch (precision) {
    case Precision::BFloat16:
      return "bf16";
    case Precision::Float16:
      return "fp16";
    case Precision::Float32:
      break;
  }
  return "fp32";
}

Status precisionSupported(Precision precision, c10::DeviceType device) {
  if (precision == Precision::Float16 && device != c10::DeviceType::CUDA)
    return Error("fp16 mixed precision needs a CUDA device; on the CPU use bf16 (or fp32)", "", 0,
                 "precision");
  return {};
}

bool autocastEnabled(c10::DeviceType device) { return isEnabled(autocastDevice(device)); }

c10::ScalarType autocastType(c10::DeviceType device) { return typeOf(autocastDevice(device)); }

AutocastState AutocastState::current(c10::DeviceType device) {
  AutocastState s;
  s.device = autocastDevice(device);
  s.enabled = isEnabled(s.device);
  s.type = typeOf(s.device);
  return s;
}

AutocastRestore::AutocastRestore(const AutocastState& state) : m_state(state) {
  if (!m_state.enabled) return;
  m_wasEnabled = isEnabled(m_state.device);
  m_previousType = typeOf(m_state.device);
  setType(m_state.device, m_state.type);
  setEnabled(m_state.device, true);
  at::autocast::increment_nesting();
}

AutocastRestore::~AutocastRestore() {
  if (!m_state.enabled) return;
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
  setEnabled(m_state.device, m_wasEnabled);
  setType(m_state.device, m_previousType);
}

namespace {
AutocastState stateFor(c10::DeviceType device, Precision precision) {
  AutocastState s;
  s.device = autocastDevice(device);
  s.enabled = precision != Precision::Float32;
  s.type = precision == Precision::Float16 ? c10::ScalarType::Half : c10::ScalarType::BFloat16;
  return s;
}
}  // namespace

AutocastScope::AutocastScope(c10::DeviceType device, Precision precision)
    : AutocastRestore(stateFor(device, precision)) {}

}  // namespace quarry::model
