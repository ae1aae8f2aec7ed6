#pragma once
// quarry-cli's manual page (`quarry-cli --man`), made from the parsers that print each command's --help
// and from `train --help-config`, so the page and the program cannot disagree.

#include <QString>

namespace quarry::cli {

class CliApplication;

// The page in roff, for section 1.
QString cliManPage(const CliApplication& application);

}  // namespace quarry::cli
