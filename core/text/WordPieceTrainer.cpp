#include "text/WordPieceTrainer.h"

#include <algorithm>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/AtomicFile.h"
#include "text/BertWordPieceTokenizer.h"
#include "text/Unicode.h"

namespace quarry::text {

namespace fs = std::filesystem;

namespace {

BasicTokenizerOptions basicOptions(const WordPieceTrainerOptions& o) {
  BasicTokenizerOptions b;
  b.tokenizeChineseChars = o.tokenizeChineseChars;
  b.lowercase = o.lowercase;
  b.stripAccents = o.stripAccents;
  return b;
}

bool hasLineBreak(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

// The token table being built: ids in order of insertion.
struct TokenTable {
  std::vector<std::string> tokens;
  std::unordered_map<std::string, uint32_t> ids;

  // The id of `token`, added at the end when new.
  uint32_t idOf(const std::string& token) {
    auto [it, added] = ids.emplace(token, static_cast<uint32_t>(tokens.size()));
    if (added) tokens.push_back(token);
    return it->second;
  }
  bool contains(const std::string& token) const { return ids.count(token) != 0; }
};

// Step 2: the alphabet, added to `table` in code point order.
void addAlphabet(const std::vector<std::pair<std::vector<char32_t>, uint64_t>>& words, size_t limit,
                 TokenTable& table) {
  std::unordered_map<char32_t, uint64_t> frequency;
  for (const auto& [cps, count] : words)
    for (char32_t c : cps) frequency[c] += count;
  std::vector<std::pair<char32_t, uint64_t>> kept(frequency.begin(), frequency.end());
  if (limit > 0 && kept.size() > limit) {
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    kept.resize(limit);
  }
  std::sort(kept.begin(), kept.end());
  for (const auto& entry : kept) table.idOf(unicode::toUtf8(&entry.first, 1));
}

// A pair of adjacent pieces, left id in the high half: ordering the keys orders the pairs by left id,
// then right id.
using PairKey = uint64_t;
PairKey pairKey(uint32_t left, uint32_t right) { return (static_cast<uint64_t>(left) << 32) | right; }
uint32_t leftOf(PairKey p) { return static_cast<uint32_t>(p >> 32); }
uint32_t rightOf(PairKey p) { return static_cast<uint32_t>(p & 0xffffffffu); }

// A queue entry: a pair, its count when queued, and the words it was counted in then.
struct QueuedPair {
  PairKey pair = 0;
  uint64_t count = 0;
  std::vector<uint32_t> words;  // ascending, no repeats
};

// Heap order: the highest count on top; of equal counts, the smaller pair.
bool lowerPriority(const QueuedPair& a, const QueuedPair& b) {
  return a.count != b.count ? a.count < b.count : a.pair > b.pair;
}

// What merging a pair in a word did to the counts of the pairs around it (one entry per occurrence).
struct PairChange {
  PairKey pair;
  int64_t delta;
};

// HF's Word::merge: every occurrence of (left, right), scanning left to right, becomes `merged`.
void mergeWord(std::vector<uint32_t>& pieces, uint32_t left, uint32_t right, uint32_t merged,
               std::vector<PairChange>& changes) {
  for (size_t i = 0; i + 1 < pieces.size(); ++i) {
    if (pieces[i] != left || pieces[i + 1] != right) continue;
    if (i > 0) {
      changes.push_back({pairKey(pieces[i - 1], left), -1});
      changes.push_back({pairKey(pieces[i - 1], merged), 1});
    }
    pieces[i] = merged;
    pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    if (i + 1 < pieces.size()) {
      changes.push_back({pairKey(right, pieces[i + 1]), -1});
      changes.push_back({pairKey(merged, pieces[i + 1]), 1});
    }
  }
}

// Step 4 on the words (as pieces) and their counts; `table` holds steps 1 to 3.
class MergeLoop {
 public:
  MergeLoop(TokenTable& table, std::vector<std::vector<uint32_t>> words, std::vector<uint64_t> counts,
            const WordPieceTrainerOptions& options)
      : m_table(table), m_words(std::move(words)), m_counts(std::move(counts)), m_options(options) {}

  Status run(const ProgressCallback& progress) {
    countPairs();
    size_t merges = 0;
    while (m_table.tokens.size() < m_options.vocabSize && !m_queue.empty()) {
      std::pop_heap(m_queue.begin(), m_queue.end(), lowerPriority);
      QueuedPair top = std::move(m_queue.back());
      m_queue.pop_back();
      const int64_t now = m_pairCounts[top.pair];
      if (top.count != static_cast<uint64_t>(std::max<int64_t>(now, 0))) {
        // Stale: queued again with the count it has now.
        if (now > 0) push({top.pair, static_cast<uint64_t>(now), std::move(top.words)});
        continue;
      }
      if (top.count < 1 || top.count < m_options.minFrequency) break;
      merge(top);
      if (progress && merges++ % 256 == 0 &&
          !progress(static_cast<int64_t>(m_table.tokens.size()), static_cast<int64_t>(m_options.vocabSize)))
        return Error("cancelled");
    }
    return {};
  }

 private:
  void push(QueuedPair entry) {
    m_queue.push_back(std::move(entry));
    std::push_heap(m_queue.begin(), m_queue.end(), lowerPriority);
  }

  void countPairs() {
    std::unordered_map<PairKey, std::vector<uint32_t>> where;
    for (uint32_t w = 0; w < m_words.size(); ++w) {
      const auto& pieces = m_words[w];
      for (size_t i = 0; i + 1 < pieces.size(); ++i) {
        const PairKey p = pairKey(pieces[i], pieces[i + 1]);
        m_pairCounts[p] += static_cast<int64_t>(m_counts[w]);
        auto& in = where[p];
        if (in.empty() || in.back() != w) in.push_back(w);
      }
    }
    for (auto& [pair, words] : where)
      if (m_pairCounts[pair] > 0)
        m_queue.push_back({pair, static_cast<uint64_t>(m_pairCounts[pair]), std::move(words)});
    std::make_heap(m_queue.begin(), m_queue.end(), lowerPriority);
  }

  void merge(const QueuedPair& top) {
    const uint32_t left = leftOf(top.pair), right = rightOf(top.pair);
    std::string_view rightText = m_table.tokens[right];
    const std::string& prefix = m_options.continuingPrefix;
    if (!prefix.empty() && rightText.substr(0, prefix.size()) == prefix)
      rightText.remove_prefix(prefix.size());
    const uint32_t merged = m_table.idOf(m_table.tokens[left] + std::string(rightText));

    std::vector<std::pair<PairKey, uint32_t>> formed;  // (pair, word) for every pair the merge made
    std::vector<PairChange> changes;
    for (uint32_t w : top.words) {
      changes.clear();
      mergeWord(m_words[w], left, right, merged, changes);
      for (const PairChange& c : changes) {
        m_pairCounts[c.pair] += c.delta * static_cast<int64_t>(m_counts[w]);
        if (c.delta > 0) formed.emplace_back(c.pair, w);
      }
    }
    // Each pair made anew is queued with its whole count and the words it was made in (HF does the same,
    // in hash order; sorted here so that equal entries always queue in one order).
    std::sort(formed.begin(), formed.end());
    formed.erase(std::unique(formed.begin(), formed.end()), formed.end());
    for (size_t i = 0; i < formed.size();) {
      QueuedPair entry{formed[i].first, 0, {}};
      for (; i < formed.size() && formed[i].first == entry.pair; ++i) entry.words.push_back(formed[i].second);
      const int64_t count = m_pairCounts[entry.pair];
      if (count <= 0) continue;
      entry.count = static_cast<uint64_t>(count);
      push(std::move(entry));
    }
  }

  TokenTable& m_table;
  std::vector<std::vector<uint32_t>> m_words;
  std::vector<uint64_t> m_counts;
  const WordPieceTrainerOptions& m_options;
  std::unordered_map<PairKey, int64_t> m_pairCounts;
  std::vector<QueuedPair> m_queue;  // a heap under lowerPriority
};

}  // namespace

WordPieceTrainer::WordPieceTrainer(WordPieceTrainerOptions options)
    : m_options(std::move(options)), m_basic(basicOptions(m_options)) {}

void WordPieceTrainer::add(std::string_view text) {
  // Spaces, tabs and line breaks end a word in BasicTokenizer whatever surrounds them, and no byte of a
  // multi-byte UTF-8 sequence is ASCII: splitting the runs between them apart gives the same words.
  // (Other whitespace, and \v or \f, which BERT drops as control characters, stay inside the runs.)
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') continue;
    if (i > start) {
      auto [it, added] = m_runs.emplace(std::string(text.substr(start, i - start)), 0);
      ++it->second;
      if (added) m_runOrder.push_back(&*it);
      if (m_runOrder.size() >= kRunBatch) splitRuns();
    }
    start = i + 1;
  }
}

void WordPieceTrainer::splitRuns() const {
  for (const auto* run : m_runOrder) {
    const auto decoded = unicode::decodeUtf8(run->first);
    const NormalizedText norm =
        lowerEachChar(decoded.cps, 0, static_cast<int32_t>(decoded.cps.size()), m_options.lowercase);
    for (const NormalizedText& word : m_basic.tokenize(norm)) count(word.utf8(), run->second);
  }
  m_runOrder.clear();
  m_runs.clear();
}

size_t WordPieceTrainer::distinctWords() const {
  splitRuns();
  return m_counts.size();
}

uint64_t WordPieceTrainer::wordsCounted() const {
  splitRuns();
  return m_wordsCounted;
}

uint64_t WordPieceTrainer::wordsDropped() const {
  splitRuns();
  return m_wordsDropped;
}

Status WordPieceTrainer::addWord(std::string_view word, uint64_t times) {
  if (word.empty()) return Error("an empty word cannot be counted");
  if (!unicode::isValidUtf8(word)) return Error("the word is not valid UTF-8");
  for (char32_t c : unicode::decodeUtf8(word).cps)
    if (unicode::isPythonSpace(c) || unicode::isWhiteSpace(c))
      return Error("a word cannot hold whitespace: \"" + std::string(word.substr(0, 60)) + "\"");
  if (times > 0) {
    splitRuns();  // words in the order they came, for the cap
    count(std::string(word), times);
  }
  return {};
}

void WordPieceTrainer::count(std::string word, uint64_t times) const {
  m_wordsCounted += times;
  auto it = m_counts.find(word);
  if (it != m_counts.end()) {
    it->second += times;
    return;
  }
  if (m_options.maxDistinctWords > 0 && m_counts.size() >= m_options.maxDistinctWords) dropRarest();
  m_counts.emplace(std::move(word), times);
}

void WordPieceTrainer::dropRarest() const {
  const size_t keep = m_options.maxDistinctWords * 3 / 4;
  std::map<uint64_t, size_t> wordsWithCount;
  for (const auto& entry : m_counts) ++wordsWithCount[entry.second];
  // The smallest t that leaves at most `keep` words with a count above it.
  size_t remaining = m_counts.size();
  uint64_t threshold = 0;
  for (const auto& [count, words] : wordsWithCount) {
    if (remaining <= keep) break;
    remaining -= words;
    threshold = count;
  }
  for (auto it = m_counts.begin(); it != m_counts.end();) {
    if (it->second <= threshold) {
      m_wordsDropped += it->second;
      it = m_counts.erase(it);
    } else {
      ++it;
    }
  }
}

Result<std::vector<std::string>> WordPieceTrainer::train(const ProgressCallback& progress) const {
  const WordPieceTrainerOptions& o = m_options;
  if (o.vocabSize == 0) return Error("vocab_size must be at least 1", "", 0, "vocab_size");
  if (hasLineBreak(o.continuingPrefix))
    return Error("the continuing prefix cannot hold a line break", "", 0, "wordpieces_prefix");
  for (const auto& s : o.specialTokens)
    if (s.empty() || hasLineBreak(s) || !unicode::isValidUtf8(s))
      return Error("a special token must be one line of valid UTF-8, not empty: \"" + s.substr(0, 60) + "\"",
                   "", 0, "special_tokens");
  splitRuns();
  if (m_counts.empty()) return Error("no words were counted: the corpus is empty");

  // The words in byte order (the order HF meets them in is its hash map's; no result depends on it here,
  // but a fixed order keeps every run the same step for step).
  std::vector<std::pair<std::vector<char32_t>, uint64_t>> words;
  {
    std::vector<const std::pair<const std::string, uint64_t>*> sorted;
    sorted.reserve(m_counts.size());
    for (const auto& entry : m_counts) sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    words.reserve(sorted.size());
    for (const auto* entry : sorted) words.emplace_back(unicode::decodeUtf8(entry->first).cps, entry->second);
  }

  TokenTable table;
  for (const auto& s : o.specialTokens) table.idOf(s);
  addAlphabet(words, o.limitAlphabet, table);

  // Step 3: HF takes a character as the alphabet's when its one-character string is a token (so a
  // one-character special token counts too).
  std::vector<char32_t> continuing;
  for (const auto& [cps, count] : words)
    for (size_t i = 1; i < cps.size(); ++i) continuing.push_back(cps[i]);
  std::sort(continuing.begin(), continuing.end());
  continuing.erase(std::unique(continuing.begin(), continuing.end()), continuing.end());
  for (char32_t c : continuing) {
    const std::string one = unicode::toUtf8(&c, 1);
    if (table.contains(one)) table.idOf(o.continuingPrefix + one);
  }
  std::vector<std::vector<uint32_t>> pieces;
  std::vector<uint64_t> counts;
  pieces.reserve(words.size());
  counts.reserve(words.size());
  for (auto& [cps, count] : words) {
    std::vector<uint32_t> word;
    for (size_t i = 0; i < cps.size(); ++i) {
      std::string piece = unicode::toUtf8(&cps[i], 1);
      if (!table.contains(piece)) continue;
      if (i > 0) piece.insert(0, o.continuingPrefix);
      word.push_back(table.ids.at(piece));
    }
    pieces.push_back(std::move(word));
    counts.push_back(count);
    std::vector<char32_t>().swap(cps);
  }
  words.clear();

  MergeLoop loop(table, std::move(pieces), std::move(counts), o);
  if (Status s = loop.run(progress); !s) return s.error();
  return std::move(table.tokens);
}

Status WordPieceTrainer::writeFolder(const fs::path& folder, const std::vector<std::string>& tokens,
                                     int modelMaxLength) const {
  const fs::path vocabFile = folder / "vocab.txt";
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].empty() || hasLineBreak(tokens[i]))
      return Error("token " + std::to_string(i) + " cannot be a line of vocab.txt (empty or a line break)",
                   vocabFile.string(), static_cast<long>(i) + 1);
  const BertOptions names;  // the special token names a BertTokenizer config gives by default
  for (const std::string* required : {&names.unk, &names.cls, &names.sep})
    if (std::find(tokens.begin(), tokens.end(), *required) == tokens.end())
      return Error("the vocabulary has no " + *required + " (a BertTokenizer needs [UNK], [CLS] and [SEP])",
                   vocabFile.string(), 0, "special_tokens");

  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Error("cannot create the folder: " + ec.message(), folder.string());
  if (Status s = AtomicFile::write(vocabFile.string(),
                                   [&](std::ostream& out) {
                                     for (const auto& t : tokens) out << t << '\n';
                                   });
      !s)
    return s;

  nlohmann::ordered_json config = nlohmann::ordered_json::object();
  config["tokenizer_class"] = "BertTokenizer";
  config["do_lower_case"] = m_options.lowercase;
  if (m_options.stripAccents) config["strip_accents"] = *m_options.stripAccents;
  config["tokenize_chinese_chars"] = m_options.tokenizeChineseChars;
  config["model_max_length"] = modelMaxLength;
  config["unk_token"] = names.unk;
  config["sep_token"] = names.sep;
  config["pad_token"] = names.pad;
  config["cls_token"] = names.cls;
  config["mask_token"] = names.mask;
  const std::string text = config.dump(2) + "\n";
  return AtomicFile::write((folder / "tokenizer_config.json").string(),
                           [&](std::ostream& out) { out << text; });
}

}  // namespace quarry::text
