#pragma once
// The bridge between the workbench's documents (Qt, the store, import formats) and the engine's plain
// AnnotatedDocuments, for every task: entity mentions, relations between them (by mention index),
// questions with their answers (one question per phrasing of a QA field), document labels; and back
// from each task's predictions to the store's prediction rows.
//
// Discontinuous spans cannot be tagged by a flat sequence tagger: each is trained as the contiguous
// span covering its fragments and counted in `discontinuous` so the caller can say so.
//
// A relation that names the concepts it joins (PubTator's document-level relations: head_concept and
// tail_concept attributes, and those kept unlinked in the document's metadata) is a concept relation.

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include "common/Error.h"
#include "corpus/Corpus.h"
#include "document/AnnotatedDocument.h"
#include "document/Predictions.h"
#include "document/RelationSchema.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {

struct DocumentSet {
  std::vector<document::AnnotatedDocument> documents;
  QVector<qint64> storeIds;        // parallel to documents when read from a store; else empty
  QStringList entityTypes;         // the schema's entity types (in schema order)
  QStringList relationTypes;       // the schema's relation types
  std::vector<document::RelationTypeSpec> relationSpecs;  // the same with direction and argument types
  QStringList categories;          // the schema's document categories
  QVector<QaField> qaFields;       // the schema's QA fields (with their phrasings and answering entity types)
  bool multiLabelCategories = false;  // the schema allows several categories per document
  int discontinuous = 0;           // spans trained as their covering span
  int awaitingAdjudication = 0;    // documents left out: several annotators' layers and no adjudication yet

  // The label set a task trains on: entity types (ner), categories (classify); none for qa.
  QStringList labelsFor(const std::string& task) const;
};

// Documents of a corpus (all of them, or those of `splits` when not empty).
DocumentSet documentsFromCorpus(const Corpus& corpus, const QVector<Split>& splits = {});

// Keeps each adjudicated document's gold layer (`adjudicated`: store id -> adjudicator) and drops the
// documents with several annotators' layers and no adjudication; returns how many were dropped.
int goldLayers(Corpus& corpus, const QHash<QString, qint64>& ids, const QHash<qint64, QString>& adjudicated);

// Documents of a project's splits (empty = every split) and statuses (empty = every status). With separate
// layers (a team annotating twice), an adjudicated document gives its gold layer (the adjudicator's
// annotations) and one that several annotators annotated but nobody adjudicated yet is left out.
Result<DocumentSet> documentsFromStore(ProjectStore& store, const QVector<Split>& splits,
                                       const QVector<DocumentStatus>& statuses = {});

// Readies `set` for a QA model that is given no questions (quarry-cli predict on a project): a document that
// annotates no answer — unannotated, exactly those a user wants answered; questions of fields answered by an
// entity type do not count — is also asked each phrasing of every QA field of set.qaFields it is not asked
// yet, ids naming the field as its own questions do ("FIELD", or "FIELD#k" of a field with several
// phrasings), so that its answers can be told apart by field. An annotated document keeps just its own
// questions: the fields of a SQuAD import are one paragraph's questions each, not questions for every other.
void askQaFields(DocumentSet& set);

// A file or folder in any import format (`format` empty = guessed from the path), read without writing
// anything anywhere. Problems follow options.policy; errors name the file and line.
Result<DocumentSet> documentsFromFile(const QString& path, const QString& format, const QString& tagScheme = {});

// Prediction rows for the store: kind "entity", payload {type, start, end, text}.
QVector<Prediction> entityPredictions(qint64 runId, qint64 documentId, const document::AnnotatedDocument& document,
                                      const std::vector<document::PredictedEntity>& predicted);

// Prediction rows for the store: kind "relation", payload {type, head: {start, end, type, text}, tail: {...}}
// for relations between `mentions`; payload {type, head_concept, tail_concept} for document-level ones.
QVector<Prediction> relationPredictions(qint64 runId, qint64 documentId, const document::AnnotatedDocument& document,
                                        const std::vector<document::EntityMention>& mentions,
                                        const std::vector<document::PredictedRelation>& relations,
                                        const std::vector<document::PredictedConceptRelation>& conceptRelations);
// Prediction rows for the store: kind "answer", payload {question_id, field, start, end, text}, or
// {question_id, field, no_answer: true} when the model judges the text does not answer; `field` is the QA
// field of the document's question (absent for a question of no field, e.g. one given on the command line).
QVector<Prediction> answerPredictions(qint64 runId, qint64 documentId, const document::AnnotatedDocument& document,
                                      const std::vector<document::PredictedAnswer>& predicted);

// Prediction rows for the store: kind "label", payload {label}.
QVector<Prediction> labelPredictions(qint64 runId, qint64 documentId,
                                     const std::vector<document::PredictedLabel>& predicted);

std::vector<std::string> toStdStrings(const QStringList& list);

}  // namespace quarry::jobs
