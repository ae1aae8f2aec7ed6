#pragma once
// Progress of a long CLI operation: a bar with counts and ETA on a terminal, plain periodic lines
// otherwise (logs, CI), so output stays readable in both.

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace quarry::cli {

class ProgressReporter {
 public:
  ProgressReporter(QTextStream& stream, QString label, bool interactive);
  // Reports `done` of `total` units (total 0 = unknown). Cheap to call often: it redraws at most
  // 10 times a second on a terminal and every 2 seconds otherwise.
  void update(qint64 done, qint64 total);
  // Extra text shown after the counts ("epoch 2/30 loss 0.31 dev F1 0.812").
  void setDetail(const QString& detail) { m_detail = detail; }
  // Draws the final state and ends the line.
  void finish();

  // "1:05" / "1:02:03"
  static QString formatDuration(qint64 seconds);

 private:
  void draw(bool final);

  QTextStream& m_stream;
  QString m_label;
  bool m_interactive;
  QElapsedTimer m_clock;
  qint64 m_lastDrawMs = -1;
  qint64 m_done = 0;
  qint64 m_total = 0;
  bool m_drawn = false;
  QString m_detail;
};

}  // namespace quarry::cli
