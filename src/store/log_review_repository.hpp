// The log-review workbench's reads of the audit log and its own records (loggkontroll).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/log_review.hpp"
#include "store/records/log_review_records.hpp"
#include "store/store.hpp"

namespace kronobarn::store {

class LogReviewRepository {
  public:
    virtual ~LogReviewRepository() = default;
    // Newest first, at most `search.limit` rows.
    virtual Result<std::vector<AuditListing>> Search(const AuditSearch& search) = 0;
    virtual Result<domain::LogReviewId> Insert(const domain::LogReview& review) = 0;
    virtual Result<std::vector<LogReviewListing>> OfOrganisation(domain::OrganisationId organisation, int limit) = 0;
};

}  // namespace kronobarn::store
