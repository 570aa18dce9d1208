// The state file a Node test server (tests/support/fixture_process.mjs) writes when it has started:
// its address first, then its process id, then anything it adds, one a line.
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace kronobarn::testing {

// The file's lines; throws, naming how to start the server by hand, when it has not started.
inline std::vector<std::string> FixtureState(const std::string& path, const std::string& fixture,
                                             const std::string& script) {
    std::ifstream file(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(file, line);) lines.push_back(line);
    if (lines.empty() || lines[0].empty()) {
        throw std::runtime_error("no " + fixture + ": run through ctest (fixture " + fixture + "), or `node " + script +
                                 " start " + path + "`");
    }
    return lines;
}

}  // namespace kronobarn::testing
