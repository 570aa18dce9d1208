// The log-review workbench's queries on either engine.
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {

Result<std::vector<AuditListing>> SqlLogReviewRepository::Search(const AuditSearch& search) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("audit_review_search"));
    stmt.Bind(1, search.organisation_id).Bind(2, ToUnixMillis(search.from)).Bind(3, ToUnixMillis(search.to));
    stmt.Bind(4, search.user_id).Bind(5, search.child_id).Bind(6, search.unit_id).Bind(7, search.action);
    stmt.BindBool(8, search.denied_only).Bind(9, std::int64_t{search.limit}).Bind(10, search.through_sequence);
    stmt.Bind(11, search.sign_in_method);
    std::vector<AuditListing> listings;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return listings;
        AuditListing listing;
        listing.row = ReadAuditRow(stmt);
        listing.user_name = stmt.Text("user_name");
        listing.username = stmt.Text("username");
        listing.unit_name = stmt.Text("unit_name");
        listing.child_name = stmt.Text("child_name");
        listing.child_protected = stmt.Int("child_protected") != 0;
        listings.push_back(std::move(listing));
    }
}

Result<domain::LogReviewId> SqlLogReviewRepository::Insert(const domain::LogReview& review) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("log_review_insert"));
    stmt.Bind(1, review.organisation_id).Bind(2, review.reviewer_user_id).Bind(3, ToUnixMillis(review.reviewed_at));
    stmt.Bind(4, review.scope).Bind(5, review.checked).Bind(6, domain::Code(review.finding));
    KB_RETURN_IF_ERROR(stmt.Bind(7, review.finding_text).Bind(8, review.action_taken).Run());
    return db_.LastInsertId();
}

Result<std::vector<LogReviewListing>> SqlLogReviewRepository::OfOrganisation(domain::OrganisationId organisation,
                                                                             int limit) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("log_reviews_of_organisation"));
    stmt.Bind(1, organisation).Bind(2, std::int64_t{limit});
    std::vector<LogReviewListing> listings;
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, stmt.Step());
        if (!has_row) return listings;
        LogReviewListing listing;
        auto& review = listing.review;
        review.id = stmt.Int("id");
        review.organisation_id = stmt.Int("organisation_id");
        review.reviewer_user_id = stmt.Int("reviewer_user_id");
        review.reviewed_at = FromUnixMillis(stmt.Int("reviewed_at"));
        review.scope = stmt.Text("scope");
        review.checked = stmt.Text("checked");
        review.finding = stmt.Decode("finding", domain::ParseReviewFinding(stmt.Text("finding")));
        review.finding_text = stmt.Text("finding_text");
        review.action_taken = stmt.Text("action_taken");
        listing.reviewer_name = stmt.Text("reviewer_name");
        listings.push_back(std::move(listing));
    }
}

}  // namespace kronobarn::store::sql
