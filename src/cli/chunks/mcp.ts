// dist/cli-mcp.js: the MCP SDK's server and its stdio transport (0.5 MB with ajv and their zod),
// which the CLI needs only with --mcp (scripts/cliChunks.mjs). Schemas built with the doctor's own
// zod work here: the SDK tells zod 4 schemas by their shape, and zod keeps one registry per process.
export { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
