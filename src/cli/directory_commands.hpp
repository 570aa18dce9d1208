// An organisation's units and staff from and to CSV files (app/directory_import.hpp): each returns
// the process exit code like cli/commands.hpp.
#pragma once

#include <string>

#include "app/directory_import.hpp"
#include "common/time.hpp"
#include "store/records/forward.hpp"

namespace kronobarn::cli {

// The largest import file read; a bigger one is refused before it is parsed.
inline constexpr std::size_t kMaxImportBytes = app::kMaxImportFileBytes;

// Prints what the file changes (or, with problems, every bad row and column) and returns 0 when it
// was written or a dry run found nothing wrong, 1 otherwise.
int RunImport(store::Store& store, const Clock& clock, app::ImportKind kind, const std::string& organisation_code,
              const std::string& file, bool dry_run);
// The organisation's keyed units or open staff as CSV into `out` ("-": standard output).
int RunDirectoryExport(store::Store& store, const Clock& clock, app::ImportKind kind,
                       const std::string& organisation_code, const std::string& out);

}  // namespace kronobarn::cli
