// The import page (/admin/import): an organisation's system administrator uploads its units or
// staff as a CSV file, tries it first (nothing saved) and then imports it, and sees every change —
// or every bad row and column, with nothing changed. Exports give the same format back.
#pragma once

#include <optional>
#include <string>

#include "app/directory_import.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

struct ImportPageState {
    std::string csrf_token;
    std::string kind = "enheter";  // "enheter" or "personal": the file's content, as chosen
    std::string error_key;         // a file that could not be read at all (too large, not UTF-8 …)
    std::string error_row;         // where in the file, when the reader knows
    std::string filename;          // the file the report is about
    bool dry_run = true;
    std::optional<app::ImportReport> report;
};

Html ImportContent(const Translator& t, const ImportPageState& state);

}  // namespace kronobarn::web::views
