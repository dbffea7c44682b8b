// @actions/core's job summary module loads fs.promises and readline when evaluated (a measurable
// part of a plain run's start-up: ARCHITECTURE.md). The action writes its summary itself, with
// appendFileSync, and never uses core.summary; this stands in for the module, and says so if
// anything ever does.
const unused = name =>
  new Proxy(
    {},
    {
      get() {
        throw new Error(
          `@actions/core's ${name} is not bundled: the action writes its summary itself`
        );
      }
    }
  );

export const summary = unused('summary');
export const markdownSummary = unused('markdownSummary');
