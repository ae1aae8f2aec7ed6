#pragma once
// Parsing JSON text without the silent changes of QJsonDocument::fromJson, which keeps a \uXXXX escape
// of a lone surrogate ("\ud83d" not followed by a low surrogate escape, or "\udc00" alone) as an unpaired
// UTF-16 unit: the text then changes when it is counted in code points or stored as UTF-8. Every JSON
// file Quarry reads (JSONL, SQuAD, schemas, archive manifests) goes through parseJson.

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include "common/Error.h"

namespace quarry {

// Parses `bytes` (UTF-8 JSON; `firstLine` is the line of `file` its first byte is on).
// A lone surrogate escape is a problem naming `file` and its line: with `repairs` null it is the Error;
// otherwise the escape is read as U+FFFD and "file:line: what (replaced with U+FFFD)" is appended to
// *repairs. Invalid JSON is an Error naming file, line and the byte within that line.
Result<QJsonDocument> parseJson(const QByteArray& bytes, const QString& file, long firstLine = 1,
                                QStringList* repairs = nullptr);

}  // namespace quarry
