#include "jobs/RunLog.h"

#include <chrono>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <spdlog/details/os.h>
#include <spdlog/sinks/base_sink.h>

#include "common/Log.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {
namespace {

QString levelName(spdlog::level::level_enum level) {
  if (level >= spdlog::level::err) return QStringLiteral("error");
  if (level == spdlog::level::warn) return QStringLiteral("warn");
  return QStringLiteral("info");
}

QString fromUtf8(spdlog::string_view_t text) {
  return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

}  // namespace

// Takes what one thread logs, at info and above, into a RunLog.
class RunLog::Sink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit Sink(RunLog& log) : m_log(log), m_thread(spdlog::details::os::thread_id()) {
    set_level(spdlog::level::info);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    if (msg.thread_id != m_thread) return;
    const qint64 ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    m_log.add(levelName(msg.level),
              QLatin1Char('[') + fromUtf8(msg.logger_name) + QStringLiteral("] ") + fromUtf8(msg.payload),
              QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
  }
  void flush_() override {}

 private:
  RunLog& m_log;
  const size_t m_thread;  // the job's thread, as spdlog tells threads apart
};

RunLog::RunLog() : m_sink(std::make_shared<Sink>(*this)) { log::attachSink(m_sink); }

RunLog::~RunLog() { log::detachSink(m_sink); }

void RunLog::info(const QString& message) {
  add(QStringLiteral("info"), message, QDateTime::currentDateTimeUtc());
}
void RunLog::warn(const QString& message) {
  add(QStringLiteral("warn"), message, QDateTime::currentDateTimeUtc());
}
void RunLog::error(const QString& message) {
  add(QStringLiteral("error"), message, QDateTime::currentDateTimeUtc());
}

void RunLog::failure(const Error& error) {
  this->error(QStringLiteral("the run failed: ") + QString::fromStdString(error.toString()));
}

void RunLog::add(const QString& level, const QString& message, const QDateTime& time) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_lines.push_back(RunLogLine{0, time, level, message});
}

void RunLog::writeToStore(ProjectStore* store, qint64 runId) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_store = store;
  m_runId = runId;
}

void RunLog::writeToFile(const QString& path) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_file = path;
}

QVector<RunLogLine> RunLog::lines() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_lines;
}

Status RunLog::flush() {
  // Copied out, then written without the lock: the store and the file may log on this thread, which the
  // sink adds to the lines.
  QVector<RunLogLine> toStore, toFile;
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_store) toStore = m_lines.mid(m_stored);
    if (!m_file.isEmpty()) toFile = m_lines.mid(m_written);
  }
  Status result;
  if (!toFile.isEmpty()) {
    if (Status s = appendToFile(toFile); !s)
      result = s;
    else
      m_written += toFile.size();
  }
  if (!toStore.isEmpty()) {
    if (Status s = m_store->appendRunLog(m_runId, toStore); !s)
      result = s;
    else
      m_stored += toStore.size();
  }
  return result;
}

QString RunLog::lineText(const RunLogLine& line) {
  QString message = line.message;
  message.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
  return line.time.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + line.level + QLatin1Char(' ') +
         message;
}

void RunLog::flushOrWarn() {
  if (Status s = flush(); !s)
    log::get("jobs")->warn("the run's log could not be written: {}", s.error().toString());
}

Status RunLog::appendToFile(const QVector<RunLogLine>& lines) const {
  const QString path = m_file;
  if (!QDir().mkpath(QFileInfo(path).absolutePath()))
    return Error("cannot make the folder of the run's log", path.toStdString());
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
    return Error("cannot write the run's log: " + file.errorString().toStdString(), path.toStdString());
  QByteArray text;
  for (const RunLogLine& line : lines) text += (lineText(line) + QLatin1Char('\n')).toUtf8();
  if (file.write(text) != text.size() || !file.flush())
    return Error("cannot write the run's log: " + file.errorString().toStdString(), path.toStdString());
  return {};
}

}  // namespace quarry::jobs
