/**
 * A parsed YAML file that remembers where every value came from, so later checks (schema,
 * compiler) can point at a line and column.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from './problem';
import { formatPath } from './problem';

export type DocPath = readonly (string | number)[];

/** How far aliases may expand a document: far more than any definition needs. */
const MAX_ALIAS_COUNT = 100;

export class YamlSource {
  private constructor(
    readonly file: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Parses a file; syntax errors come back as problems, all of them. */
  static parse(file: string, text: string): { source: YamlSource; problems: Problem[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new YamlSource(file, doc, lines);
    const problems = [...doc.errors, ...doc.warnings].map((error): Problem => {
      const { line, col } = lines.linePos(error.pos[0]);
      return {
        file,
        line,
        column: col,
        path: '',
        message: error.message.split('\n')[0] ?? error.message,
        rule: `yaml/${error.code.toLowerCase().replace(/_/g, '-')}`,
      };
    });
    return { source, problems };
  }

  /**
   * The document as plain data, or a problem when its aliases would expand it beyond reason
   * (a "billion laughs" document is refused here, before it takes the server's memory).
   */
  data(): { data: unknown; problem?: undefined } | { data?: undefined; problem: Problem } {
    try {
      return { data: this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    } catch (error) {
      if (!/alias/i.test((error as Error).message)) throw error;
      return {
        problem: this.problem(
          [],
          `the document's aliases expand too far (more than ${MAX_ALIAS_COUNT} uses of one anchor's content); write the values out`,
          'yaml/excessive-aliases',
        ),
      };
    }
  }

  /**
   * Where a path points: the value's position, or with `key` the position of the key itself.
   * A path that goes further than the document stops at the deepest node that exists.
   */
  position(path: DocPath, options: { key?: boolean } = {}): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let keyNode: unknown;
    for (const part of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part),
        );
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
        node = node.items[part];
      } else {
        break;
      }
    }
    const target = (options.key && keyNode ? keyNode : node) as Node | undefined;
    const offset = target?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** A problem located at a path. */
  problem(path: DocPath, message: string, rule: string, options: { key?: boolean } = {}): Problem {
    return { file: this.file, ...this.position(path, options), path: formatPath(path), message, rule };
  }
}
