// What a research extract may hold (domain.md §8): process data with direct identifiers removed,
// birth dates coarsened to year and quarter, free text excluded, and a pseudonym per child that is
// only valid inside one extract.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"

namespace kronobarn::domain {

inline constexpr std::size_t kMaxApprovalLength = 120;

// "2015-Q1": all a researcher learns of a birth date.
std::string BirthQuarter(Date birth_date);

// The ethics approval the extract is made under, as recorded. Errors (kInvalidArgument):
// "research.approval_missing", "research.approval_invalid" (too long or with control characters).
Result<std::string> CheckApproval(std::string_view typed);

// The period of an extract, both days inclusive. Errors: "research.date_invalid",
// "research.period_order".
struct ResearchPeriod {
    Date from{};
    Date to{};
};
Result<ResearchPeriod> CheckResearchPeriod(std::string_view from, std::string_view to);

}  // namespace kronobarn::domain
