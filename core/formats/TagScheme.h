#pragma once
// Token tag schemes for sequence labelling (CoNLL files): IOB1, IOB2 and BIOES, both directions.
//
// IOB2: every entity starts with B-X, continues with I-X.
// IOB1: entities are I-X; B-X only starts an entity right after another entity of the same type.
// BIOES: S-X for a one-token entity, else B-X, I-X..., E-X.

#include <QString>
#include <QStringList>
#include <QVector>

namespace quarry {

enum class TagScheme { Iob1, Iob2, Bioes };

QString tagSchemeName(TagScheme s);                        // "iob1", "iob2", "bioes"
bool parseTagScheme(const QString& name, TagScheme* out);  // case-insensitive; also "bio" = iob2

// An entity over tokens [first, end) of one sentence.
struct TokenSpan {
  int first = 0;
  int end = 0;  // exclusive
  QString type;
  bool operator==(const TokenSpan& o) const { return first == o.first && end == o.end && type == o.type; }
};

// A broken tag sequence, already repaired in the decoded spans (a stray I-/E- starts a new entity,
// an entity left open is closed at its last token).
struct TagProblem {
  int token = 0;    // index of the token whose tag is wrong
  QString message;  // "I-Disease follows O"
  QString repair;   // what the decoder did about it, for the warning
};

// Splits "B-Disease" into 'B' and "Disease"; "O" gives 'O' and an empty type. False when the tag is
// neither "O" nor <letter>-<type>.
bool splitTag(const QString& tag, QChar* prefix, QString* type);

// The scheme a file's tags are in: BIOES when S- or E- tags occur, IOB1 when an I- tag starts an entity
// (IOB2 would need B- there), else IOB2. `sentences` holds each sentence's tags.
TagScheme detectTagScheme(const QVector<QStringList>& sentences);

// Entities of one sentence. Tags that splitTag rejects, or prefixes the scheme does not use (E-/S- in
// IOB), are reported in `badTag` (index of the first, else -1) and decoding stops there.
QVector<TokenSpan> decodeTags(const QStringList& tags, TagScheme scheme, QVector<TagProblem>* problems,
                              int* badTag);

// Tags for `tokenCount` tokens. `spans` must not overlap; any order.
QStringList encodeTags(QVector<TokenSpan> spans, int tokenCount, TagScheme scheme);

}  // namespace quarry
