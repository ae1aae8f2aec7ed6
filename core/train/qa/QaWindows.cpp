#include "train/qa/QaWindows.h"

#include <algorithm>

#include "text/Bm25Index.h"

namespace quarry::train {

std::vector<QaExample> qaExamples(const std::vector<document::AnnotatedDocument>& documents) {
  std::vector<QaExample> out;
  for (size_t d = 0; d < documents.size(); ++d)
    for (const document::QuestionAnswers& q : documents[d].questions)
      out.push_back({static_cast<int32_t>(d), q.id, q.question, q.answers});
  return out;
}

std::vector<int32_t> QaInputs::itemLengths() const {
  std::vector<int32_t> out;
  out.reserve(windows.size());
  for (const QaWindow& w : windows) out.push_back(static_cast<int32_t>(w.ids.size()));
  return out;
}

double QaInputs::retrievalRecall() const {
  return answerable > 0 ? static_cast<double>(answerableRead) / static_cast<double>(answerable) : 1.0;
}

void TokenizerQaLayout::lay(const std::vector<text::Piece>& question, const std::vector<text::Piece>& context,
                            QaWindow& w) const {
  const text::Encoding encoding = m_tokenizer.assemble(question, &context, true);
  w.ids.assign(encoding.ids.begin(), encoding.ids.end());
  w.typeIds.assign(encoding.typeIds.begin(), encoding.typeIds.end());
  const auto firstContext = std::find(encoding.sequenceIds.begin(), encoding.sequenceIds.end(), 1);
  w.contextBegin = static_cast<int32_t>(firstContext - encoding.sequenceIds.begin());
}

QaWindowBuilder::QaWindowBuilder(const QaWindowLayout& layout, QaWindowOptions options)
    : m_layout(layout), m_options(options) {}

namespace {

// Points the window's targets at the first gold answer wholly inside its context, if any.
void setTargets(QaWindow& w, const std::vector<document::AnswerSpan>& answers) {
  const auto& offsets = w.contextOffsets;
  if (offsets.empty()) return;
  for (const document::AnswerSpan& a : answers) {
    if (a.end <= a.start || a.start < offsets.front().start || a.end > offsets.back().end) continue;
    size_t first = 0;
    while (first + 1 < offsets.size() && offsets[first + 1].start <= a.start) ++first;
    size_t last = first;
    while (last + 1 < offsets.size() && offsets[last].end < a.end) ++last;
    w.startTarget = w.contextBegin + static_cast<int32_t>(first);
    w.endTarget = w.contextBegin + static_cast<int32_t>(last);
    w.holdsAnswer = true;
    return;
  }
}

}  // namespace

std::unique_ptr<QaInputs> QaWindowBuilder::build(const std::vector<document::AnnotatedDocument>& documents,
                                                 std::vector<QaExample> examples) const {
  auto inputs = std::make_unique<QaInputs>();
  inputs->examples = std::move(examples);
  const int room = std::max(2, m_options.maxLength - m_layout.specialCount());
  std::vector<std::vector<text::Piece>> contexts(documents.size());
  std::vector<bool> tokenized(documents.size(), false);
  for (size_t e = 0; e < inputs->examples.size(); ++e) {
    const QaExample& example = inputs->examples[e];
    const auto d = static_cast<size_t>(example.document);
    if (!tokenized[d]) {
      contexts[d] = m_layout.tokenize(documents[d].text);
      tokenized[d] = true;
    }
    const std::vector<text::Piece>& context = contexts[d];
    std::vector<text::Piece> question = m_layout.tokenize(example.question);
    if (static_cast<int>(question.size()) > room / 2) {
      question.resize(static_cast<size_t>(room / 2));
      ++inputs->truncatedQuestions;
    }
    const size_t capacity = static_cast<size_t>(std::max(1, room - static_cast<int>(question.size())));
    const size_t overlap = std::min(static_cast<size_t>(std::max(0, m_options.stride)), capacity - 1);
    const size_t firstWindow = inputs->windows.size();
    std::vector<std::pair<size_t, size_t>> ranges;
    for (size_t start = 0;;) {
      const size_t end = std::min(context.size(), start + capacity);
      ranges.emplace_back(start, end);
      if (end >= context.size()) break;
      start = end - overlap;
    }
    for (const auto& [begin, end] : ranges) {
      const std::vector<text::Piece> part(context.begin() + static_cast<std::ptrdiff_t>(begin),
                                          context.begin() + static_cast<std::ptrdiff_t>(end));
      QaWindow w;
      w.example = static_cast<int32_t>(e);
      m_layout.lay(question, part, w);
      for (const text::Piece& p : part) w.contextOffsets.push_back(p.chars);
      setTargets(w, example.answers);
      inputs->windows.push_back(std::move(w));
    }
    if (m_options.topK > 0 && ranges.size() > static_cast<size_t>(m_options.topK)) {
      std::vector<std::vector<std::string>> passages;
      const std::string& text = documents[d].text;
      for (const auto& [begin, end] : ranges) {
        const size_t from = begin < end ? static_cast<size_t>(context[begin].bytes.start) : 0;
        const size_t to = begin < end ? static_cast<size_t>(context[end - 1].bytes.end) : 0;
        passages.push_back(text::Bm25Index::terms(std::string_view(text).substr(from, to - from)));
      }
      const text::Bm25Index index(passages);
      for (size_t w = firstWindow; w < inputs->windows.size(); ++w) inputs->windows[w].read = false;
      for (size_t k : index.top(text::Bm25Index::terms(example.question), static_cast<size_t>(m_options.topK)))
        inputs->windows[firstWindow + k].read = true;
    }
    if (!example.answers.empty()) {
      ++inputs->answerable;
      bool found = false;
      for (size_t w = firstWindow; w < inputs->windows.size(); ++w)
        found = found || (inputs->windows[w].read && inputs->windows[w].holdsAnswer);
      inputs->answerableRead += found ? 1 : 0;
    }
  }
  return inputs;
}

}  // namespace quarry::train
