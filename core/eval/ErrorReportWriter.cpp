#include "eval/ErrorReportWriter.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace quarry::eval {
namespace {

std::string fixed(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

std::string percent(double fraction) { return fixed(fraction * 100, 1); }

// Horizontal bars, one per row: label, bar and value.
std::string barChart(const std::vector<std::pair<std::string, double>>& rows, double maximum,
                     const std::string& colour, bool asPercent) {
  const int labelWidth = 200, barWidth = 360, rowHeight = 22;
  const int height = rowHeight * static_cast<int>(rows.size()) + 8;
  std::ostringstream svg;
  svg << "<svg xmlns='http://www.w3.org/2000/svg' width='" << labelWidth + barWidth + 80 << "' height='" << height
      << "' font-family='sans-serif' font-size='12'>";
  for (size_t i = 0; i < rows.size(); ++i) {
    const int y = 4 + rowHeight * static_cast<int>(i);
    const double share = maximum > 0 ? std::clamp(rows[i].second / maximum, 0.0, 1.0) : 0.0;
    svg << "<text x='" << labelWidth - 6 << "' y='" << y + 15 << "' text-anchor='end'>" << htmlEscape(rows[i].first)
        << "</text><rect x='" << labelWidth << "' y='" << y + 3 << "' width='" << fixed(share * barWidth, 1)
        << "' height='" << rowHeight - 6 << "' fill='" << colour << "'/><text x='"
        << labelWidth + 6 + static_cast<int>(share * barWidth) << "' y='" << y + 15 << "'>"
        << (asPercent ? percent(rows[i].second) : fixed(rows[i].second, 0)) << "</text>";
  }
  svg << "</svg>";
  return svg.str();
}

// The confusion matrix as a heat map: each row shaded by its share of the row's total.
std::string heatMap(const ErrorAnalysis& a) {
  const int cell = 46, labelWidth = 170, top = 120;
  const int n = static_cast<int>(a.matrixLabels.size());
  std::ostringstream svg;
  svg << "<svg xmlns='http://www.w3.org/2000/svg' width='" << labelWidth + cell * n + 10 << "' height='"
      << top + cell * n + 10 << "' font-family='sans-serif' font-size='12'>";
  for (int c = 0; c < n; ++c)
    svg << "<text transform='translate(" << labelWidth + c * cell + cell / 2 + 4 << "," << top - 6
        << ") rotate(-60)'>" << htmlEscape(a.matrixLabels[size_t(c)]) << "</text>";
  for (int r = 0; r < n; ++r) {
    int64_t total = 0;
    for (int64_t v : a.confusion[size_t(r)]) total += v;
    svg << "<text x='" << labelWidth - 6 << "' y='" << top + r * cell + cell / 2 + 4 << "' text-anchor='end'>"
        << htmlEscape(a.matrixLabels[size_t(r)]) << "</text>";
    for (int c = 0; c < n; ++c) {
      const int64_t v = a.confusion[size_t(r)][size_t(c)];
      const double share = total > 0 ? double(v) / double(total) : 0.0;
      // Right answers in blue, mistakes in red.
      const int shade = 255 - static_cast<int>(share * 200);
      char fill[16];
      std::snprintf(fill, sizeof fill, r == c ? "#%02x%02xff" : "#ff%02x%02x", shade, shade);
      svg << "<rect x='" << labelWidth + c * cell << "' y='" << top + r * cell << "' width='" << cell - 1
          << "' height='" << cell - 1 << "' fill='" << (v ? fill : "#f4f4f4") << "'><title>gold "
          << htmlEscape(a.matrixLabels[size_t(r)]) << ", predicted " << htmlEscape(a.matrixLabels[size_t(c)]) << ": "
          << v << "</title></rect><text x='" << labelWidth + c * cell + cell / 2 << "' y='"
          << top + r * cell + cell / 2 + 4 << "' text-anchor='middle'>" << v << "</text>";
    }
  }
  svg << "</svg>";
  return svg.str();
}

std::string span(int32_t start, int32_t end) {
  return start < 0 ? std::string() : std::to_string(start) + "–" + std::to_string(end);
}

// A context with its [[marked]] span shown in bold.
std::string markedContext(const std::string& context) {
  std::string html = htmlEscape(context);
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"[[", "<b>"}, {"]]", "</b>"}}) {
    const size_t at = html.find(from);
    if (at != std::string::npos) html.replace(at, from.size(), to);
  }
  return html;
}

void errorTable(std::ostringstream& html, const std::vector<AnalysedError>& errors) {
  html << "<table><tr><th>document</th><th>kind</th><th>gold</th><th>predicted</th><th>confidence</th>"
          "<th>context</th></tr>";
  for (const AnalysedError& e : errors) {
    auto side = [](const std::string& type, const std::string& text, int32_t start, int32_t end) {
      if (type.empty()) return std::string("—");
      std::string s = htmlEscape(type);
      if (!text.empty() && text != type) s += ": “" + htmlEscape(text) + "”";
      if (start >= 0) s += " <small>" + span(start, end) + "</small>";
      return s;
    };
    html << "<tr><td>" << htmlEscape(e.documentId) << "</td><td>" << htmlEscape(errorKindTitle(e.kind))
         << "</td><td>" << side(e.goldType, e.goldText, e.goldStart, e.goldEnd) << "</td><td>"
         << side(e.predictedType, e.predictedText, e.predictedStart, e.predictedEnd) << "</td><td>"
         << (e.confidence >= 0 ? fixed(e.confidence, 2) : "") << "</td><td>"
         << (e.item.empty() ? "" : "<i>" + htmlEscape(e.item) + "</i><br>")
         << markedContext(e.context) << "</td></tr>";
  }
  html << "</table>";
}

}  // namespace

std::string csvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string htmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string perTypeCsv(const ErrorAnalysis& a) {
  std::ostringstream csv;
  csv << "type,precision,recall,f1,true_positives,predicted,gold\r\n";
  auto row = [&](const std::string& type, const EntityScores& s) {
    csv << csvField(type) << ',' << fixed(s.precision, 4) << ',' << fixed(s.recall, 4) << ',' << fixed(s.f1, 4) << ','
        << s.truePositives << ',' << s.predicted << ',' << s.support << "\r\n";
  };
  for (size_t i = 0; i < a.types.size(); ++i) row(a.types[i], a.perType[i]);
  row("micro", a.micro);
  return csv.str();
}

std::string errorsCsv(const ErrorAnalysis& a) {
  std::ostringstream csv;
  csv << "document,kind,gold_type,predicted_type,gold_start,gold_end,predicted_start,predicted_end,gold_text,"
         "predicted_text,item,confidence,context\r\n";
  auto offset = [](int32_t v) { return v < 0 ? std::string() : std::to_string(v); };
  for (const AnalysedError& e : a.errors)
    csv << csvField(e.documentId) << ',' << e.kind << ',' << csvField(e.goldType) << ',' << csvField(e.predictedType)
        << ',' << offset(e.goldStart) << ',' << offset(e.goldEnd) << ',' << offset(e.predictedStart) << ','
        << offset(e.predictedEnd) << ',' << csvField(e.goldText) << ',' << csvField(e.predictedText) << ','
        << csvField(e.item) << ',' << (e.confidence >= 0 ? fixed(e.confidence, 4) : "") << ','
        << csvField(e.context) << "\r\n";
  return csv.str();
}

std::string errorReportHtml(const ErrorAnalysis& a, const ErrorReportHeading& heading,
                            const ErrorDifference* difference, const std::string& otherName) {
  std::ostringstream html;
  html << "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" << htmlEscape(heading.title)
       << "</title><style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
          "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
          "text-align:left;vertical-align:top}th{background:#eee}td.n{text-align:right}"
          "small{color:#777}</style></head><body><h1>"
       << htmlEscape(heading.title) << "</h1>";
  for (const std::string& note : heading.notes) html << "<p>" << htmlEscape(note) << "</p>";
  html << "<p>" << a.documents << " documents; micro P " << percent(a.micro.precision) << ", R "
       << percent(a.micro.recall) << ", F1 " << percent(a.micro.f1) << "; " << a.errors.size() << " errors.</p>";

  html << "<h2>Scores per " << (a.task == "qa" ? "field" : a.task == "classify" ? "label" : "type")
       << "</h2><table><tr><th></th><th>precision</th><th>recall</th><th>F1</th><th>correct</th>"
          "<th>predicted</th><th>gold</th></tr>";
  std::vector<std::pair<std::string, double>> f1s;
  auto row = [&](const std::string& name, const EntityScores& s) {
    html << "<tr><td>" << htmlEscape(name) << "</td><td class=n>" << percent(s.precision) << "</td><td class=n>"
         << percent(s.recall) << "</td><td class=n>" << percent(s.f1) << "</td><td class=n>" << s.truePositives
         << "</td><td class=n>" << s.predicted << "</td><td class=n>" << s.support << "</td></tr>";
  };
  for (size_t i = 0; i < a.types.size(); ++i) {
    row(a.types[i], a.perType[i]);
    f1s.emplace_back(a.types[i], a.perType[i].f1);
  }
  row("micro", a.micro);
  html << "</table>" << barChart(f1s, 1.0, "#4a7fd0", true);

  html << "<h2>Errors by kind</h2>";
  std::vector<std::pair<std::string, double>> kinds;
  double most = 0;
  for (const std::string& k : a.kinds) {
    const auto it = a.counts.find(k);
    const double n = it == a.counts.end() ? 0.0 : double(it->second);
    kinds.emplace_back(errorKindTitle(k), n);
    most = std::max(most, n);
  }
  html << barChart(kinds, most, "#d0674a", false);

  html << "<h2>Confusion matrix</h2><p>Rows gold, columns predicted; “none” is no "
       << (a.task == "ner" ? "entity" : a.task == "relation" ? "relation" : a.task == "qa" ? "answer" : "label")
       << ".</p>" << heatMap(a);

  if (difference) {
    html << "<h2>Compared with " << htmlEscape(otherName) << "</h2><p>" << difference->fixed.size() << " fixed, "
         << difference->broken.size() << " broken, " << difference->common << " in both.</p><h3>Fixed</h3>";
    errorTable(html, difference->fixed);
    html << "<h3>Broken</h3>";
    errorTable(html, difference->broken);
  }
  html << "<h2>Every error</h2>";
  errorTable(html, a.errors);
  html << "</body></html>\n";
  return html.str();
}

}  // namespace quarry::eval
