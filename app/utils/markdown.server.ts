import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown written by staff, rendered to HTML that is safe to show to fans: only text formatting, lists,
 * quotes, code and links survive (no raw HTML, scripts, styles, images or event handlers); links open in a new
 * tab without passing the page on.
 */
export function renderMarkdown(markdown: string) {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, {
    allowedTags: ["p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "h4", "hr", "a", "table", "thead", "tbody", "tr", "th", "td"],
    allowedAttributes: { a: ["href", "title", "target", "rel"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: {
      h1: "h2",
      a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer nofollow" }),
    },
  });
}
