/**
 * Messages in the caller's language: the API answers problem details in Persian or English by
 * the request's Accept-Language. Without one, or with neither language in it, the answer is in
 * English (what a developer with curl reads); the web app asks for Persian. Every message the
 * API makes is written in English first; the catalog (message-catalog.ts) gives each sentence
 * it can be made of in Persian, and a sentence missing from it is answered in English.
 */
import { YAML_ERRORS_FA } from './definition-message-catalog';
import { PROBLEM_TITLES_FA, SENTENCES_FA, WORDS_FA } from './message-catalog';
import type { ProblemSlug } from './problem';

export type Language = 'fa' | 'en';

/** The language to answer in, by RFC 9110's Accept-Language: the preferred of fa and en, else en. */
export function negotiateLanguage(header: string | undefined): Language {
  let best: { language: Language; q: number } | undefined;
  for (const range of (header ?? '').split(',')) {
    const [tag = '', ...params] = range.trim().toLowerCase().split(';');
    const language = tag.split('-')[0];
    if (language !== 'fa' && language !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'en';
}

/** The language a caller asked for, from their request's Accept-Language. */
export const callerLanguage = (req: { get(name: string): string | undefined }): Language =>
  negotiateLanguage(req.get('accept-language'));

interface Template {
  pattern: RegExp;
  slots: { name: string; kind?: string }[];
  persian: string;
}

const compiled = new Map<string, Template[]>();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Task {id} is held by {holder:role}` → a pattern capturing each slot, and the slots' kinds. */
function compile(english: string, persian: string): Template {
  const slots: Template['slots'] = [];
  const parts = english.split(/(\{[a-z]+(?::[a-z-]+)?\})/i);
  const source = parts
    .map((part, i) => {
      const slot = /^\{([a-z]+)(?::([a-z-]+))?\}$/i.exec(part);
      if (!slot) return escape(part);
      slots.push({ name: slot[1] ?? '', ...(slot[2] ? { kind: slot[2] } : {}) });
      // The last slot takes the rest; the others as little as lets the sentence match.
      return i === parts.length - 2 && parts.at(-1) === '' ? '(.+)' : '(.+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 's'), slots, persian };
}

function templatesOf(kind: string): Template[] {
  let found = compiled.get(kind);
  if (!found) {
    found = (SENTENCES_FA[kind] ?? []).map(([english, persian]) => compile(english, persian));
    compiled.set(kind, found);
  }
  return found;
}

/** A text of a kind in Persian, or undefined when no sentence of the kind fits it. */
function persianOf(text: string, kind: string): string | undefined {
  const words = WORDS_FA[kind];
  if (words) return words[text];
  for (const template of templatesOf(kind)) {
    const match = template.pattern.exec(text);
    if (!match) continue;
    const values: Record<string, string> = {};
    const fits = template.slots.every((slot, i) => {
      const value = match[i + 1] ?? '';
      const said = slot.kind ? persianOf(value, slot.kind) : value;
      if (said === undefined) return false;
      values[slot.name] = said;
      return true;
    });
    if (fits) return template.persian.replace(/\{([a-z]+)\}/gi, (_, name: string) => values[name] ?? '');
  }
  return undefined;
}

/** A message in the language asked for; `kind` names what it is when it is not a whole detail. */
export function say(text: string, language: Language, kind = 'detail'): string {
  return language === 'en' ? text : (persianOf(text, kind) ?? text);
}

/** Whether the catalog has the sentence in Persian (for the test that keeps it complete). */
export function hasPersian(text: string, kind = 'detail'): boolean {
  return persianOf(text, kind) !== undefined;
}

export function problemTitle(slug: ProblemSlug, english: string, language: Language): string {
  return language === 'fa' ? PROBLEM_TITLES_FA[slug] : english;
}

/** A definition's problem in the language asked for: YAML's own by its rule, the compiler's by its sentence. */
export function sayDefinitionProblem<P extends { message: string; rule: string }>(
  problem: P,
  language: Language,
): P {
  if (language === 'en') return problem;
  return {
    ...problem,
    message: YAML_ERRORS_FA[problem.rule] ?? say(problem.message, language, 'definition-problem'),
  };
}

/** The `errors` a problem lists, in the language asked for: form problems, fields or a definition's problems. */
export function sayErrors(errors: unknown, language: Language): unknown {
  if (language === 'en' || !Array.isArray(errors)) return errors;
  return errors.map((error: unknown) => {
    if (typeof error === 'string') return say(error, language, 'form-error');
    if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
      const located = error as { message: string; rule?: unknown };
      if (typeof located.rule === 'string')
        return sayDefinitionProblem({ ...located, rule: located.rule }, language);
      const field = error as { message: string };
      // A schema's message (invalid-request), or a form's sentence (invalid-form-data).
      const kind = hasPersian(field.message, 'schema-message') ? 'schema-message' : 'form-error';
      return { ...field, message: say(field.message, language, kind) };
    }
    return error;
  });
}
