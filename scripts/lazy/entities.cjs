// `entities` for markdown-it, which decodes named character references (`&copy;`) with it:
// the module unpacks its table of references when it is evaluated, and most changelogs have none.
const real = () => require('entities/lib/decode.js');

module.exports = {
  decodeHTML: text => real().decodeHTML(text),
  decodeHTMLStrict: text => real().decodeHTMLStrict(text)
};
