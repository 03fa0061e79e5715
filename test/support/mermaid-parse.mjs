// Parses Mermaid diagrams with Mermaid's own parser (it needs a DOM, so jsdom stands in).
// Reads a JSON array of diagram texts on stdin; prints a JSON array of null (valid) or the
// parser's message. Runs as a child process because Mermaid is an ES module.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    await mermaid.parse(text);
    results.push(null);
  } catch (error) {
    results.push(String(error.message ?? error));
  }
}
process.stdout.write(JSON.stringify(results));
