// Barnets plan as a printable document in the reader's language — the same content the family
// page shows, cut to the reader's sections — for the PDF (web and `kronobarn export plan`).
#pragma once

#include "app/plans.hpp"
#include "pdf/document.hpp"
#include "web/i18n.hpp"

namespace kronobarn::web::views {

pdf::Document PlanDocument(const Translator& t, const app::PlanView& view, Timestamp printed_at);

}  // namespace kronobarn::web::views
