// dist/cli-anthropic.js: the Anthropic SDK (1.2 MB unminified), which the CLI needs only to check
// Claude Code's own protocol. scripts/build.mjs points the CLI's imports of the package here, so
// a run for another client never reads or compiles it (scripts/cliChunks.mjs).
export { default } from '@anthropic-ai/sdk';
