#include "pdf/document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>

namespace kronobarn::pdf {
namespace {

// A4 in PostScript points, with margins of 20 mm.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.7;
constexpr double kFooterSpace = 28.0;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kContentBottom = kPageHeight - kMargin - kFooterSpace;

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct Style {
    const char* font;
    double space_before;
    const char* tag;
};

Style StyleOf(BlockKind kind) {
    switch (kind) {
        case BlockKind::kTitle:
            return {"DejaVu Sans Bold 18", 0, "H1"};
        case BlockKind::kHeading:
            return {"DejaVu Sans Bold 13", 14, "H2"};
        case BlockKind::kParagraph:
            return {"DejaVu Sans 10.5", 5, "P"};
        case BlockKind::kListItem:
            return {"DejaVu Sans 10.5", 3, "LI"};
        case BlockKind::kNote:
            return {"DejaVu Sans Oblique 9", 4, "P"};
    }
    return {"DejaVu Sans 10.5", 5, "P"};
}

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
void UnrefObject(PangoLayout* layout) { g_object_unref(layout); }
void UnrefFont(PangoFontDescription* font) { pango_font_description_free(font); }
using LayoutPtr = std::unique_ptr<PangoLayout, Deleter<PangoLayout, UnrefObject>>;
using FontPtr = std::unique_ptr<PangoFontDescription, Deleter<PangoFontDescription, UnrefFont>>;

class Writer {
  public:
    Writer(cairo_t* cr, const Document& document) : cr_(cr), document_(document) {}

    void Write() {
        cairo_tag_begin(cr_, "Document", nullptr);
        bool in_list = false;
        for (const auto& block : document_.blocks) {
            const bool item = block.kind == BlockKind::kListItem;
            if (item && !in_list) cairo_tag_begin(cr_, "L", nullptr);
            if (!item && in_list) cairo_tag_end(cr_, "L");
            in_list = item;
            WriteBlock(block);
        }
        if (in_list) cairo_tag_end(cr_, "L");
        cairo_tag_end(cr_, "Document");
        Footer();
    }

  private:
    void WriteBlock(const Block& block) {
        const Style style = StyleOf(block.kind);
        LayoutPtr layout(pango_cairo_create_layout(cr_));
        FontPtr font(pango_font_description_from_string(style.font));
        pango_layout_set_font_description(layout.get(), font.get());
        const bool item = block.kind == BlockKind::kListItem;
        const double indent = item ? 14.0 : 0.0;
        pango_layout_set_width(layout.get(), static_cast<int>((kContentWidth - indent) * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_auto_dir(layout.get(), TRUE);
        pango_layout_set_alignment(layout.get(), document_.right_to_left ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        const std::string text = item ? "• " + block.text : block.text;
        pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));

        y_ += style.space_before;
        // Keep a heading with at least the first lines of what follows it.
        int height = 0;
        pango_layout_get_size(layout.get(), nullptr, &height);
        const double needed = block.kind == BlockKind::kHeading ? height / double(PANGO_SCALE) + 40 : 0;
        if (needed > 0 && y_ + needed > kContentBottom) NewPage();

        cairo_tag_begin(cr_, style.tag, nullptr);
        const double x0 = kMargin + (document_.right_to_left ? 0 : indent);
        PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            const double line_height = logical.height / double(PANGO_SCALE);
            if (y_ + line_height > kContentBottom) NewPage();
            const double line_top = logical.y / double(PANGO_SCALE);
            const double baseline = pango_layout_iter_get_baseline(iter) / double(PANGO_SCALE);
            cairo_move_to(cr_, x0 + logical.x / double(PANGO_SCALE), y_ + (baseline - line_top));
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
            y_ += line_height;
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        cairo_tag_end(cr_, style.tag);
    }

    void NewPage() {
        Footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kMargin;
    }

    void Footer() {
        if (document_.footer.empty()) return;
        LayoutPtr layout(pango_cairo_create_layout(cr_));
        FontPtr font(pango_font_description_from_string("DejaVu Sans 8"));
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(kContentWidth * PANGO_SCALE));
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        const std::string text = document_.footer + " · " + std::to_string(page_);
        pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
        // Cairo 1.16 cannot mark page furniture as an artifact; the footer stays outside every
        // structure element, so a screen reader reading the tag tree skips it.
        cairo_move_to(cr_, kMargin, kPageHeight - kMargin);
        pango_cairo_show_layout(cr_, layout.get());
    }

    cairo_t* cr_;
    const Document& document_;
    double y_ = kMargin;
    int page_ = 1;
};

}  // namespace

Result<std::string> RenderPdf(const Document& document) {
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendToString, &bytes, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kronobarn");
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 0, 0, 0);
    Writer(cr, document).Write();
    cairo_show_page(cr);
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t surface_status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || surface_status != CAIRO_STATUS_SUCCESS) {
        return Error::Internal(std::string("pdf rendering failed: ") +
                               cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : surface_status));
    }
    return bytes;
}

}  // namespace kronobarn::pdf
