#include "web/views/log_review_pages.hpp"

namespace kronobarn::web::views {
namespace {

// An audit code in words ("export_pdf" → "laddade ner som PDF"; "update_rejected" → "ändrade –
// avvisades"). A code the catalogue does not know yet is shown as it is rather than hidden.
std::string InWords(const Translator& t, std::string_view prefix, std::string_view code) {
    constexpr std::string_view kRejected = "_rejected";
    const bool rejected = code.ends_with(kRejected) && prefix == "audit.action.";
    const std::string_view base = rejected ? code.substr(0, code.size() - kRejected.size()) : code;
    const std::string key = std::string(prefix) + std::string(base);
    const std::string words = Catalogue::Instance().Has(t.Lang(), key) ? std::string(t(key)) : std::string(base);
    return rejected ? t.Format("audit.rejected", {{"action", words}}) : words;
}

// The ways of signing in a reviewer can filter on (the single sign-on providers are added by name).
constexpr std::array<std::string_view, 3> kLocalMethods{"password", "password+totp", "password+recovery_code"};

std::string MethodInWords(const Translator& t, const LogReviewState& state, std::string_view method) {
    constexpr std::string_view kProvider = "oidc:";
    if (method.starts_with(kProvider)) {
        const std::string_view name = method.substr(kProvider.size());
        std::string label(name);
        for (const auto& [provider, shown] : state.providers) {
            if (provider == name) label = shown;
        }
        return t.Format("log_review.method.oidc", {{"provider", label}});
    }
    return InWords(t, "log_review.method.", method);
}

// A sign-in row's object: how the person was proven, and what the provider said of it (acr), or why
// it was refused — in words where the catalogue has them.
std::string SignInInWords(const Translator& t, const LogReviewState& state, std::string_view object_id) {
    const auto space = object_id.find(' ');
    const std::string_view first = object_id.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? std::string_view{} : object_id.substr(space + 1);
    const bool is_method = first.starts_with("password") || first.starts_with("oidc:");
    std::string words = is_method ? MethodInWords(t, state, first) : InWords(t, "log_review.reason.", first);
    if (rest.starts_with("acr=")) {
        const std::string_view said = rest.substr(4);
        const auto amr = said.find(" amr=");
        words += " (" + t.Format("log_review.acr", {{"acr", std::string(said.substr(0, amr))}});
        if (amr != std::string_view::npos) {
            words += "; " + t.Format("log_review.amr", {{"amr", std::string(said.substr(amr + 5))}});
        }
        words += ")";
    } else if (!rest.empty()) {
        words += ": " + InWords(t, "log_review.reason.", rest);
    }
    return words;
}

// An action in words, the object's own words first: closing a unit is not closing a plan.
std::string ActionInWords(const Translator& t, const domain::AuditEvent& event) {
    const std::string own = "audit.action." + event.object_type + "." + event.action;
    if (Catalogue::Instance().Has(t.Lang(), own)) return std::string(t(own));
    return InWords(t, "audit.action.", event.action);
}

// A role's row names "person/unit/role": the role in words, then which account and unit.
std::string RoleObjectInWords(const Translator& t, const std::string& object_id) {
    const auto first = object_id.find('/');
    const auto last = object_id.rfind('/');
    if (first == std::string::npos || first == last) return object_id;
    const std::string role = "role." + object_id.substr(last + 1);
    if (!Catalogue::Instance().Has(t.Lang(), role)) return object_id;
    return t.Format("log_review.role_object", {{"role", std::string(t(role))},
                                               {"user", object_id.substr(0, first)},
                                               {"unit", object_id.substr(first + 1, last - first - 1)}});
}

// A changed field's value in words: a kind by its name, yes/no as such, a day as a date is written
// on every other page; anything else as it is.
std::string ValueInWords(const Translator& t, std::string_view field, const std::string& value) {
    if (value.empty()) return std::string(t("log_review.change.empty"));
    if (field.starts_with("active_") || field.starts_with("valid_")) {
        if (const auto day = ParseDate(value)) return t.LongDate(*day);
    }
    if (field == "active" || field == "disabled") return std::string(t(value == "yes" ? "common.yes" : "common.no"));
    if (field == "kind") {
        for (const std::string_view prefix : {"unit.kind.", "organisation.kind."}) {
            const std::string key = std::string(prefix) + value;
            if (Catalogue::Instance().Has(t.Lang(), key)) return std::string(t(key));
        }
    }
    return value;
}

// An administrative row's changes, one line per field: "e-post: a@x.se → b@x.se".
void Changes(Html& html, const Translator& t, const std::vector<domain::AuditChange>& changes) {
    if (changes.empty()) return;
    html << Raw("<ul class=\"kb-changes\">");
    for (const auto& change : changes) {
        html << Raw("<li>")
             << t.Format("log_review.change.item", {{"field", InWords(t, "audit.field.", change.field)},
                                                    {"before", ValueInWords(t, change.field, change.before)},
                                                    {"after", ValueInWords(t, change.field, change.after)}})
             << Raw("</li>");
    }
    html << Raw("</ul>");
}

constexpr std::array<std::string_view, 8> kActions{"read",   "list",  "create", "update",
                                                   "export", "login", "logout", "withdraw"};

void FilterForm(Html& html, const Translator& t, const std::vector<app::LogReviewOrganisation>& organisations,
                const app::LogReviewPage* page, const LogReviewState& state) {
    const TypedValues& typed = state.filter;
    html << Raw("<form method=\"get\" action=\"/loggkontroll\" class=\"kb-form\" aria-labelledby=\"filter-heading\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"filter-heading\">") << t("log_review.filter.heading")
         << Raw("</h2>\n");
    FormWriter form(html, t);
    if (organisations.size() > 1) {
        std::vector<Option> options;
        for (const auto& organisation : organisations)
            options.push_back({std::to_string(organisation.id), organisation.name});
        form.Select("organisation", "log_review.filter.organisation", options, ValueOf(typed, "organisation"));
    }
    form.TextInput("from", "log_review.filter.from", ValueOf(typed, "from", page ? FormatDate(page->from) : ""),
                   "date");
    form.TextInput("to", "log_review.filter.to", ValueOf(typed, "to", page ? FormatDate(page->to) : ""), "date");
    form.TextInput("username", "log_review.filter.username", ValueOf(typed, "username"));
    form.TextInput("personal_number", "log_review.filter.personal_number", ValueOf(typed, "personal_number"));
    std::vector<Option> units{{"", std::string(t("log_review.filter.any"))}};
    if (page) {
        for (const auto& unit : page->units) units.push_back({std::to_string(unit.id), unit.name});
    }
    form.Select("unit", "log_review.filter.unit", units, ValueOf(typed, "unit"));
    std::vector<Option> actions{{"", std::string(t("log_review.filter.any"))}};
    for (const auto action : kActions)
        actions.push_back({std::string(action), std::string(t("log_review.action." + std::string(action)))});
    form.Select("action", "log_review.filter.action", actions, ValueOf(typed, "action"));
    std::vector<Option> methods{{"", std::string(t("log_review.filter.any"))}};
    for (const auto method : kLocalMethods) {
        methods.push_back({std::string(method), MethodInWords(t, state, method)});
    }
    for (const auto& [name, label] : state.providers) {
        methods.push_back({"oidc:" + name, MethodInWords(t, state, "oidc:" + name)});
    }
    form.Select("metod", "log_review.filter.method", methods, ValueOf(typed, "metod"));
    std::vector<Option> flags{{"", std::string(t("log_review.filter.all_rows"))},
                              {"any", std::string(t("log_review.filter.flagged_only"))}};
    for (const auto flag : domain::AllReviewFlags()) {
        const std::string code(domain::Code(flag));
        flags.push_back({code, std::string(t("log_review.flag." + code))});
    }
    form.Select("flag", "log_review.filter.flag", flags, ValueOf(typed, "flag"));
    form.TextInput("sample", "log_review.filter.sample", ValueOf(typed, "sample"), "number");
    form.TextInput("seed", "log_review.filter.seed", ValueOf(typed, "seed"));
    form.TextInput("through", "log_review.filter.through", ValueOf(typed, "through"));
    html << Raw("<p class=\"ds-paragraph\" data-size=\"sm\">") << t("log_review.filter.sample_hint") << Raw("</p>\n");
    form.Submit("log_review.filter.submit");
    html << Raw("</form>\n");
}

void Summary(Html& html, const Translator& t, const app::LogReviewPage& page) {
    html << Raw("<section aria-labelledby=\"result-heading\" class=\"kb-section\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"result-heading\">") << t("log_review.result.heading")
         << Raw("</h2>\n<p class=\"ds-paragraph\" role=\"status\">")
         << t.Format("log_review.result.matching", {{"count", std::to_string(page.matching)}}) << Raw("</p>\n");
    if (page.read_limit_reached) {
        Alert(html, t, "warning", "log_review.result.read_limit");
    }
    html << Raw("<ul class=\"ds-list\">\n");
    for (const auto flag : domain::AllReviewFlags()) {
        const std::string code(domain::Code(flag));
        html << Raw("<li>") << t("log_review.flag." + code) << Raw(": ")
             << static_cast<long long>(page.flag_counts[static_cast<std::size_t>(flag)]) << Raw("</li>\n");
    }
    html << Raw("</ul>\n");
    if (page.seed) {
        html << Raw("<p class=\"ds-paragraph\">")
             << t.Format("log_review.result.sample", {{"count", std::to_string(page.rows.size())},
                                                      {"seed", std::to_string(*page.seed)},
                                                      {"through", std::to_string(page.through)}})
             << Raw("</p>\n");
    } else if (page.rows.size() < page.matching) {
        html << Raw("<p class=\"ds-paragraph\">")
             << t.Format("log_review.result.shown", {{"count", std::to_string(page.rows.size())}}) << Raw("</p>\n");
    }
}

void Rows(Html& html, const Translator& t, const app::LogReviewPage& page, const LogReviewState& state) {
    if (page.rows.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("log_review.result.none") << Raw("</p>\n</section>\n");
        return;
    }
    // On a phone each row stacks, every cell under its column's name (data-label), instead of a
    // table 1,400 px wide with the basis and flags off-screen.
    html << Raw("<div class=\"kb-table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"result-heading\">\n")
         << Raw("<table class=\"ds-table kb-log kb-stack\">\n<thead><tr>");
    static constexpr std::string_view kColumns[] = {"when",   "user",  "unit",    "child", "object",
                                                    "action", "basis", "outcome", "flags"};
    for (const auto column : kColumns) {
        html << Raw("<th scope=\"col\">") << t("log_review.column." + std::string(column)) << Raw("</th>");
    }
    html << Raw("</tr></thead>\n<tbody>\n");
    const auto cell = [&](std::size_t column) {
        html << Raw("<td data-label=\"") << t("log_review.column." + std::string(kColumns[column])) << Raw("\">");
    };
    for (const auto& row : page.rows) {
        const auto& listing = row.listing;
        const auto& event = listing.row.event;
        html << Raw(row.flags.Any() ? "<tr class=\"kb-flagged\">" : "<tr>");
        cell(0);
        html << t.LocalDateTime(event.at) << Raw("</td>");
        cell(1);
        html << listing.user_name;
        if (!listing.username.empty()) html << Raw(" (") << listing.username << Raw(")");
        if (!event.role.empty()) html << Raw("<br>") << t("role." + event.role);
        html << Raw("</td>");
        cell(2);
        html << listing.unit_name << Raw("</td>");
        cell(3);
        html << listing.child_name;
        if (listing.child_protected) html << Raw("<br><strong>") << t("log_review.protected") << Raw("</strong>");
        html << Raw("</td>");
        cell(4);
        html << InWords(t, "audit.object.", event.object_type);
        if (event.object_type == "session" && !event.object_id.empty()) {
            html << Raw(": ") << SignInInWords(t, state, event.object_id);
        } else if (event.object_type == "user_role") {
            html << Raw(" ") << RoleObjectInWords(t, event.object_id);
        } else if (!event.object_id.empty() && event.object_type != "second_factor") {  // its action says it all
            html << Raw(" ") << event.object_id;
        }
        html << Raw("</td>");
        cell(5);
        html << ActionInWords(t, event);
        Changes(html, t, event.changes);
        html << Raw("</td>");
        cell(6);
        html << InWords(t, "audit.basis.", event.legal_basis) << Raw("</td>");
        cell(7);
        html << t(event.outcome == domain::AuditOutcome::kDenied ? "log_review.outcome.denied"
                                                                 : "log_review.outcome.allowed")
             << Raw("</td>");
        cell(8);
        bool first = true;
        for (const auto flag : row.flags.List()) {
            if (!first) html << Raw("<br>");
            html << t("log_review.flag." + std::string(domain::Code(flag)));
            first = false;
        }
        html << Raw("</td></tr>\n");
    }
    html << Raw("</tbody>\n</table>\n</div>\n</section>\n");
}

void ReviewForm(Html& html, const Translator& t, const app::LogReviewPage& page, const LogReviewState& state) {
    const TypedValues& typed = state.review;
    html << Raw("<section aria-labelledby=\"review-heading\" class=\"kb-section\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"review-heading\">") << t("log_review.review.heading")
         << Raw("</h2>\n");
    if (!state.review_error_key.empty()) Alert(html, t, "danger", state.review_error_key);
    FormWriter form(html, t, "review");
    form.Start("/loggkontroll/granskningar", state.csrf_token);
    html << Raw("<input type=\"hidden\" name=\"organisation\" value=\"") << std::to_string(page.organisation_id)
         << Raw("\">\n");
    form.TextArea("scope", "log_review.review.scope", ValueOf(typed, "scope", page.scope), 2);
    form.TextArea("checked", "log_review.review.checked", ValueOf(typed, "checked"), 3);
    form.Select("finding", "log_review.review.finding",
                {{"no_remarks", std::string(t("log_review.finding.no_remarks"))},
                 {"remarks", std::string(t("log_review.finding.remarks"))}},
                ValueOf(typed, "finding", "no_remarks"));
    form.TextArea("finding_text", "log_review.review.finding_text", ValueOf(typed, "finding_text"), 3);
    form.TextArea("action_taken", "log_review.review.action_taken", ValueOf(typed, "action_taken"), 3);
    form.Submit("log_review.review.submit");
    html << Raw("</form>\n</section>\n");
}

void Reviews(Html& html, const Translator& t, const app::LogReviewPage& page) {
    html << Raw("<section aria-labelledby=\"reviews-heading\" class=\"kb-section\">\n")
         << Raw("<h2 class=\"ds-heading\" data-size=\"sm\" id=\"reviews-heading\">") << t("log_review.reviews.heading")
         << Raw("</h2>\n");
    if (page.reviews.empty()) {
        html << Raw("<p class=\"ds-paragraph\">") << t("log_review.reviews.none") << Raw("</p>\n</section>\n");
        return;
    }
    html << Raw("<ul class=\"kb-entries\">\n");
    for (const auto& listing : page.reviews) {
        const auto& review = listing.review;
        html << Raw("<li><p class=\"ds-paragraph\"><strong>")
             << t.Format(
                    "log_review.reviews.item",
                    {{"when", t.LocalDateTime(review.reviewed_at)},
                     {"reviewer", listing.reviewer_name},
                     {"finding", std::string(t("log_review.finding." + std::string(domain::Code(review.finding))))}})
             << Raw("</strong></p>\n<p class=\"ds-paragraph\">") << t("log_review.review.scope") << Raw(": ")
             << review.scope << Raw("</p>\n<p class=\"ds-paragraph\">") << t("log_review.review.checked") << Raw(": ")
             << review.checked << Raw("</p>\n");
        if (!review.finding_text.empty()) {
            html << Raw("<p class=\"ds-paragraph\">") << t("log_review.review.finding_text") << Raw(": ")
                 << review.finding_text << Raw("</p>\n");
        }
        if (!review.action_taken.empty()) {
            html << Raw("<p class=\"ds-paragraph\">") << t("log_review.review.action_taken") << Raw(": ")
                 << review.action_taken << Raw("</p>\n");
        }
        html << Raw("</li>\n");
    }
    html << Raw("</ul>\n</section>\n");
}

}  // namespace

Html LogReviewContent(const Translator& t, const std::vector<app::LogReviewOrganisation>& organisations,
                      const app::LogReviewPage* page, const LogReviewState& state) {
    Html html;
    html << Raw("<h1 class=\"ds-heading\" data-size=\"lg\">") << t("log_review.heading") << Raw("</h1>\n")
         << Raw("<p class=\"ds-paragraph\">") << t("log_review.intro") << Raw("</p>\n");
    if (!state.notice_key.empty()) Alert(html, t, "success", state.notice_key);
    if (!state.error_key.empty()) Alert(html, t, "danger", state.error_key);
    FilterForm(html, t, organisations, page, state);
    if (page == nullptr) return html;
    Summary(html, t, *page);
    Rows(html, t, *page, state);
    ReviewForm(html, t, *page, state);
    Reviews(html, t, *page);
    return html;
}

}  // namespace kronobarn::web::views
