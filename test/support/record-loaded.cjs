// Preloaded with --require: writes what the process loaded to $RECORD_LOADED at exit — the files
// and Node's own modules (internal ones under their internal/ names).
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter(entry => entry.startsWith('NativeModule '))
    .map(entry => entry.slice('NativeModule '.length));
  writeFileSync(
    process.env.RECORD_LOADED,
    JSON.stringify({ files: Object.keys(require.cache), builtins })
  );
});
