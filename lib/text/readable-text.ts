/**
 * Text that people read (names, titles, reasons, what a form collects) is kept in one Unicode
 * form (NFC), so the same name is always the same string, and refused when it holds what no
 * reader can see or what misleads them: control characters (tabs and line breaks aside), the
 * controls that reorder text around them (a right-to-left override makes a name read otherwise
 * than it is stored), half a character (a lone surrogate), or nothing but spaces and invisible
 * characters. The marks right-to-left text needs (ZWNJ in Persian words, LRM, RLM) are kept.
 */

// Finding control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Embeddings, overrides and isolates: U+202A to U+202E, U+2066 to U+2069. */
const REORDERING = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Spaces of every kind, and the characters that take no room (zero-width, joiners, marks, BOM, soft hyphen). */
const INVISIBLE = /[\s\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E\u061C]|\u034F/g;

const codePoint = (character: string) =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text cannot be kept as people will read it, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'holds half of a character (a lone surrogate)';
  const control = CONTROL.exec(text)?.[0];
  if (control !== undefined) return `holds a control character (${codePoint(control)})`;
  const reordering = REORDERING.exec(text)?.[0];
  if (reordering !== undefined) return `holds a character that reorders the text (${codePoint(reordering)})`;
  if (text.length > 0 && text.replace(INVISIBLE, '') === '')
    return 'is blank: only spaces or invisible characters';
  return undefined;
}

export interface TextProblem {
  path: (string | number)[];
  message: string;
}

/** A copy of a JSON value with every string in NFC, and the problems of its strings where they are. */
export function readableValue(value: unknown): { value: unknown; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  const visit = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) problems.push({ path, message: problem });
      return problem ? node : node.normalize('NFC');
    }
    if (Array.isArray(node)) return node.map((item, i) => visit(item, [...path, i]));
    if (node && typeof node === 'object')
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, visit(item, [...path, key])]),
      );
    return node;
  };
  return { value: visit(value, []), problems };
}
