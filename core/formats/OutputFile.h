#pragma once
// Export output that appears whole or not at all. A full disk, a file-size limit or a cancelled export
// must leave the file (or folder) that was there before, never a truncated one, and must be reported:
// bytes go to a temporary sibling, every write is checked, the file is flushed, synced and closed with
// those checked too, and only then is it renamed over the target.

#include <functional>
#include <memory>

#include <QFile>
#include <QString>
#include <QStringList>

#include "common/Error.h"

namespace quarry {

class OutputFile {
 public:
  enum class Mode {
    Beside,     // a temporary sibling, synced, then renamed over the target by commit()
    InStaging,  // the target itself, a new file inside an OutputFolder staging folder (which is synced
                // and swapped in whole); commit() only finishes it
  };

  explicit OutputFile(QString path, Mode mode = Mode::Beside);
  ~OutputFile();  // removes what it wrote unless commit() succeeded
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Creates the folder of the target and the file to write.
  Status open();
  // Writes every byte or fails naming the target (a short write is retried, so the error says why:
  // "No space left on device", "File too large").
  Status write(const QByteArray& bytes);
  // The open file, for writers that need a QIODevice (zip); finish() checks what they wrote.
  QIODevice& device();
  // Why the first write that failed failed ("No space left on device"), also when the writer that met it
  // said nothing (a zip library) and later calls cleared the device's error; empty when none failed.
  QString writeError() const;
  // Flushes, syncs (Beside) and closes the file, each step checked. Idempotent.
  Status finish();
  // finish(), then (Beside) renames the temporary file over the target, replacing an older file
  // atomically.
  Status commit();
  // commit(), but only when nothing is at the target yet ("a file already exists there" otherwise): of
  // two processes writing a new file under one name at once, exactly one succeeds.
  Status commitNew();

  const QString& path() const { return m_path; }

  // open + write + finish: `bytes` are on disk, ready to commit().
  Status prepare(const QByteArray& bytes);
  // prepare + commit.
  static Status write(const QString& path, const QByteArray& bytes, Mode mode = Mode::Beside);

 private:
  Error fail(const QString& what) const;

  class File;

  QString m_path;
  Mode m_mode;
  std::unique_ptr<File> m_file;
  bool m_opened = false;
  bool m_finished = false;
  bool m_committed = false;
};

// A folder written the same way: `produce` fills an empty staging folder beside `folder` (with
// OutputFile::Mode::InStaging files), which is synced and then replaces `folder`: the old one is moved
// aside and deleted only once the new one is in place; on a failed swap it is put back. A failure leaves
// `folder` as it was and no staging folder behind.
//
// Swapping replaces the whole folder, so an existing `folder` may only hold what an export of this
// kind writes: every file in it, at any depth, must match one of `ownedNames` (wildcards as in
// QDir::setNameFilters, matched against the file name). A folder holding anything else is refused with
// an Error naming the first such file, so an export never deletes files it did not write.
class OutputFolder {
 public:
  static Status write(const QString& folder, const QStringList& ownedNames,
                      const std::function<Status(const QString& staging)>& produce);
};

}  // namespace quarry
