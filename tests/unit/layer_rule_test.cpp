// The layers' include rule, read from the sources: the web layer reaches storage only through the
// use cases, so no file under src/web/ includes a store/ header, and the domain includes nothing
// but itself and common/. A source scan, not yet a compile fence: every library still sees all of
// src/ as its include folder (issue 22).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace kronobarn {
namespace {

// Every `#include "…"` under `folder` whose header starts with one of `forbidden`, as "file: header".
std::vector<std::string> IncludesOf(const std::string& folder, const std::vector<std::string>& forbidden) {
    static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
    std::vector<std::string> found;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(KRONOBARN_SOURCE_DIR) + folder)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream file(entry.path());
        for (std::string line; std::getline(file, line);) {
            std::smatch match;
            if (!std::regex_search(line, match, include)) continue;
            for (const auto& prefix : forbidden) {
                if (match[1].str().rfind(prefix, 0) == 0)
                    found.push_back(entry.path().string() + ": " + match[1].str());
            }
        }
    }
    return found;
}

TEST(LayerRule, TheWebLayerIncludesNoStorageHeader) {
    EXPECT_EQ(IncludesOf("/src/web", {"store/"}), std::vector<std::string>{});
}

TEST(LayerRule, TheDomainIncludesNothingButItselfAndCommon) {
    EXPECT_EQ(IncludesOf("/src/domain", {"app/", "store/", "web/", "cli/", "pdf/", "main/"}),
              std::vector<std::string>{});
}

TEST(LayerRule, TheScanFindsAnIncludeWhereThereIsOne) {
    // The rule would pass vacuously if the scan read nothing: app/ does include store/ headers.
    EXPECT_FALSE(IncludesOf("/src/app", {"store/"}).empty());
}

}  // namespace
}  // namespace kronobarn
