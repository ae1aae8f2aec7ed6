#pragma once
// Extractive QA's examples and model inputs. Every question of a document is one example; the model
// reads it in its own layout (QaWindowLayout), a transformer as the tokenizer's pair template lays it out (BERT: [CLS] question [SEP] context [SEP];
// RoBERTa: <s> question </s></s> context </s>). A context longer than the window is split into windows
// of at most max_length tokens whose context parts overlap by `stride` tokens, each window keeping the
// code point offsets of its context tokens so that a span of tokens maps back to the document text.
//
// TRAINING TARGETS (SQuAD 2.0's convention, as transformers' run_qa): the first gold answer lying wholly
// inside the window's context gives its first and last token; a window without one — the answer is
// elsewhere, or the question is unanswerable — points start and end at index 0 (the CLS position).
//
// WINDOWS READ (long documents): with top_k > 0 only the k windows of an example that rank best by BM25
// (text/Bm25Index.h) of their context text against the question are read at prediction; training reads
// every window. The retrieval recall is the share of answerable questions with a gold answer wholly
// inside a window read.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document/AnnotatedDocument.h"
#include "text/Encoding.h"
#include "text/Tokenizer.h"
#include "train/TaskModel.h"

namespace quarry::train {

// One question asked of one document.
struct QaExample {
  int32_t document = 0;                        // index into the documents featurized
  std::string questionId;
  std::string question;                        // UTF-8
  std::vector<document::AnswerSpan> answers;   // gold, code points; empty = unanswerable (or not known)
};

// The examples of `documents`, in document order and each document's question order.
std::vector<QaExample> qaExamples(const std::vector<document::AnnotatedDocument>& documents);

struct QaWindow {
  int32_t example = 0;                    // index into the examples
  std::vector<int64_t> ids;               // question + context with the template's special tokens
  std::vector<int64_t> typeIds;
  int32_t contextBegin = 0;               // token index of the first context token
  std::vector<text::Span> contextOffsets; // code points of each context token in the document text
  int32_t startTarget = 0;                // training target tokens; 0 (CLS) without an answer inside
  int32_t endTarget = 0;
  bool holdsAnswer = false;               // a gold answer lies wholly inside the context part
  bool read = true;                       // read at prediction (see WINDOWS READ)
};

struct QaWindowOptions {
  int maxLength = 384;  // tokens per window, special tokens included
  int stride = 128;     // context tokens shared by consecutive windows
  int topK = 0;         // windows read per question at prediction; 0 = all
};

// The cached inputs of a QA model: windows are the batchable items.
class QaInputs : public TaskInputs {
 public:
  std::vector<QaExample> examples;
  std::vector<QaWindow> windows;
  int64_t answerable = 0;       // examples with a gold answer
  int64_t answerableRead = 0;   // of those, examples with a gold answer inside a window read
  int64_t truncatedQuestions = 0;  // questions cut to fit half the window

  size_t itemCount() const override { return windows.size(); }
  std::vector<int32_t> itemLengths() const override;
  // answerableRead / answerable (1 when nothing is answerable).
  double retrievalRecall() const;
};

// How a model reads a question and a part of the context: its units (tokens, words) and the template
// around them.
class QaWindowLayout {
 public:
  virtual ~QaWindowLayout() = default;
  // The units of a text, with their code point and byte offsets into it.
  virtual std::vector<text::Piece> tokenize(std::string_view text) const = 0;
  // Positions the template adds around question and context.
  virtual int specialCount() const = 0;
  // Sets w.ids, w.typeIds and w.contextBegin for `question` followed by `context`; position 0 must be
  // the null position (no answer).
  virtual void lay(const std::vector<text::Piece>& question, const std::vector<text::Piece>& context,
                   QaWindow& w) const = 0;
};

// A transformer's layout: the tokenizer's pieces in its pair template (position 0: [CLS] or <s>).
class TokenizerQaLayout : public QaWindowLayout {
 public:
  explicit TokenizerQaLayout(const text::Tokenizer& tokenizer) : m_tokenizer(tokenizer) {}
  std::vector<text::Piece> tokenize(std::string_view text) const override { return m_tokenizer.tokenize(text); }
  int specialCount() const override { return m_tokenizer.postTemplate().specialCount(true); }
  void lay(const std::vector<text::Piece>& question, const std::vector<text::Piece>& context,
           QaWindow& w) const override;

 private:
  const text::Tokenizer& m_tokenizer;
};

// Splits each document's text once and lays out the windows of every example. A question longer than
// half the window's room is cut to that (counted in truncatedQuestions).
class QaWindowBuilder {
 public:
  QaWindowBuilder(const QaWindowLayout& layout, QaWindowOptions options);
  std::unique_ptr<QaInputs> build(const std::vector<document::AnnotatedDocument>& documents,
                                  std::vector<QaExample> examples) const;

 private:
  const QaWindowLayout& m_layout;
  QaWindowOptions m_options;
};

}  // namespace quarry::train
