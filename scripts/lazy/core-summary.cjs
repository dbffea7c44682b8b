// @actions/core's job summary reads fs.promises when evaluated, which loads readline and a dozen
// more modules (about 1 ms of start-up). The action writes its summary with appendFileSync; this
// stands in for the module and evaluates it only if something uses it.
const real = () => require('../../node_modules/@actions/core/lib/summary.js');

const lazy = name =>
  new Proxy(
    {},
    {
      get(_target, key) {
        const target = real()[name];
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      }
    }
  );

module.exports = { summary: lazy('summary'), markdownSummary: lazy('markdownSummary') };
