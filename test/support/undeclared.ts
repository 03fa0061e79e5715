/**
 * Fields an answer holds that its schema in the OpenAPI document does not declare. A schema that
 * lists `properties` and says nothing of others allows them, so validation passes answers the
 * document does not describe; this finds them, by the path of each.
 */

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  components?: { schemas?: Record<string, Schema> };
};

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  const name = schema.$ref?.replace('#/components/schemas/', '');
  return name ? (doc.components?.schemas?.[name] ?? {}) : schema;
}

/** The paths of `value` that `schema` does not declare. */
export function undeclaredFields(schema: Schema, value: unknown, doc: OpenApiDocument, path = ''): string[] {
  const s = resolve(schema, doc);
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    // The branch that declares the most of it: an answer is one of them.
    const each = branches.map((branch) => undeclaredFields(branch, value, doc, path));
    return each.reduce((best, found) => (found.length < best.length ? found : best));
  }
  if (s.allOf) {
    const each = s.allOf.map((part) => new Set(undeclaredFields(part, value, doc, path)));
    return [...(each[0] ?? [])].filter((field) => each.every((found) => found.has(field)));
  }
  if (Array.isArray(value))
    return s.items
      ? value.flatMap((item, i) => undeclaredFields(s.items ?? {}, item, doc, `${path}[${i}]`))
      : [];
  if (value === null || typeof value !== 'object') return [];
  if (!s.properties && s.additionalProperties === undefined && !s.patternProperties) return [];
  const found: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const declared =
      s.properties?.[key] ??
      Object.entries(s.patternProperties ?? {}).find(([pattern]) =>
        new RegExp(pattern, 'u').test(key),
      )?.[1] ??
      (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    if (declared) found.push(...undeclaredFields(declared, field, doc, at));
    else if (s.additionalProperties !== true) found.push(at);
  }
  return found;
}

/** The schema of an operation's answer: by method, the address's path and the status. */
export function answerSchema(
  doc: OpenApiDocument,
  method: string,
  url: string,
  status: number,
): Schema | undefined {
  const pathname = new URL(url, 'http://localhost').pathname;
  const template =
    pathname in doc.paths
      ? pathname
      : Object.keys(doc.paths).find((candidate) =>
          new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname),
        );
  const response = template
    ? (doc.paths[template]?.[method.toLowerCase()]?.responses?.[String(status)] as
        { content?: Record<string, { schema?: Schema }> } | undefined)
    : undefined;
  return (
    response?.content?.['application/json']?.schema ?? response?.content?.['application/problem+json']?.schema
  );
}
