// Preloaded with --require: writes the files the process loaded to $RECORD_LOADED at exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.RECORD_LOADED, JSON.stringify(Object.keys(require.cache)));
});
