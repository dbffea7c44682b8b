// node:os for @actions/core, which imports it whole but on a run reads only the line ending and,
// at load, the platform and architecture. Imported whole, esbuild's interop would copy every
// property of the module at start-up; these three are Node's own definitions of them (os.EOL,
// and os.platform() and os.arch(), which Node documents as process.platform and process.arch),
// so node:os is loaded only if the release is asked for.
export const EOL = process.platform === 'win32' ? '\r\n' : '\n';
export const platform = () => process.platform;
export const arch = () => process.arch;
export const release = () => process.getBuiltinModule('node:os').release();

export default { EOL, platform, arch, release };
