// dist/cli-undici.js: undici from npm (0.8 MB), which the CLI needs only when a proxy variable is
// set (src/cli/envNetwork.ts). All of it: its index adds the request methods to every dispatcher,
// which ProxyAgent's CONNECT tunnel needs (scripts/cliChunks.mjs).
export * from 'undici';
