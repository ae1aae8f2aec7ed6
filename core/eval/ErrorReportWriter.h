#pragma once
// An error analysis (eval/ErrorAnalysis.h) as files a person keeps or sends: one self-contained HTML page
// with its charts drawn in inline SVG (per-type F1 bars, the error kinds, the confusion heat map), its
// tables and every error in context; and CSV (RFC 4180) for a spreadsheet: the per-type table and the list
// of errors.

#include <string>

#include "eval/ErrorAnalysis.h"

namespace quarry::eval {

// What the HTML page says about where the analysis comes from.
struct ErrorReportHeading {
  std::string title;                // "Errors of run 12 (NER, BERT) on dev"
  std::vector<std::string> notes;   // one line each: model, data, date
};

// The whole page; with `difference`, also what `otherName` fixed and broke relative to this analysis.
std::string errorReportHtml(const ErrorAnalysis& analysis, const ErrorReportHeading& heading,
                            const ErrorDifference* difference = nullptr, const std::string& otherName = {});

// type,precision,recall,f1,true_positives,predicted,gold — one row per type, then "micro".
std::string perTypeCsv(const ErrorAnalysis& analysis);
// document,kind,gold_type,predicted_type,gold_start,gold_end,predicted_start,predicted_end,gold_text,
// predicted_text,item,confidence,context — one row per error.
std::string errorsCsv(const ErrorAnalysis& analysis);

// A CSV field quoted when it must be (comma, quote, line break); quotes doubled.
std::string csvField(const std::string& value);
// Text made safe inside HTML elements and attribute values.
std::string htmlEscape(const std::string& text);

}  // namespace quarry::eval
