#pragma once
// Inter-annotator agreement: how far two (or more) people who annotated the same documents agree, per
// document, per type and overall, for the four kinds of annotation (no Qt, no torch).
//
// Each annotator's layer is a list of plain documents; documents are matched by id, and a pair is compared
// on the documents both annotated (what each of them was given).
//
//   Spans, exact: F1 = 2·|A ∩ B| / (|A| + |B|) over (start, end, type), the same whichever annotator is
//     taken as reference. Overlap: a span agrees when a span of the same type of the other annotator
//     shares at least one code point; P = agreeing B spans / |B|, R = agreeing A spans / |A|, F1 their
//     harmonic mean.
//   Tokens: Cohen's κ on the label each word (text/WordSplitter) gets from each annotator: the type of
//     the first span covering it, or "O"; the chance agreement from each annotator's own label shares.
//   Relations, given matched spans: F1 over (head span, tail span, type) of the relations whose two
//     argument spans both annotators marked (exactly); the others are counted apart.
//   QA: for each question both answered (a no-answer counts as an answer), SQuAD's exact and F1 between
//     the two answer texts (eval/SquadScore.h), averaged over questions.
//   Document labels: Cohen's κ per category (present or not) and, when every compared document got
//     exactly one label from each, over the labels themselves; Fleiss' κ across all annotators on the
//     documents every one of them labelled.
//
// κ is undefined (NaN, printed "-") when the chance agreement is 1 (one label everywhere).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "document/AnnotatedDocument.h"

namespace quarry::eval {

// Exact agreement: items of A, of B, and in both.
struct AgreementCounts {
  int64_t a = 0, b = 0, both = 0;
  double f1() const;  // 1 when neither has any
  void add(const AgreementCounts& o) {
    a += o.a;
    b += o.b;
    both += o.both;
  }
};

// Overlap agreement: spans of A (B) that overlap a same-type span of the other.
struct OverlapCounts {
  int64_t a = 0, b = 0, agreeingA = 0, agreeingB = 0;
  double precision() const;  // agreeingB / b (B measured against A)
  double recall() const;     // agreeingA / a
  double f1() const;         // 1 when neither has any
  void add(const OverlapCounts& o) {
    a += o.a;
    b += o.b;
    agreeingA += o.agreeingA;
    agreeingB += o.agreeingB;
  }
};

struct DocumentAgreement {
  std::string id;
  AgreementCounts exact;
  OverlapCounts overlap;
  AgreementCounts relations;
  double tokenKappa = 0;
};

struct PairAgreement {
  std::string a, b;
  int64_t documents = 0;  // compared: annotated by both
  AgreementCounts exact;
  OverlapCounts overlap;
  std::map<std::string, AgreementCounts> exactByType;
  std::map<std::string, OverlapCounts> overlapByType;
  int64_t tokens = 0;
  double tokenKappa = 0;
  AgreementCounts relations;  // given matched spans
  std::map<std::string, AgreementCounts> relationsByType;
  int64_t relationsWithoutMatchedArguments = 0;  // of either annotator
  int64_t questions = 0;                         // answered by both
  double qaExact = 0, qaF1 = 0;
  int64_t labelledDocuments = 0;  // labelled by both
  double labelKappa = 0;          // over single labels; NaN when not single-label or undefined
  std::map<std::string, double> labelKappaByCategory;
  std::vector<DocumentAgreement> perDocument;
};

struct AgreementReport {
  std::vector<std::string> annotators;
  std::vector<PairAgreement> pairs;  // (0,1), (0,2), ..., (1,2), ...
  int64_t fleissDocuments = 0;       // labelled by every annotator
  double fleissLabelKappa = 0;       // NaN when not single-label or undefined
  std::map<std::string, double> fleissKappaByCategory;

  nlohmann::json toJson() const;
  // The pairs' overall figures, then span agreement per type for each pair.
  std::string formatTable() const;
};

// layers[i]: the documents annotator annotators[i] annotated.
AgreementReport measureAgreement(const std::vector<std::string>& annotators,
                                 const std::vector<std::vector<document::AnnotatedDocument>>& layers);

// Cohen's κ of two raters' nominal labels for the same items (equal lengths); NaN when undefined.
double cohenKappa(const std::vector<std::string>& a, const std::vector<std::string>& b);
// Fleiss' κ from counts[item][category] = raters who put the item in the category (every item rated by
// the same number of raters, at least two); NaN when undefined.
double fleissKappa(const std::vector<std::vector<int64_t>>& counts);

}  // namespace quarry::eval
