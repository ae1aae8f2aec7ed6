#include "formats/TextFile.h"

#include "formats/ImportProblems.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace quarry {

namespace {

// The length (1 to 4) of the well-formed UTF-8 sequence at s[i], or minus the length of its maximal
// ill-formed subpart (Unicode's "maximal subpart": overlong forms, surrogates and code points past
// U+10FFFF are ill-formed; each subpart becomes one U+FFFD when repaired).
int sequenceAt(const unsigned char* s, qsizetype n, qsizetype i) {
  const unsigned char c = s[i];
  if (c < 0x80) return 1;
  int need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int k = 1; k <= need; ++k) {
    if (i + k >= n) return -k;
    const unsigned char b = s[i + k];
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return -k;
  }
  return need + 1;
}

}  // namespace

qsizetype firstInvalidUtf8(const QByteArray& bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.constData());
  const qsizetype n = bytes.size();
  for (qsizetype i = 0; i < n;) {
    const int len = sequenceAt(s, n, i);
    if (len < 0) return i;
    i += len;
  }
  return -1;
}

Result<QString> decodeUtf8(const QByteArray& bytes, const QString& path, ImportProblems* problems) {
  qsizetype bad = firstInvalidUtf8(bytes);
  QByteArray repaired;
  if (bad >= 0) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    long line = long(bytes.left(bad).count('\n')) + 1;
    qsizetype copied = 0;  // bytes before this are in `repaired`
    for (qsizetype i = bad; i < n;) {
      const int len = sequenceAt(s, n, i);
      if (len > 0) {
        if (s[i] == '\n') ++line;
        i += len;
        continue;
      }
      const QString what = QStringLiteral("invalid UTF-8 at byte offset %1").arg(i);
      if (!problems) return lineError(path, line, what);
      if (!problems->raise(path, line, what, QStringLiteral("replaced with U+FFFD")))
        return problems->error();
      repaired.append(bytes.constData() + copied, i - copied);
      repaired.append("\xEF\xBF\xBD");
      i -= len;  // len is minus the length of the ill-formed subpart
      copied = i;
    }
    repaired.append(bytes.constData() + copied, n - copied);
  }
  const QByteArray& good = bad >= 0 ? repaired : bytes;
  if (good.startsWith("\xEF\xBB\xBF")) return QString::fromUtf8(good.constData() + 3, good.size() - 3);
  return QString::fromUtf8(good);
}

Result<QByteArray> readInputBytes(const QString& path) {
  const QFileInfo info(path);
  if (info.isDir()) return Error("is a folder, not a file", path.toStdString());
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return Error("cannot open: " + f.errorString().toStdString(), path.toStdString());
  if (info.isFile() && !f.isSequential()) {
    QByteArray all = f.readAll();
    if (all.size() != f.size())
      return Error("read " + std::to_string(all.size()) + " of " + std::to_string(f.size()) +
                       " bytes: " + f.errorString().toStdString(),
                   path.toStdString());
    return all;
  }
  QByteArray bytes;
  while (true) {
    const QByteArray chunk = f.read(qint64(1) << 20);
    if (chunk.isEmpty()) break;
    bytes += chunk;
    if (bytes.size() > kMaxStreamBytes)
      return Error("not a regular file and longer than " + std::to_string(kMaxStreamBytes >> 20) +
                       " MiB: refused (an endless stream such as /dev/zero?); save it to a file first",
                   path.toStdString());
  }
  return bytes;
}

Result<QString> readUtf8File(const QString& path, ImportProblems* problems) {
  Result<QByteArray> bytes = readInputBytes(path);
  if (!bytes) return bytes.error();
  return decodeUtf8(bytes.value(), path, problems);
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

Status writeUtf8File(const QString& path, const QString& text, OutputFile::Mode mode) {
  return writeFileBytes(path, text.toUtf8(), mode);
}

Status writeFileBytes(const QString& path, const QByteArray& bytes, OutputFile::Mode mode) {
  return OutputFile::write(path, bytes, mode);
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
