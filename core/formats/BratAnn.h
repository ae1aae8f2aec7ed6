#pragma once
// One brat .ann file <-> the annotations of one Document (the text comes from the .txt).
//
// T  -> EntitySpan (key = id, one Fragment per "start end" part; code point offsets). The quoted text
//       must equal the fragments joined by one space; a quote that differs only in whitespace is
//       accepted and kept in attributes "brat_text" so the line is written back unchanged; any other
//       mismatch is a problem (Repair: moved to the nearest occurrence, or dropped).
// R  -> Relation (key = id; role names other than Arg1/Arg2 kept in attributes "brat_arg_names").
// *  -> "*\tEquiv T1 T2 T3" becomes the chain of Relations T1-T2, T2-T3 of that (undirected) type,
//       keys "*<group>-<n>", attributes {"equiv_group": group}; written back as the same * line.
// A/M, N, # on a T or R -> a list in that annotation's attributes: "brat_attributes"
//       [{"id","name"[,"value"]}], "brat_normalizations" [{"id","type","ref"[,"text"]}],
//       "brat_notes" [{"id","type","text"}].
// E lines, and anything else that points at an event, -> document metadata "brat_unmodelled_lines"
//       (written back verbatim) with a warning; a line that cannot be read is an Error (file:line).

#include <QMap>

#include "corpus/Document.h"
#include "corpus/Schema.h"
#include "formats/ImportProblems.h"

namespace quarry {

class BratAnn {
 public:
  // Fills doc.entities / relations / metadata from `ann` (doc.text already set). Undirected types
  // met in * lines are added to `schema`. Returns false with problems.error() / *error set when the
  // import must stop.
  static bool parse(const QString& ann, const QString& annFile, Document& doc, Schema& schema,
                    ImportProblems& problems, QStringList* warnings, Error* error);
  // The .ann text of `doc`. Keys that are not brat ids (T<n>, R<n>) get fresh ones.
  static QString serialize(const Document& doc);
  // Attribute names and values used in `doc`, for annotation.conf (merged into `into`).
  static void collectAttributes(const Document& doc, QMap<QString, QStringList>& into);
};

}  // namespace quarry
