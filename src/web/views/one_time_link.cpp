#include "web/views/one_time_link.hpp"

#include "web/views/family_parts.hpp"

namespace kronobarn::web::views {

void OneTimeLink(Html& html, const Translator& t, const ShownInvitation& invitation) {
    html << Raw("<div class=\"ds-alert\" data-color=\"info\" role=\"status\">\n");
    family_parts::Heading(html, 2, t.Format("family.staff.invitation_for", {{"name", invitation.name}}));
    family_parts::Paragraph(html, t("family.staff.invitation_once"));
    html << Raw("<p class=\"ds-paragraph\"><code class=\"kb-link-once\" id=\"invitation-link\">") << invitation.link
         << Raw("</code></p>\n")
         << Raw("<p class=\"ds-paragraph\"><button class=\"ds-button\" data-variant=\"secondary\" type=\"button\" "
                "hidden data-copy=\"invitation-link\" data-copied=\"invitation-copied\" data-copied-text=\"")
         << t("family.staff.link_copied") << Raw("\" data-failed-text=\"") << t("family.staff.link_not_copied")
         << Raw("\">") << t("family.staff.copy_link") << Raw("</button> <span id=\"invitation-copied\" ")
         << Raw("aria-live=\"polite\"></span></p>\n");
    family_parts::Paragraph(html, t.Format("family.staff.invitation_expires", {{"when", invitation.expires}}));
    html << Raw("</div>\n");
}

}  // namespace kronobarn::web::views
