// linkify-it for markdown-it, which constructs one even with `linkify: false`: the parser runs
// with linkify off (src/markup/parse.ts reads autolink literals itself), so nothing calls it.
module.exports = class LinkifyIt {};
