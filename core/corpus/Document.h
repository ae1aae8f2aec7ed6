#pragma once
// One annotated document in memory: what import produces, export consumes and the store persists.
//
// OFFSETS: every start/end in this file counts Unicode code points of `Document::text`, end exclusive.
// (Not UTF-16 units as QString indexes, not UTF-8 bytes.) TextOffsets converts to QString indices.

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace quarry {

enum class Split { Unassigned, Train, Dev, Test };
enum class DocumentStatus { New, InProgress, Done, Reviewed };
enum class Origin { Manual, AcceptedSuggestion, Imported };

QString splitName(Split s);                        // "train", "dev", "test", "unassigned"
bool parseSplit(const QString& name, Split* out);  // also accepts "devel", "validation", "dev"
QString statusName(DocumentStatus s);              // "new", "in_progress", "done", "reviewed"
bool parseStatus(const QString& name, DocumentStatus* out);
QString originName(Origin o);  // "manual", "suggestion", "imported"
bool parseOrigin(const QString& name, Origin* out);

// Who made an annotation and when; filled in by the store, optional in formats.
struct Provenance {
  QString annotator;  // annotator name; empty = unknown
  Origin origin = Origin::Imported;
  int guidelineVersion = 0;  // schema guideline version in force when made; 0 = unknown
  QDateTime created;
  QDateTime updated;
};

struct Fragment {
  int start = 0;  // code points, inclusive
  int end = 0;    // code points, exclusive
  bool operator==(const Fragment& o) const { return start == o.start && end == o.end; }
};

struct EntitySpan {
  QString key;                  // identifier unique within the document ("T1"); relations refer to it
  QString type;                 // an EntityType name
  QVector<Fragment> fragments;  // one for a contiguous span; several (sorted) for a discontinuous one
  QJsonObject attributes;       // format extras kept for round trips (brat attributes, concept ids...)
  Provenance provenance;
  long sourceLine = 0;  // import only: its line in the document's annotationFile (else sourceFile)

  int start() const;  // first fragment's start
  int end() const;    // last fragment's end
  bool isDiscontinuous() const { return fragments.size() > 1; }
  // Equal in what is annotated (key, type, fragments, attributes); provenance is ignored.
  bool sameAnnotation(const EntitySpan& o) const;
};

struct Relation {
  QString key;   // identifier unique within the document ("R1")
  QString type;  // a RelationType name
  QString head;  // EntitySpan::key of the head (Arg1)
  QString tail;  // EntitySpan::key of the tail (Arg2)
  QJsonObject attributes;
  Provenance provenance;
  long sourceLine = 0;  // import only: see EntitySpan::sourceLine
  bool sameAnnotation(const Relation& o) const;
};

struct QaAnswer {
  QString field;          // a QaField name
  QString questionId;     // id of the question as imported (SQuAD "id"); may be empty
  bool noAnswer = false;  // an explicit "the text does not answer this"
  int start = 0;          // code points; unused when noAnswer
  int end = 0;
  QJsonObject attributes;
  Provenance provenance;
  long sourceLine = 0;  // import only: see EntitySpan::sourceLine
  bool sameAnnotation(const QaAnswer& o) const;
};

struct DocumentLabel {
  QString category;  // a CategoryType name
  Provenance provenance;
  long sourceLine = 0;  // import only: see EntitySpan::sourceLine
  bool sameAnnotation(const DocumentLabel& o) const { return category == o.category; }
};

struct Document {
  QString name;        // unique within a project
  QString text;        // full text; offsets count its code points
  QString sourceFile;  // where it was imported from
  // Import only, for messages (not stored): the line of sourceFile where the document starts (0 =
  // unknown), and the file holding its annotations when that is another one (brat .ann, label files).
  long sourceLine = 0;
  QString annotationFile;
  QJsonObject metadata;  // free-form (PMID, title length, ...)
  Split split = Split::Unassigned;
  DocumentStatus status = DocumentStatus::New;
  QVector<EntitySpan> entities;
  QVector<Relation> relations;
  QVector<QaAnswer> answers;
  QVector<DocumentLabel> labels;

  int codePointLength() const;
  const EntitySpan* entity(const QString& key) const;
  // Equal in text, name, split, metadata and every annotation (provenance ignored).
  bool sameContent(const Document& o) const;
  // What `annotator` made here (their layer when several people annotate the document): the spans, answers
  // and labels whose provenance names them, and their relations between those spans.
  Document layerOf(const QString& annotator) const;
  // First difference from `o` in words ("entity T3: type DISEASE vs DRUG"), empty when sameContent.
  QString describeDifference(const Document& o) const;
};

}  // namespace quarry
