// The administrator's page for publishing a new version of Barnets bästa-hjulet's catalogue.
#pragma once

#include "app/wheel_catalogue.hpp"
#include "web/html.hpp"
#include "web/i18n.hpp"
#include "web/views/plan_pages.hpp"

namespace kronobarn::web::views {

Html CatalogueContent(const Translator& t, const app::CataloguePage& page, const FormPageState& state);

}  // namespace kronobarn::web::views
