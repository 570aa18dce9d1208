#include "web/html.hpp"

namespace kronobarn::web {

void Html::AppendEscaped(std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out_.append("&amp;");
                break;
            case '<':
                out_.append("&lt;");
                break;
            case '>':
                out_.append("&gt;");
                break;
            case '"':
                out_.append("&quot;");
                break;
            case '\'':
                out_.append("&#39;");
                break;
            default:
                out_.push_back(c);
        }
    }
}

std::string EscapeHtml(std::string_view text) {
    Html html;
    html << text;
    return html.Take();
}

}  // namespace kronobarn::web
