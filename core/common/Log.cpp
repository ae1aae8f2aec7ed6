#include "common/Log.h"

#include <mutex>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace quarry::log {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<spdlog::sink_ptr> sinks;
  spdlog::level::level_enum level = spdlog::level::warn;
  bool initialised = false;
};

Registry& registry() {
  static Registry r;
  return r;
}

void ensureDefaultSinks(Registry& r) {
  if (!r.sinks.empty()) return;
  r.sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
}

}  // namespace

void init(const LogOptions& options) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.sinks.clear();
  if (options.console) r.sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  if (!options.filePath.empty()) {
    try {
      r.sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          options.filePath, options.maxFileBytes, options.maxFiles));
    } catch (const spdlog::spdlog_ex& e) {
      // A log file that cannot be opened must not stop the program; say so on the console.
      if (r.sinks.empty()) r.sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
      r.sinks.front()->log(spdlog::details::log_msg(
          "log", spdlog::level::warn, std::string("cannot open log file: ") + e.what()));
    }
  }
  r.level = spdlog::level::from_str(options.level);
  r.initialised = true;
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) {
    logger->sinks() = r.sinks;
    logger->set_level(r.level);
  });
}

std::shared_ptr<spdlog::logger> get(const std::string& subsystem) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  if (auto existing = spdlog::get(subsystem)) return existing;
  ensureDefaultSinks(r);
  auto logger = std::make_shared<spdlog::logger>(subsystem, r.sinks.begin(), r.sinks.end());
  logger->set_level(r.level);
  spdlog::register_logger(logger);
  return logger;
}

}  // namespace quarry::log
