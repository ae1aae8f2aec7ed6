#pragma once
// SQuAD v1.1 / v2.0 JSON ("squad"): {"version", "data": [{"title", "paragraphs": [{"context",
// "qas": [{"id", "question", "answers": [{"text", "answer_start"}], "is_impossible",
// "plausible_answers"}]}]}]}.
//
// Mapping (read -> write -> read is equal):
// - each paragraph -> a Document named "<title>:<paragraph index>", text = context, metadata
//   {"title", "paragraph": index, "squad_version": version} plus, when the input has them,
//   "squad_paragraph_extra" (other paragraph keys, e.g. PolicyQA "index", "summary"),
//   "squad_article_extra" (other article keys, on the article's first paragraph) and
//   "squad_questions": [{"id", other question keys such as "type" or "is_impossible"}] in order;
// - each question -> a QaField named after the question id, questions = [question text];
// - each answer -> a QaAnswer (field = questionId = id), start/end in code points (answer_start is
//   a Python index), other answer keys in attributes; all answers kept in order;
// - "is_impossible": true -> one noAnswer QaAnswer with attributes {"plausible_answers": [...]}.
// An answer whose text is not the context at answer_start is a problem: Repair moves it to the
// nearest occurrence or drops it.

#include "formats/Format.h"

namespace quarry {

class SquadFormat : public Format {
 public:
  QString name() const override { return QStringLiteral("squad"); }
  QString description() const override;
  QStringList extensions() const override { return {QStringLiteral("json")}; }
  Result<Corpus> read(const QString& path, const ImportOptions& options, ImportReport& report) const override;
  Status write(const Corpus& corpus, const QString& path, const ExportOptions& options) const override;
};

}  // namespace quarry
