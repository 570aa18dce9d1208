// Reading a CSV file someone exported from a spreadsheet or an HR system: UTF-8 (a byte-order
// mark is dropped), a header row, ';' or ',' as the delimiter (whichever the header uses), RFC
// 4180 quoting. Parsing by libcsv; this layer adds the checks a person gets a clear message from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace kronobarn {

struct CsvRow {
    int number = 0;  // the row in the file as a spreadsheet counts it: the header is row 1
    std::vector<std::string> fields;
};

struct CsvTable {
    char delimiter = ',';
    std::vector<std::string> header;  // as written, spaces around each name dropped
    std::vector<CsvRow> rows;         // blank lines left out
};

// Errors (kInvalidArgument): "csv.too_large" (over `max_bytes`), "csv.not_utf8" (detail names the
// row: a file saved as Windows-1252 or Latin-1), "csv.empty" (no header), "csv.malformed" (a quote
// opened and never closed, or text after a closing quote; detail names the row).
Result<CsvTable> ParseCsv(std::string_view bytes, std::size_t max_bytes);

}  // namespace kronobarn
