#pragma once
// Reading and writing the UTF-8 text files every line-based format is made of.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "common/Error.h"
#include "formats/Format.h"
#include "formats/OutputFile.h"

namespace quarry {

// The lines of a text file: split at "\n"; a "\r" before the "\n" is dropped and remembered.
struct TextLines {
  QStringList lines;          // without their line ends
  bool finalNewline = false;  // the last line ended with a line end
  bool crlf = false;          // at least one line ended with "\r\n"
};

class ImportProblems;

// Decodes UTF-8, dropping a leading byte order mark. Invalid UTF-8 is a problem naming `path`, the line
// and the byte offset of the bad bytes: without `problems`, or when they reject, the first one is the
// Error; when they repair, each ill-formed sequence becomes one U+FFFD and is listed as a repair.
Result<QString> decodeUtf8(const QByteArray& bytes, const QString& path, ImportProblems* problems = nullptr);
// Reads and decodes a whole file (see decodeUtf8).
Result<QString> readUtf8File(const QString& path, ImportProblems* problems = nullptr);

// The bytes of an input file. A regular file is read whole; anything else (a pipe, a device such as
// /dev/zero) is read up to kMaxStreamBytes, past which it is refused instead of filling the memory; a
// folder is refused.
inline constexpr qint64 kMaxStreamBytes = qint64(256) << 20;
Result<QByteArray> readInputBytes(const QString& path);
// Byte offset of the first byte that is not valid UTF-8 (overlong forms and surrogates included), -1 if none.
qsizetype firstInvalidUtf8(const QByteArray& bytes);

TextLines splitLines(const QString& text);

// Writes `text` as UTF-8 (no BOM) through OutputFile, creating the folder: the file appears whole or not at
// all, and a failed write (a full disk) is an Error naming the file.
Status writeUtf8File(const QString& path, const QString& text,
                     OutputFile::Mode mode = OutputFile::Mode::Beside);
Status writeFileBytes(const QString& path, const QByteArray& bytes,
                      OutputFile::Mode mode = OutputFile::Mode::Beside);

// "file:line: message" as an Error.
Error lineError(const QString& path, long line, const QString& message, const QString& field = {});
// The documents an export writes: all, or those of options.split (an unknown split name is an error).
Result<QVector<const Document*>> documentsToExport(const Corpus& corpus, const ExportOptions& options);
// Calls options.progress every few thousand units; false when the user cancelled.
bool reportProgress(const ProgressCallback& progress, qint64 done, qint64 total);

}  // namespace quarry
