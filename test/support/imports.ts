// What a package's source imports from a module: the tests that hold the bundle's stand-ins
// (scripts/lazy) to every name a package uses read it.

/** The names imported in braces from `module`, and the local names of its whole imports. */
export function importsFrom(source: string, module: string): { named: string[]; whole: string[] } {
  const named: string[] = [];
  const whole: string[] = [];
  const statement = new RegExp(`import (?:\\{([^}]*)\\}|(?:\\* as )?(\\w+)) from '${module}'`, 'g');
  for (const [, list, alias] of source.matchAll(statement)) {
    if (list === undefined) whole.push(alias);
    else
      named.push(
        ...list
          .split(',')
          .map(name => name.trim())
          .filter(Boolean)
      );
  }
  return { named, whole };
}
