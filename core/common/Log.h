#pragma once
// Logging: spdlog behind one init function and one named logger per subsystem, and sinks a job attaches
// for a while to collect what is logged (jobs/RunLog.h).

#include <memory>
#include <string>

#include <spdlog/logger.h>

namespace quarry::log {

struct LogOptions {
  std::string filePath;          // rotating log file; empty = console only
  std::size_t maxFileBytes = 5 * 1024 * 1024;  // rotate after this many bytes
  std::size_t maxFiles = 3;      // rotated files kept
  bool console = true;           // also log to stderr
  std::string level = "info";    // trace, debug, info, warn, error, critical, off
};

// Sets up the shared sinks. Safe to call more than once (later calls replace the sinks); loggers made
// before the call are re-pointed at the new sinks.
void init(const LogOptions& options);

// The logger of one subsystem ("store", "formats", "text", "model", "train", "ui", "cli"...).
// Created on first use with the sinks of the last init() (stderr, level warn, when init was never called).
std::shared_ptr<spdlog::logger> get(const std::string& subsystem);

// Passes every message of every logger, present and future, at `sink`'s own level and above to `sink`, until
// detachSink: whatever level init() set, which still holds for the console and the log file. Thread-safe,
// also while other threads log.
void attachSink(const spdlog::sink_ptr& sink);
void detachSink(const spdlog::sink_ptr& sink);

}  // namespace quarry::log
