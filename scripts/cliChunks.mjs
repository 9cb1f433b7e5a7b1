// The CLI in files: dist/cli.js (the launcher), dist/cli-main.js (the doctor, run from V8's code
// cache), and chunks of packages only some runs need, required when first used. Every start reads
// and deserialises cli-main.js, so what most runs never touch stays out of it: measured on the
// 2-core machine, cli-main.js 4.3 → 1.5 MB (development build), a run against the sandbox 22 ms
// and --version 27 ms less CPU (20 runs each).
// Read by the build (scripts/build.mjs), the npm package (scripts/npmPackage.mjs), the notices
// (scripts/shipped.mjs) and the release check (scripts/checkRelease.mjs).

/** Each chunk: its file in dist, its entry module, and the imports (exact specifiers) it serves. */
export const CLI_CHUNKS = [
  { file: 'cli-anthropic.js', entry: 'src/cli/chunks/anthropic.ts', serves: ['@anthropic-ai/sdk'] },
  { file: 'cli-undici.js', entry: 'src/cli/chunks/undici.ts', serves: ['undici'] },
  { file: 'cli-mcp.js', entry: 'src/cli/chunks/mcp.ts', serves: ['@modelcontextprotocol/sdk/server/mcp.js', '@modelcontextprotocol/sdk/server/stdio.js'] },
];

/** The CLI's files in dist, as they ship in its npm package. */
export const CLI_FILES = ['cli.js', 'cli-main.js', ...CLI_CHUNKS.map((c) => c.file)];

/**
 * An esbuild plugin: outside the chunks themselves, an import a chunk serves becomes a require of
 * that chunk's file, beside the bundle (dist/).
 */
export const cliChunkImports = {
  name: 'cli-chunk-imports',
  setup(build) {
    const chunkOf = new Map(CLI_CHUNKS.flatMap((c) => c.serves.map((specifier) => [specifier, c])));
    const filter = new RegExp(`^(${[...chunkOf.keys()].map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      if (args.importer.replaceAll('\\', '/').includes('/src/cli/chunks/')) return undefined;
      return { path: `./${chunkOf.get(args.path).file}`, external: true };
    });
  },
};
