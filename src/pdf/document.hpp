// A printable document as blocks of text — headings, paragraphs, list items — and its rendering to
// a tagged PDF with Cairo and Pango. Pango shapes every script (Arabic joins and runs right to
// left) with fonts found by fontconfig; Cairo writes the structure tags (H1, H2, P, L/LI) so a
// screen reader reads the PDF in order. Knows nothing of plans or HTTP: the web layer and the CLI
// fill a Document in the reader's language.
#pragma once

#include <string>
#include <vector>

#include "common/result.hpp"

namespace kronobarn::pdf {

enum class BlockKind { kTitle, kHeading, kParagraph, kListItem, kNote };

struct Block {
    BlockKind kind = BlockKind::kParagraph;
    std::string text;  // UTF-8, plain text (no markup)
};

struct Document {
    std::string title;     // document metadata and first heading
    std::string language;  // BCP 47, e.g. "sv", "ar"
    bool right_to_left = false;
    std::string footer;  // printed at the bottom of every page, e.g. the date and "page"
    std::vector<Block> blocks;

    Document& Add(BlockKind kind, std::string text) {
        blocks.push_back({kind, std::move(text)});
        return *this;
    }
};

// The PDF bytes (A4). kInternal when Cairo fails.
Result<std::string> RenderPdf(const Document& document);

}  // namespace kronobarn::pdf
