#include "cli/directory_commands.hpp"

#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/commands.hpp"
#include "i18n/catalogue.hpp"

namespace kronobarn::cli {
namespace {

// At most `limit` + 1 bytes, so a file over the limit is known to be without reading all of it.
Result<std::string> ReadUpTo(const std::string& path, std::size_t limit) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::NotFound("cannot read " + path);
    std::string bytes(limit + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

}  // namespace

int RunImport(store::Store& store, const Clock& clock, app::ImportKind kind, const std::string& organisation_code,
              const std::string& file, bool dry_run) {
    const i18n::Translator t("en");
    auto bytes = ReadUpTo(file, kMaxImportBytes);
    if (!bytes) return ReportError(bytes.error());
    auto table = ParseCsv(*bytes, kMaxImportBytes);
    if (!table) {
        std::cerr << file << ": " << t(table.error().message_key)
                  << (table.error().detail.empty() ? "" : " (" + table.error().detail + ")") << "\n";
        return 1;
    }
    app::DirectoryImport import(store, clock);
    auto report = import.Import(kind, organisation_code, *table, dry_run, {"import", "cli"});
    if (!report) {
        if (report.error().code == ErrorCode::kNotFound) {
            std::cerr << "error: " << t(report.error().message_key) << " (" << organisation_code << ")\n";
            return 1;
        }
        return ReportError(report.error());
    }
    if (!report->problems.empty()) {
        std::cerr << file << ": nothing was changed; " << report->problems.size() << " problem(s):\n";
        for (const auto& problem : report->problems) {
            std::cerr << "  " << (problem.row > 0 ? "row " + std::to_string(problem.row) : std::string("file"))
                      << (problem.column.empty() ? "" : ", column " + problem.column) << ": " << t(problem.message_key)
                      << (problem.value.empty() ? "" : " (" + problem.value + ")") << "\n";
        }
        return 1;
    }
    int created = 0, changed = 0, closed = 0;
    for (const auto& change : report->changes) {
        std::cout << "  " << change.action << " " << change.external_id << ": " << change.what << "\n";
        created += change.action == "create";
        changed += change.action == "update" || change.action == "reopen";
        closed += change.action == "close";
    }
    std::cout << (dry_run ? "Dry run, nothing written: would create " : "Created ") << created
              << (dry_run ? ", change " : ", changed ") << changed << (dry_run ? ", close " : ", closed ") << closed
              << " (" << table->rows.size() << " rows read)\n";
    return 0;
}

int RunDirectoryExport(store::Store& store, const Clock& clock, app::ImportKind kind,
                       const std::string& organisation_code, const std::string& out) {
    app::DirectoryImport import(store, clock);
    auto csv = import.Export(kind, organisation_code);
    if (!csv) return ReportError(csv.error());
    if (out == "-") {
        std::cout << *csv;
        return 0;
    }
    std::ofstream file(out, std::ios::binary);
    file << *csv;
    if (!file) {
        std::cerr << "error: cannot write " << out << "\n";
        return 1;
    }
    return 0;
}

}  // namespace kronobarn::cli
