#include "common/csv.hpp"

#include <csv.h>

#include <algorithm>
#include <memory>

#include "common/text.hpp"

namespace kronobarn {
namespace {

// What libcsv's callbacks build, field by field and row by row.
struct Collector {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> current;
};

void OnField(void* text, std::size_t length, void* data) {
    auto* collector = static_cast<Collector*>(data);
    collector->current.emplace_back(text == nullptr ? "" : std::string(static_cast<const char*>(text), length));
}

void OnRowEnd(int, void* data) {
    auto* collector = static_cast<Collector*>(data);
    collector->rows.push_back(std::move(collector->current));
    collector->current.clear();
}

// The 1-based line of the file that holds byte `offset`.
int LineAt(std::string_view bytes, std::size_t offset) {
    return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + std::min(offset, bytes.size()), '\n'));
}

// The first line that is not valid UTF-8, or 0.
int FirstLineNotUtf8(std::string_view bytes) {
    std::size_t start = 0;
    int line = 1;
    while (start <= bytes.size()) {
        const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        if (!IsValidUtf8(bytes.substr(start, end - start))) return line;
        start = end + 1;
        ++line;
    }
    return 0;
}

bool IsBlank(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](const auto& field) { return Trimmed(field).empty(); });
}

}  // namespace

Result<CsvTable> ParseCsv(std::string_view bytes, std::size_t max_bytes) {
    if (bytes.size() > max_bytes) {
        return Error::InvalidArgument("csv.too_large", std::to_string(bytes.size()) + " bytes");
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // the mark Excel writes first
    if (const int line = FirstLineNotUtf8(bytes); line != 0) {
        return Error::InvalidArgument("csv.not_utf8", "row " + std::to_string(line));
    }
    const std::string_view first_line = bytes.substr(0, bytes.find('\n'));
    if (Trimmed(first_line).empty()) return Error::InvalidArgument("csv.empty");
    // Swedish spreadsheets write ';' (the comma is the decimal sign); others ','.
    const char delimiter =
        std::count(first_line.begin(), first_line.end(), ';') > std::count(first_line.begin(), first_line.end(), ',')
            ? ';'
            : ',';

    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return Error::Internal("csv_init");
    const std::unique_ptr<csv_parser, void (*)(csv_parser*)> owned(&parser, csv_free);
    csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
    Collector collector;
    const std::size_t parsed = csv_parse(&parser, bytes.data(), bytes.size(), OnField, OnRowEnd, &collector);
    if (parsed != bytes.size() || csv_fini(&parser, OnField, OnRowEnd, &collector) != 0) {
        return Error::InvalidArgument("csv.malformed", "row " + std::to_string(LineAt(bytes, parsed)));
    }

    CsvTable table;
    table.delimiter = delimiter;
    int number = 0;
    for (auto& fields : collector.rows) {
        ++number;
        if (table.header.empty()) {
            for (const auto& name : fields) table.header.push_back(Trimmed(name));
            continue;
        }
        if (IsBlank(fields)) continue;
        table.rows.push_back({number, std::move(fields)});
    }
    return table;
}

}  // namespace kronobarn
