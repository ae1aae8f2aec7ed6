#include "cli/ProgressReporter.h"

namespace quarry::cli {

ProgressReporter::ProgressReporter(QTextStream& stream, QString label, bool interactive)
    : m_stream(stream), m_label(std::move(label)), m_interactive(interactive) {
  m_clock.start();
}

QString ProgressReporter::formatDuration(qint64 seconds) {
  const qint64 h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
  if (h > 0) return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

void ProgressReporter::update(qint64 done, qint64 total) {
  m_done = done;
  m_total = total;
  const qint64 now = m_clock.elapsed();
  const qint64 interval = m_interactive ? 100 : 2000;
  if (m_lastDrawMs >= 0 && now - m_lastDrawMs < interval) return;
  m_lastDrawMs = now;
  draw(false);
}

void ProgressReporter::finish() {
  if (!m_drawn && m_clock.elapsed() < 500) return;  // quick jobs print nothing
  draw(true);
}

void ProgressReporter::draw(bool final) {
  m_drawn = true;
  const qint64 elapsedS = m_clock.elapsed() / 1000;
  QString line = m_label + QLatin1Char(' ');
  if (m_total > 0) {
    const double fraction = std::min(1.0, double(m_done) / double(m_total));
    if (m_interactive) {
      const int width = 30, filled = int(fraction * width);
      line += QLatin1Char('[') + QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char(' ')) +
              QStringLiteral("] ");
    }
    line += QStringLiteral("%1/%2 (%3%)").arg(m_done).arg(m_total).arg(int(fraction * 100));
    if (!final && m_done > 0) {
      const qint64 eta = qint64(double(m_clock.elapsed()) / 1000.0 * (1.0 - fraction) / fraction);
      line += QStringLiteral(" ETA ") + formatDuration(eta);
    }
  } else {
    line += QString::number(m_done);
  }
  if (!m_detail.isEmpty()) line += QLatin1Char(' ') + m_detail;
  line += QStringLiteral(" elapsed ") + formatDuration(elapsedS);
  if (m_interactive) {
    m_stream << '\r' << line << "\x1b[K";
    if (final) m_stream << '\n';
  } else {
    m_stream << line << '\n';
  }
  m_stream.flush();
}

}  // namespace quarry::cli
