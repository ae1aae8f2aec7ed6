#pragma once
// Which of the model's predictions the open document shows as suggestions: of the newest prediction run of
// each kind ("entity", "relation", "answer", "label"), the document's rows nobody has decided yet and that
// no annotation already says.

#include <QVector>

#include "DockSuggestions.h"
#include "annotation/AnnotationView.h"
#include "corpus/Document.h"
#include "corpus/Schema.h"
#include "store/StoreTypes.h"

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

struct DocumentSuggestions {
  QVector<SuggestedSpan> spans;           // by position, longer first
  QVector<SuggestedRelation> relations;   // between spans the document has, in row order
  QVector<SuggestedAnswer> answers;       // the most confident per field without an answer, in field order
  QVector<SuggestedCategory> categories;  // categories of the schema the document is not in, best first
};

// The suggestions for document `documentId` (`document`: what it holds now, under `schema`). A row the
// store cannot read shows nothing.
DocumentSuggestions readSuggestions(ProjectStore& store, qint64 documentId, const Document& document,
                                    const Schema& schema);

// The rows readSuggestions reads: the document's rows of the newest run of each kind.
QVector<Prediction> readSuggestionRows(ProjectStore& store, qint64 documentId);
// Which parts of a document's suggestions to work out again.
struct SuggestionParts {
  bool spansAndRelations = true;
  bool answers = true;
  bool categories = true;
};
// What `rows` suggest for `document` as it is now (readSuggestions without the store): the `parts` asked
// for worked out again, the others kept from `before`.
DocumentSuggestions suggestionsFrom(const QVector<Prediction>& rows, const Document& document, const Schema& schema,
                                    SuggestionParts parts = {}, const DocumentSuggestions& before = {});

// The same, from prediction rows of any kinds and runs.
QVector<SuggestedSpan> suggestedSpans(const QVector<Prediction>& rows, const Document& document);
QVector<SuggestedRelation> suggestedRelations(const QVector<Prediction>& rows, const Document& document,
                                              const Schema& schema);
QVector<SuggestedAnswer> suggestedAnswers(const QVector<Prediction>& rows, const Document& document,
                                          const Schema& schema);
QVector<SuggestedCategory> suggestedCategories(const QVector<Prediction>& rows, const Document& document,
                                               const Schema& schema);

}  // namespace quarry::ui
