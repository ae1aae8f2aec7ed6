#include "formats/TextFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace quarry {

qsizetype firstInvalidUtf8(const QByteArray& bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.constData());
  const qsizetype n = bytes.size();
  qsizetype i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    unsigned int cp = 0;
    unsigned int min = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
      min = 0x10000;
    } else
      return i;
    if (i + extra >= n) return i;
    for (int k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += extra + 1;
  }
  return -1;
}

Result<QString> decodeUtf8(const QByteArray& bytes, const QString& path) {
  const qsizetype bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const long line = long(bytes.left(bad).count('\n')) + 1;
    return lineError(path, line, QStringLiteral("invalid UTF-8 at byte offset %1").arg(bad));
  }
  if (bytes.startsWith("\xEF\xBB\xBF")) return QString::fromUtf8(bytes.constData() + 3, bytes.size() - 3);
  return QString::fromUtf8(bytes);
}

Result<QString> readUtf8File(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return Error("cannot open: " + f.errorString().toStdString(), path.toStdString());
  return decodeUtf8(f.readAll(), path);
}

TextLines splitLines(const QString& text) {
  TextLines out;
  if (text.isEmpty()) return out;
  out.lines = text.split(QLatin1Char('\n'));
  out.finalNewline = text.endsWith(QLatin1Char('\n'));
  if (out.finalNewline) out.lines.removeLast();
  for (QString& line : out.lines)
    if (line.endsWith(QLatin1Char('\r'))) {
      line.chop(1);
      out.crlf = true;
    }
  return out;
}

Status writeUtf8File(const QString& path, const QString& text) { return writeFileBytes(path, text.toUtf8()); }

Status writeFileBytes(const QString& path, const QByteArray& bytes) {
  const QFileInfo info(path);
  if (!QDir().mkpath(info.absolutePath()))
    return Error("cannot create the folder", info.absolutePath().toStdString());
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly))
    return Error("cannot write: " + f.errorString().toStdString(), path.toStdString());
  f.write(bytes);
  if (!f.commit()) return Error("cannot write: " + f.errorString().toStdString(), path.toStdString());
  return {};
}

Error lineError(const QString& path, long line, const QString& message, const QString& field) {
  return Error(message.toStdString(), path.toStdString(), line, field.toStdString());
}

Result<QVector<const Document*>> documentsToExport(const Corpus& corpus, const ExportOptions& options) {
  QVector<const Document*> out;
  Split wanted = Split::Unassigned;
  if (!options.split.isEmpty() && !parseSplit(options.split, &wanted))
    return Error(
        QStringLiteral("unknown split '%1' (train, dev, test, unassigned)").arg(options.split).toStdString(),
        {}, 0, "split");
  for (const Document& d : corpus.documents)
    if (options.split.isEmpty() || d.split == wanted) out << &d;
  return out;
}

bool reportProgress(const ProgressCallback& progress, qint64 done, qint64 total) {
  if (!progress || (done % 4096 != 0 && done != total)) return true;
  return progress(done, total);
}

}  // namespace quarry
