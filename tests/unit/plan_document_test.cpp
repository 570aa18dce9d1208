// The printed plan in each language: no block may show a catalogue key instead of words.
#include <gtest/gtest.h>

#include <regex>

#include "documents/plan_document.hpp"

namespace kronobarn {
namespace {

app::PlanView KeepersView() {
    app::PlanView view;
    view.reading.reader = domain::PlanReader::kCoordinating;
    view.child_name = "Ella Johansson";
    view.plan.state = domain::PlanState::kAgreed;
    view.plan.basics.reason = "Oro för närvaron";
    view.plan.actions.push_back(
        {.what = "Läxhjälp", .responsible = "Maja", .frequency = "varje vecka", .progress_note = "Går bra"});
    view.plan.meetings.push_back(
        {.kind = domain::MeetingKind::kCollaboration,
         .held_on = Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{2}}});
    return view;
}

// A text that is a bare key ("plan.why") is a catalogue miss shown to the reader.
std::vector<std::string> KeysShown(const pdf::Document& document) {
    static const std::regex key(R"((^|[ :])[a-z_]+\.[a-z_]+(\.[a-z_]+)*($|[ :]))");
    std::vector<std::string> shown;
    for (const auto& block : document.blocks) {
        if (std::regex_search(block.text, key)) shown.push_back(block.text);
    }
    return shown;
}

TEST(PlanDocument, TheKeepersWorkingDocumentHasWordsInEveryLanguage) {
    for (const char* lang : {"sv", "en", "ar"}) {
        const auto document = documents::PlanDocument(i18n::Translator(lang), KeepersView(), Timestamp{});
        EXPECT_EQ(KeysShown(document), std::vector<std::string>{}) << lang;
        EXPECT_EQ(document.language, lang);
    }
}

TEST(PlanDocument, InArabicTheStaffSectionsFallBackToSwedish) {
    const auto document = documents::PlanDocument(i18n::Translator("ar"), KeepersView(), Timestamp{});
    const i18n::Translator sv("sv");
    const auto has = [&](std::string_view text) {
        return std::any_of(document.blocks.begin(), document.blocks.end(),
                           [&](const pdf::Block& block) { return block.text == text; });
    };
    EXPECT_TRUE(has(sv("plan.why")));
    EXPECT_TRUE(document.right_to_left);
}

}  // namespace
}  // namespace kronobarn
