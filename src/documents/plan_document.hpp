// Barnets plan as a printable document in the reader's language — the same content the family
// page shows, cut to the reader's sections — for the PDF (web and `kronobarn export plan`).
#pragma once

#include "app/plans.hpp"
#include "i18n/catalogue.hpp"
#include "pdf/document.hpp"

namespace kronobarn::documents {

pdf::Document PlanDocument(const i18n::Translator& t, const app::PlanView& view, Timestamp printed_at);

}  // namespace kronobarn::documents
