#include "domain/research_extract.hpp"

#include "common/text.hpp"

namespace kronobarn::domain {

std::string BirthQuarter(Date birth_date) {
    const unsigned quarter = (static_cast<unsigned>(birth_date.month()) - 1) / 3 + 1;
    return std::to_string(static_cast<int>(birth_date.year())) + "-Q" + std::to_string(quarter);
}

Result<std::string> CheckApproval(std::string_view typed) {
    std::string approval = Trimmed(typed);
    if (approval.empty()) {
        return Error::InvalidArgument("research.approval_missing",
                                      "give the ethics approval reference the extract is made under (--approval)");
    }
    if (approval.size() > kMaxApprovalLength) {
        return Error::InvalidArgument("research.approval_invalid",
                                      "the approval reference is longer than 120 characters");
    }
    for (const unsigned char c : approval) {
        if (c < 0x20 || c == 0x7f) {
            return Error::InvalidArgument("research.approval_invalid",
                                          "the approval reference holds control characters");
        }
    }
    return approval;
}

Result<ResearchPeriod> CheckResearchPeriod(std::string_view from, std::string_view to) {
    const auto first = ParseDate(Trimmed(from));
    const auto last = ParseDate(Trimmed(to));
    if (!first || !last) {
        return Error::InvalidArgument("research.date_invalid", "write --from and --to as YYYY-MM-DD, e.g. 2026-01-01");
    }
    if (std::chrono::sys_days{*last} < std::chrono::sys_days{*first}) {
        return Error::InvalidArgument("research.period_order", "--from is after --to; swap them");
    }
    return ResearchPeriod{*first, *last};
}

}  // namespace kronobarn::domain
