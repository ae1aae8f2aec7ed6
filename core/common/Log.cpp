#include "common/Log.h"

#include <algorithm>
#include <mutex>
#include <vector>

#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace quarry::log {
namespace {

struct Registry {
  std::mutex mutex;
  std::vector<spdlog::sink_ptr> sinks;  // the console and the file, each at `level`
  spdlog::level::level_enum level = spdlog::level::warn;
  bool initialised = false;
  // Every logger's last sink. Sinks are attached to it rather than to the loggers: a logger's own list of
  // sinks may not change while another thread logs through it, this one's may (it holds a mutex).
  std::shared_ptr<spdlog::sinks::dist_sink_mt> attached = std::make_shared<spdlog::sinks::dist_sink_mt>();
  std::vector<spdlog::sink_ptr> attachedSinks;  // what `attached` holds, for their levels
};

Registry& registry() {
  static Registry r;
  return r;
}

void ensureDefaultSinks(Registry& r) {
  if (!r.sinks.empty()) return;
  r.sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  r.sinks.back()->set_level(r.level);
}

std::vector<spdlog::sink_ptr> loggerSinks(Registry& r) {
  std::vector<spdlog::sink_ptr> sinks = r.sinks;
  sinks.push_back(r.attached);
  return sinks;
}

// A logger passes on what its shared sinks log and what any attached sink asks for; each sink then drops
// what is below its own level.
spdlog::level::level_enum loggerLevel(const Registry& r) {
  spdlog::level::level_enum level = r.level;
  for (const spdlog::sink_ptr& sink : r.attachedSinks) level = std::min(level, sink->level());
  return level;
}

void applyLevels(Registry& r) {
  const spdlog::level::level_enum level = loggerLevel(r);
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) { logger->set_level(level); });
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
  for (const spdlog::sink_ptr& sink : r.sinks) sink->set_level(r.level);
  r.initialised = true;
  const std::vector<spdlog::sink_ptr> sinks = loggerSinks(r);
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) { logger->sinks() = sinks; });
  applyLevels(r);
}

std::shared_ptr<spdlog::logger> get(const std::string& subsystem) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  if (auto existing = spdlog::get(subsystem)) return existing;
  ensureDefaultSinks(r);
  const std::vector<spdlog::sink_ptr> sinks = loggerSinks(r);
  auto logger = std::make_shared<spdlog::logger>(subsystem, sinks.begin(), sinks.end());
  logger->set_level(loggerLevel(r));
  spdlog::register_logger(logger);
  return logger;
}

void attachSink(const spdlog::sink_ptr& sink) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.attachedSinks.push_back(sink);
  r.attached->add_sink(sink);
  applyLevels(r);
}

void detachSink(const spdlog::sink_ptr& sink) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.attached->remove_sink(sink);
  r.attachedSinks.erase(std::remove(r.attachedSinks.begin(), r.attachedSinks.end(), sink),
                        r.attachedSinks.end());
  applyLevels(r);
}

}  // namespace quarry::log
