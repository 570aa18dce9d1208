// Reads the readable decision tables in tests/unit/*.txt: whitespace-separated columns, '#'
// comment lines, one case per line, with the line number kept for the failure message.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kronobarn::testing {

struct TableRow {
    int line = 0;
    std::vector<std::string> cells;
};

inline std::vector<TableRow> LoadDecisionTable(const std::string& file_name) {
    std::ifstream file(std::string(KRONOBARN_TEST_DATA_DIR) + "/" + file_name);
    std::vector<TableRow> rows;
    std::string text;
    for (int line = 1; std::getline(file, text); ++line) {
        if (text.empty() || text[0] == '#') continue;
        std::istringstream fields(text);
        TableRow row{line, {}};
        for (std::string cell; fields >> cell;) row.cells.push_back(cell);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace kronobarn::testing
