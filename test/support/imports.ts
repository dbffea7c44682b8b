// What a package's source imports from a module: the tests that hold the bundle's stand-ins
// (scripts/lazy) to every name a package uses read it.

/**
 * The names imported in braces from `module` (or exported again from it), and the local names of
 * its whole imports: ES module imports, and CommonJS requires (as TypeScript compiles them,
 * through `__importStar` or not).
 */
export function importsFrom(source: string, module: string): { named: string[]; whole: string[] } {
  const named: string[] = [];
  const whole: string[] = [];
  const quoted = `['"]${module.replace(/[/.]/g, '\\$&')}['"]`;
  const statements = [
    new RegExp(`(?:import|export) (?:\\{([^}]*)\\}|(?:\\* as )?(\\w+)) from ${quoted}`, 'g'),
    new RegExp(
      `(?:const|let|var) (?:\\{([^}]*)\\}|(\\w+)) = (?:__importStar\\()?require\\(${quoted}\\)`,
      'g'
    )
  ];
  for (const statement of statements)
    for (const [, list, alias] of source.matchAll(statement)) {
      if (list === undefined) whole.push(alias);
      else
        named.push(
          ...list
            .split(',')
            .map(name => name.trim().split(/\s+as\s+|\s*:\s*/)[0])
            .filter(Boolean)
        );
    }
  return { named, whole };
}
