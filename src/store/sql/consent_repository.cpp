// Consents on either engine.
#include "store/sql/repositories.hpp"

namespace kronobarn::store::sql {
namespace {

std::string JoinCategories(const std::vector<domain::DataCategory>& categories) {
    std::string out;
    for (auto category : categories) out += (out.empty() ? "" : ",") + std::string(domain::Code(category));
    return out;
}

std::vector<domain::DataCategory> SplitCategories(std::string_view text) {
    std::vector<domain::DataCategory> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        if (auto category = domain::ParseDataCategory(text.substr(0, comma))) out.push_back(*category);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return out;
}

}  // namespace

Result<domain::ConsentId> SqlConsentRepository::Insert(const domain::Consent& consent) {
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("consent_insert"));
        stmt.Bind(1, consent.child_id).Bind(2, consent.purpose).Bind(3, JoinCategories(consent.categories));
        stmt.Bind(4, FormatDate(consent.valid_from)).Bind(5, FormatDate(consent.valid_to));
        stmt.Bind(6, domain::Code(consent.form)).Bind(7, consent.documented_by);
        stmt.BindBool(8, consent.child_assessed_mature).Bind(9, consent.maturity_note);
        stmt.Bind(10, consent.recorded_by).Bind(11, ToUnixMillis(consent.recorded_at));
        stmt.BindBool(12, consent.refused);
        KB_RETURN_IF_ERROR(stmt.Run());
    }
    const domain::ConsentId id = db_.LastInsertId();
    for (const auto unit : consent.unit_ids) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("consent_unit_insert"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, unit).Run());
    }
    std::int64_t position = 0;
    for (const auto& party : consent.parties) {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("consent_party_insert"));
        KB_RETURN_IF_ERROR(stmt.Bind(1, id).Bind(2, position++).Bind(3, party.guardian_id).Bind(4, party.name).Run());
    }
    return id;
}

// Columns: id, child_id, purpose, categories, valid_from, valid_to, form, documented_by,
// child_assessed_mature, maturity_note, recorded_by, recorded_at, withdrawn_at, withdrawn_by,
// withdrawn_on_word_of, refused. Units and parties come from ReadParts.
Result<std::vector<domain::Consent>> SqlConsentRepository::ReadRows(Statement& stmt) {
    std::vector<domain::Consent> out;
    KB_RETURN_IF_ERROR(stmt.ForEachRow([&] {
        domain::Consent consent;
        consent.id = stmt.Int("id");
        consent.child_id = stmt.Int("child_id");
        consent.purpose = stmt.Text("purpose");
        consent.categories = SplitCategories(stmt.Text("categories"));
        consent.valid_from = stmt.Decode("valid_from", ParseDate(stmt.Text("valid_from")));
        consent.valid_to = stmt.Decode("valid_to", ParseDate(stmt.Text("valid_to")));
        consent.form = stmt.Decode("form", domain::ParseConsentForm(stmt.Text("form")));
        consent.documented_by = stmt.Text("documented_by");
        consent.child_assessed_mature = stmt.Bool("child_assessed_mature");
        consent.maturity_note = stmt.Text("maturity_note");
        consent.recorded_by = stmt.Int("recorded_by");
        consent.recorded_at = FromUnixMillis(stmt.Int("recorded_at"));
        if (const auto at = stmt.OptionalInt("withdrawn_at")) consent.withdrawn_at = FromUnixMillis(*at);
        consent.withdrawn_by = stmt.OptionalInt("withdrawn_by").value_or(0);
        consent.withdrawn_on_word_of = stmt.Text("withdrawn_on_word_of");
        consent.refused = stmt.Bool("refused");
        out.push_back(std::move(consent));
    }));
    return out;
}

// `parts` runs consent_parts_of or consent_parts_of_child: rows ordered by consent, as `consents` is.
Status SqlConsentRepository::ReadParts(Statement& parts, std::vector<domain::Consent>& consents) {
    auto consent = consents.begin();
    for (;;) {
        KB_ASSIGN_OR_RETURN(const bool has_row, parts.Step());
        if (!has_row) break;
        const domain::ConsentId id = parts.Int("consent_id");
        while (consent != consents.end() && consent->id < id) ++consent;
        if (consent == consents.end() || consent->id != id) continue;
        if (parts.Int("part") == 0) {
            consent->unit_ids.push_back(parts.Int("ref"));
        } else {
            consent->parties.push_back({parts.OptionalInt("ref"), parts.Text("name")});
        }
    }
    return Ok();
}

Result<std::optional<domain::Consent>> SqlConsentRepository::Find(domain::ConsentId id) {
    std::vector<domain::Consent> all;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("consent_find"));
        stmt.Bind(1, id);
        KB_ASSIGN_OR_RETURN(all, ReadRows(stmt));
    }
    if (all.empty()) return std::optional<domain::Consent>{};
    KB_ASSIGN_OR_RETURN(auto parts, db_.Prepare("consent_parts_of"));
    parts.Bind(1, id);
    KB_RETURN_IF_ERROR(ReadParts(parts, all));
    return std::optional<domain::Consent>{std::move(all.front())};
}

Result<std::vector<domain::Consent>> SqlConsentRepository::OfChild(domain::ChildId child) {
    std::vector<domain::Consent> all;
    {
        KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("consents_of_child"));
        stmt.Bind(1, child);
        KB_ASSIGN_OR_RETURN(all, ReadRows(stmt));
    }
    if (all.empty()) return all;
    KB_ASSIGN_OR_RETURN(auto parts, db_.Prepare("consent_parts_of_child"));
    parts.Bind(1, child);
    KB_RETURN_IF_ERROR(ReadParts(parts, all));
    return all;
}

Status SqlConsentRepository::SaveWithdrawal(const domain::Consent& consent) {
    if (!consent.withdrawn_at) return Error::Internal("withdrawal without a time");
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("consent_withdraw"));
    stmt.Bind(1, consent.id).Bind(2, ToUnixMillis(*consent.withdrawn_at)).Bind(3, consent.withdrawn_by);
    KB_RETURN_IF_ERROR(stmt.Bind(4, consent.withdrawn_on_word_of).Run());
    if (db_.ChangedRows() == 0) return Error::Conflict("consent.already_withdrawn");
    return Ok();
}

Status SqlConsentRepository::AddParty(domain::ConsentId consent, int position, const domain::ConsentParty& party) {
    KB_ASSIGN_OR_RETURN(auto stmt, db_.Prepare("consent_party_insert"));
    return stmt.Bind(1, consent)
        .Bind(2, static_cast<std::int64_t>(position))
        .Bind(3, party.guardian_id)
        .Bind(4, party.name)
        .Run();
}

}  // namespace kronobarn::store::sql
