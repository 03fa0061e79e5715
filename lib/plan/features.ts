/**
 * Features of the language that came after the interpreter, and which of them it runs. The
 * loader refuses a definition using one the interpreter does not run yet (`not-yet-run`), so a
 * request never silently ignores what its definition says: an outcome only the approver may
 * take, a step that tells the citizen its status. A feature is added to `RUN_BY_INTERPRETER`
 * with the interpreter change (and its tests) that runs it.
 */
export const LANGUAGE_FEATURES = {
  'outcome-roles': 'an outcome restricted to roles (`roles`)',
  'applicant-only': 'a task the citizen must do themselves (`applicant: only`)',
  'step-status': 'a status the citizen reads at a step (`status`)',
  'sla-of-service': 'a step with no SLA of its own (`sla: service`)',
  suspend: 'a clock that stands still for an expected time and runs again by itself (`suspend`)',
  'extension-limits': 'extensions limited in number and as a share of the term (`extension`)',
  'ladder-depth': "a ladder's highest level (`maxDepth`)",
  'ladder-every': 'a rung that climbs one level higher every so often (`every`)',
} as const;

export type LanguageFeature = keyof typeof LANGUAGE_FEATURES;

/** The features the interpreter runs now. */
export const RUN_BY_INTERPRETER: ReadonlySet<LanguageFeature> = new Set<LanguageFeature>([
  'applicant-only',
  'outcome-roles',
  'sla-of-service',
  'step-status',
  'extension-limits',
  'suspend',
  'ladder-depth',
  'ladder-every',
]);

/** Every feature: for compiling what the interpreter does not run yet, in tests and tools. */
export const ALL_FEATURES: ReadonlySet<LanguageFeature> = new Set(
  Object.keys(LANGUAGE_FEATURES) as LanguageFeature[],
);
