/**
 * The designer's command line: `npm run pishkhan -- <command>`.
 *
 *   validate [paths...]          check definition files (default: all of them) and the organisation
 *                                folders among the paths; exit 1 on problems
 *   diagram <service|file>       print a Mermaid flowchart of the latest version (of its file
 *                                before it is published), or of a file
 *   diff <service> [from] [to]   compare two versions (numbers) or a version with a file
 *   publish [services...]        publish changed definition files (all of them with --all) to a
 *                                running system (--api, with a designer's token), or to the local store
 *   versions <service>           list the published versions (each time in ISO 8601 and Jalali)
 *   rollback <service> <version> publish an older version's content again (through a running
 *                                system with --api and a designer's token, or in the local store)
 *
 * diagram, diff and versions read the store's versions, or a running system's with --api; when
 * the running system holds the embedded store (npm start), they read them through its API.
 *   token <person>               print a bearer token for a person of the organisation
 *   people [--unit <unit>]       list the people of the organisation and their roles; of one
 *                                unit, or who may act for a holder of work
 *   store check|rebuild          compare the work store with the requests in Temporal, or rewrite
 *                                it from them, through a running system (as an administrator)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { cityDate } from '../lib/calendar/working-time';
import { formatJalali } from '../lib/calendar/jalali';
import { compileDefinitionText, definitionFiles } from '../lib/definitions/catalog';
import { Designer, VersionNotFoundError } from '../lib/definitions/designer';
import { diagram } from '../lib/definitions/diagram';
import { diffPlans, formatDiff } from '../lib/definitions/diff';
import { displayPath } from '../lib/definitions/load-yaml';
import { DefinitionError, formatProblem, sortProblems, type Problem } from '../lib/definitions/problem';
import { startProblems } from '../lib/definitions/start-problems';
import { VersionStore, type VersionSummary } from '../lib/definitions/version-store';
import { EmbeddedDatabaseBusyError } from '../store/database';
import { openConfiguredStore } from '../store/open-store';
import { assertSafeAuth, loadConfig, type Config } from '../lib/config';
import { actsFor } from '../api/auth/actor';
import { claimsOfPerson } from '../api/auth/people';
import type { Person } from '../lib/generated/organisation';
import { MAX_TOKEN_SECONDS, mintToken } from '../api/auth/tokens';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import type { Organisation } from '../lib/organisation/organisation';
import { startGaps } from '../lib/organisation/start-coverage';
import type { ServicePlan } from '../lib/plan/types';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A failure to report as one line, with exit status 1. */
class CliError extends Error {}

/** Where the published versions are, in words. */
const storeName = (config: Config) =>
  config.store.url ? 'the database of DATABASE_URL' : displayPath(config.store.dataDir);

/**
 * Runs `work` with a designer over the published versions of the store, closed afterwards;
 * `instead` says how to do the same through the running system that holds the embedded store.
 */
async function withDesigner<T>(
  config: Config,
  instead: string,
  work: (designer: Designer) => T | Promise<T>,
): Promise<T> {
  const store = await openConfiguredStore(config.store).catch((error: unknown) => {
    if (error instanceof EmbeddedDatabaseBusyError)
      throw new CliError(
        `${error.message}: ${instead} with --api <url> and a designer's token, stop it first, or set DATABASE_URL to a PostgreSQL server`,
      );
    throw error;
  });
  try {
    const versions = await VersionStore.open(store.db);
    await versions.importFiles(config.publishedDir);
    return await work(new Designer(loadOrganisation(config.organisationDir), versions));
  } finally {
    await store.close();
  }
}

/** The published versions the reading commands see: the store's, or a running system's. */
interface Published {
  /** Where they are, in words. */
  where: string;
  latest(serviceId: string): Promise<{ version: number; plan: ServicePlan } | undefined>;
  plan(serviceId: string, version: number): Promise<ServicePlan>;
  /** Oldest first; none for a service never published. */
  versions(serviceId: string): Promise<VersionSummary[]>;
}

const storeReader = (designer: Designer, where: string): Published => ({
  where,
  latest: (serviceId) => Promise.resolve(designer.store.latest(serviceId)),
  plan: async (serviceId, version) => (await designer.version(serviceId, version)).plan,
  versions: (serviceId) => Promise.resolve(designer.store.versions(serviceId)),
});

/** The published versions of a running system, read through its public API. */
function apiReader(api: string): Published {
  const get = async (path: string): Promise<Record<string, unknown> | undefined> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, api));
    } catch (error) {
      throw new CliError(`could not reach ${api}: ${(error as Error).message}`);
    }
    if (response.status === 404) return undefined;
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok)
      throw new CliError(
        `${api} answered ${response.status}: ${typeof answer.detail === 'string' ? answer.detail : ''}`,
      );
    return answer;
  };
  const of = (serviceId: string) => `/api/definitions/${encodeURIComponent(serviceId)}`;
  return {
    where: api,
    latest: async (serviceId) => {
      const found = await get(of(serviceId));
      return found && { version: found.version as number, plan: found.plan as ServicePlan };
    },
    plan: async (serviceId, version) => {
      const found = await get(`${of(serviceId)}/versions/${version}`);
      if (!found) throw new VersionNotFoundError(`service '${serviceId}' has no version ${version}`);
      return found.plan as ServicePlan;
    },
    versions: async (serviceId) =>
      ((await get(`${of(serviceId)}/versions`))?.items as VersionSummary[] | undefined) ?? [],
  };
}

/** The API of the system this configuration runs (`npm start`), as a client reaches it. */
function localApi(config: Config): string {
  const host = ['0.0.0.0', '::', ''].includes(config.api.host) ? '127.0.0.1' : config.api.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.api.port}`;
}

/**
 * Runs `work` over the published versions: a running system's with `api`; else the store's,
 * or, when the running system holds the embedded store, that system's through its API.
 */
async function withPublished<T>(
  config: Config,
  io: Io,
  api: string | undefined,
  work: (published: Published, org: Organisation) => Promise<T>,
): Promise<T> {
  const org = loadOrganisation(config.organisationDir);
  if (api) return work(apiReader(api), org);
  let store: Awaited<ReturnType<typeof openConfiguredStore>>;
  try {
    store = await openConfiguredStore(config.store);
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseBusyError)) throw error;
    const running = localApi(config);
    io.err(`${error.message}: reading its versions from ${running}`);
    return work(apiReader(running), org);
  }
  try {
    const versions = await VersionStore.open(store.db);
    await versions.importFiles(config.publishedDir);
    return await work(storeReader(new Designer(org, versions), storeName(config)), org);
  } finally {
    await store.close();
  }
}

/** A folder holding organisation.yaml is the organisation's: its files are not services. */
const isOrganisationFolder = (dir: string) => existsSync(join(dir, 'organisation.yaml'));

/** The service files and the organisation folders among paths given on the command line. */
function filesIn(paths: string[]): { services: string[]; organisations: string[] } {
  const services: string[] = [];
  const organisations = new Set<string>();
  const walk = (path: string) => {
    if (!statSync(path).isDirectory()) {
      if (isOrganisationFolder(dirname(path))) organisations.add(dirname(path));
      else services.push(path);
      return;
    }
    if (isOrganisationFolder(path)) {
      organisations.add(path);
      return;
    }
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const inside = join(path, entry.name);
      if (entry.isDirectory()) walk(inside);
      else if (['.yaml', '.yml'].includes(extname(entry.name))) walk(inside);
    }
  };
  paths.forEach(walk);
  return { services, organisations: [...organisations] };
}

/** Problems of an organisation folder, as its loader finds them. */
function organisationProblems(dir: string): Problem[] {
  try {
    loadOrganisation(dir);
    return [];
  } catch (error) {
    if (error instanceof DefinitionError) return error.problems;
    throw error;
  }
}

/** The definition file of a service in the services folder. */
function fileOf(config: Config, serviceId: string): string | undefined {
  return definitionFiles(config.servicesDir).find((path) => basename(path, extname(path)) === serviceId);
}

/**
 * A service's latest published version, or, before it is first published (a fresh clone), its
 * definition file as it stands.
 */
async function latestOrFile(
  published: Published,
  org: Organisation,
  config: Config,
  serviceId: string,
): Promise<{ plan: ServicePlan; name: string; published: boolean }> {
  const latest = await published.latest(serviceId);
  if (latest) return { plan: latest.plan, name: `v${latest.version}`, published: true };
  const file = fileOf(config, serviceId);
  if (!file) throw new CliError(noSuchService(config, published.where, serviceId));
  return { plan: compileFile(org, file), name: displayPath(file), published: false };
}

const noSuchService = (config: Config, where: string, serviceId: string) =>
  `there is no service '${serviceId}': no version in ${where} and no file ${serviceId}.yaml in ${displayPath(config.servicesDir)}`;

function compileFile(org: Organisation, path: string): ServicePlan {
  const { plan, problems } = compileDefinitionText(displayPath(path), readFileSync(path, 'utf8'), org);
  if (!plan) throw new DefinitionError(problems);
  return plan;
}

/** A published version by its number, or a definition file compiled as it stands. */
async function planOf(
  published: Published,
  org: Organisation,
  serviceId: string,
  ref: string,
): Promise<{ plan: ServicePlan; name: string }> {
  if (/^\d+$/.test(ref)) return { plan: await published.plan(serviceId, Number(ref)), name: `v${ref}` };
  if (!existsSync(ref)) throw new CliError(`'${ref}' is neither a version number nor a file`);
  return { plan: compileFile(org, ref), name: displayPath(resolve(ref)) };
}

/** The designer's token to publish or roll back through a running system; without one, what to do. */
function needToken(doing: string, api: string, token: string | undefined): string {
  if (!token)
    throw new CliError(
      `${doing} ${api} needs a designer's token: --token or PISHKHAN_TOKEN (npm run pishkhan -- token p-process-designer)`,
    );
  return token;
}

/** Rolls a service back through a running system's API, as a designer. */
async function rollbackOnApi(
  io: Io,
  serviceId: string,
  version: number,
  api: string,
  token: string | undefined,
): Promise<void> {
  const bearer = needToken('rolling back on', api, token);
  let response: Response;
  try {
    response = await fetch(new URL(`/api/definitions/${encodeURIComponent(serviceId)}/rollback`, api), {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version }),
    });
  } catch (error) {
    throw new CliError(`could not reach ${api}: ${(error as Error).message}`);
  }
  const answer = (await response.json().catch(() => ({}))) as { version?: number; detail?: string };
  if (response.status !== 201)
    throw new CliError(`${api} refused the rollback (${response.status}): ${answer.detail ?? ''}`);
  io.out(`${serviceId}: version ${answer.version ?? '?'} restores version ${version} on ${api}`);
}

/**
 * Publishes definition files through a running system's API, as a designer: each answer says
 * the version made, or the problems found, located in the local file.
 */
async function publishToApi(io: Io, files: string[], api: string, token: string | undefined): Promise<void> {
  const bearer = needToken('publishing to', api, token);
  const problems: Problem[] = [];
  for (const file of files) {
    const url = new URL('/api/definitions', api);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/yaml' },
        body: readFileSync(file, 'utf8'),
      });
    } catch (error) {
      throw new CliError(`could not reach ${api}: ${(error as Error).message}`);
    }
    const answer = (await response.json().catch(() => ({}))) as {
      serviceId?: string;
      version?: number;
      created?: boolean;
      detail?: string;
      problems?: Problem[];
    };
    if (response.status === 201 || response.status === 200) {
      io.out(
        `${answer.serviceId ?? file}: ${answer.created ? `published version ${answer.version ?? '?'} on ${api}` : `unchanged on ${api} (version ${answer.version ?? '?'})`}`,
      );
    } else if (answer.problems) {
      problems.push(...answer.problems.map((problem) => ({ ...problem, file: displayPath(file) })));
    } else {
      throw new CliError(`${api} refused ${displayPath(file)} (${response.status}): ${answer.detail ?? ''}`);
    }
  }
  if (problems.length > 0) throw new DefinitionError(problems);
}

/**
 * Why a unit given to `people` names nothing of the organisation, or undefined when it names
 * something: an office, a district, a department (`urban-planning`: of every district), a
 * department's unit (`d05.urban-planning`, `treasury`), or a holder of work
 * (`department:<unit>[/<role>]`, `head:<unit>`, `office:<office>`, `agency:<agency>`).
 */
function unknownUnit(org: Organisation, unit: string): string | undefined {
  const [kind, rest = ''] = unit.includes(':') ? unit.split(/:(.*)/s) : ['', unit];
  if (kind === 'office') return org.office(rest) ? undefined : `there is no office '${rest}'`;
  if (kind === 'agency') return org.agency(rest) ? undefined : `there is no agency '${rest}'`;
  if (kind !== '' && kind !== 'department' && kind !== 'head')
    return `'${kind}:' is not a holder of work of the organisation (office:, department:, head:, agency:)`;
  const [instance = '', role] = rest.split('/');
  if (kind === 'head' && role !== undefined) return `a head holds no role: '${unit}'`;
  if (kind === '' && role !== undefined)
    return `a role is held within a holder of work: 'department:${rest}'`;
  if (kind === '' && (org.office(instance) || org.district(instance))) return undefined;
  const dot = instance.indexOf('.');
  const district = dot < 0 ? undefined : instance.slice(0, dot);
  const department = org.department(dot < 0 ? instance : instance.slice(dot + 1));
  if (!department) return `there is no office, district or department '${instance}'`;
  if (district !== undefined && !org.district(district)) return `there is no district '${district}'`;
  if (district !== undefined && !department.perDistrict)
    return `${department.id} is one department for the whole city: '${department.id}', not '${instance}'`;
  if (district === undefined && department.perDistrict && kind !== '')
    return `${department.id} has a unit in each district: '${kind}:d05.${department.id}'`;
  if (role !== undefined && !(department.roles ?? []).some((r) => r.id === role))
    return `${department.id} has no role '${role}'; its roles: ${(department.roles ?? []).map((r) => r.id).join(', ') || 'none'}`;
  return undefined;
}

/**
 * Whether a person is of a unit (an office, a district, a department in every district or one
 * unit of it), or, for a holder of work such as `department:d05.urban-planning/plan-reviewer`,
 * may act for it: by the rule the API applies to a task's holder.
 */
function belongsTo(org: Organisation, person: Person, unit: string, district?: string): boolean {
  const claims = claimsOfPerson(person);
  if (unit.includes(':')) {
    const inUnit = /^(?:department|head):(d\d+)\./.exec(unit)?.[1];
    return actsFor(claims, { principal: unit, district: inUnit ?? district ?? '' }, org);
  }
  if (claims.office) return claims.office === unit;
  const binding = [claims.district, claims.department].filter(Boolean).join('.');
  return binding === unit || claims.district === unit || claims.department === unit;
}

const READ_API = 'read the published versions of a running pishkhan API instead of the store';

export function buildProgram(io: Io, config: Config = loadConfig()): Command {
  const program = new Command('pishkhan')
    .description('Tools for the service definitions of pishkhan')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });

  program
    .command('validate')
    .description(
      'check definition files; every problem is printed, the exit status says whether there were any',
    )
    .argument('[paths...]', 'files or folders', [config.servicesDir])
    .action((paths: string[]) => {
      const { services: files, organisations } = filesIn(paths);
      const problems: Problem[] = organisations.flatMap(organisationProblems);
      if (problems.length > 0) {
        for (const problem of sortProblems(problems)) io.out(formatProblem(problem));
        throw new CliError(
          `the organisation has ${problems.length} problem(s); services are checked against it`,
        );
      }
      const org = loadOrganisation(config.organisationDir);
      const plans: ServicePlan[] = [];
      for (const file of files) {
        const { plan, problems: found } = compileDefinitionText(
          displayPath(file),
          readFileSync(file, 'utf8'),
          org,
        );
        problems.push(...found);
        if (plan) plans.push(plan);
      }
      const today = cityDate(org.calendar, Date.now());
      problems.push(...startProblems(startGaps(org, plans, today), files));
      for (const problem of sortProblems(problems)) io.out(formatProblem(problem));
      const organisation = organisations.length > 0 ? ' and the organisation' : '';
      io.out(
        `${files.length} definition${files.length === 1 ? '' : 's'}${organisation} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      );
      if (problems.length > 0) throw new CliError('');
    });

  program
    .command('diagram')
    .description('print a Mermaid flowchart of a service (its latest version) or of a definition file')
    .argument('<service-or-file>')
    .option('--version <n>', 'a published version instead of the latest')
    .option('--api <url>', READ_API, process.env.PISHKHAN_API_URL)
    .action((target: string, options: { version?: string; api?: string }) => {
      if (target.endsWith('.yaml') || target.endsWith('.yml'))
        return io.out(diagram(compileFile(loadOrganisation(config.organisationDir), target)).trimEnd());
      return withPublished(config, io, options.api, async (published, org) => {
        if (options.version)
          return io.out(diagram(await published.plan(target, Number(options.version))).trimEnd());
        const found = await latestOrFile(published, org, config, target);
        if (!found.published)
          io.err(`drawn from ${found.name}: no version is published in ${published.where}`);
        io.out(diagram(found.plan).trimEnd());
      });
    });

  program
    .command('diff')
    .description(
      'compare two versions of a service step by step; a file stands for what publishing it would give',
    )
    .argument('<service>')
    .argument('[from]', 'version number or file (default: the one before `to`)')
    .argument('[to]', 'version number or file (default: the latest)')
    .option('--api <url>', READ_API, process.env.PISHKHAN_API_URL)
    .action(
      (
        serviceId: string,
        fromRef: string | undefined,
        toRef: string | undefined,
        options: { api?: string },
      ) =>
        withPublished(config, io, options.api, async (published, org) => {
          const latest = (await published.latest(serviceId))?.version ?? 0;
          const file = fileOf(config, serviceId);
          if (latest === 0 && !file) throw new CliError(noSuchService(config, published.where, serviceId));
          // The last two versions; with one, that version and the file; with none, the file is all new.
          const defaultTo = latest >= 2 || !file ? String(latest) : file;
          const to = await planOf(published, org, serviceId, toRef ?? defaultTo);
          if (latest === 0 && fromRef === undefined) {
            const nothing = { ...to.plan, steps: {} };
            io.out(formatDiff(diffPlans(nothing, to.plan), `${serviceId}: nothing published → ${to.name}`));
            return;
          }
          const defaultFrom = String(Math.max(1, latest >= 2 && toRef === undefined ? latest - 1 : latest));
          const from = await planOf(published, org, serviceId, fromRef ?? defaultFrom);
          io.out(formatDiff(diffPlans(from.plan, to.plan), `${serviceId}: ${from.name} → ${to.name}`));
        }),
    );

  program
    .command('publish')
    .description(
      'publish changed definition files: to a running system with --api and a designer token, or to the local store',
    )
    .argument('[services...]', 'service ids (default with --all: every file)')
    .option('--all', 'every definition file')
    .option('--api <url>', 'a running pishkhan API to publish to', process.env.PISHKHAN_API_URL)
    .option('--token <token>', "a designer's bearer token for --api", process.env.PISHKHAN_TOKEN)
    .option('--by <name>', 'who publishes to the local store, for the record', process.env.USER ?? 'cli')
    .action(
      async (services: string[], options: { all?: boolean; api?: string; token?: string; by: string }) => {
        if (services.length === 0 && !options.all)
          throw new CliError('name the services to publish, or use --all');
        const files = definitionFiles(config.servicesDir).filter(
          (file) => options.all || services.includes(basename(file, extname(file))),
        );
        const missing = services.filter((id) => !files.some((file) => basename(file, extname(file)) === id));
        if (missing.length > 0) throw new CliError(`no definition file for ${missing.join(', ')}`);
        if (options.api) return publishToApi(io, files, options.api, options.token);
        const store = storeName(config);
        const problems = await withDesigner(config, 'publish to it', async (designer) => {
          io.out(
            `publishing to the store ${store}: no server is asked (systems on this store start new requests on it; --api <url> with a designer's token publishes to a running one)`,
          );
          const problems: Problem[] = [];
          for (const file of files) {
            const result = await designer.publish(
              displayPath(file),
              readFileSync(file, 'utf8'),
              options.by,
              `published from ${displayPath(file)}`,
            );
            if ('problems' in result) problems.push(...result.problems);
            else
              io.out(
                `${result.serviceId}: ${result.created ? `version ${result.version} written to ${store}` : `unchanged (version ${result.version})`}`,
              );
          }
          return problems;
        });
        if (problems.length > 0) throw new DefinitionError(problems);
      },
    );

  program
    .command('versions')
    .description('list the published versions of a service')
    .argument('<service>')
    .option('--api <url>', READ_API, process.env.PISHKHAN_API_URL)
    .action((serviceId: string, options: { api?: string }) =>
      withPublished(config, io, options.api, async (published, org) => {
        const versions = await published.versions(serviceId);
        if (versions.length === 0) {
          const file = fileOf(config, serviceId);
          if (!file) throw new CliError(noSuchService(config, published.where, serviceId));
          io.out(
            `${serviceId}: no version is published in ${published.where}; ${displayPath(file)} becomes version 1 when it is (npm start publishes new services)`,
          );
          return;
        }
        for (const v of versions) {
          const rollback = v.rolledBackFrom ? ` (restores v${v.rolledBackFrom})` : '';
          io.out(
            `v${v.version}  ${v.publishedAt}  ${formatJalali(new Date(v.publishedAt), org.calendar.timeZone)}  ${v.publishedBy}  ${v.hash.slice(0, 12)}  ${v.note}${rollback}`,
          );
        }
      }),
    );

  program
    .command('rollback')
    .description("publish an older version's content again, as the newest version")
    .argument('<service>')
    .argument('<version>')
    .option('--api <url>', 'a running pishkhan API to roll back on', process.env.PISHKHAN_API_URL)
    .option('--token <token>', "a designer's bearer token for --api", process.env.PISHKHAN_TOKEN)
    .option('--by <name>', 'who rolls back in the local store, for the record', process.env.USER ?? 'cli')
    .action((serviceId: string, version: string, options: { api?: string; token?: string; by: string }) => {
      if (!/^[1-9]\d*$/.test(version)) throw new CliError(`'${version}' is not a version number`);
      if (options.api) return rollbackOnApi(io, serviceId, Number(version), options.api, options.token);
      return withDesigner(config, 'roll back through it', async (designer) => {
        const restored = await designer.rollback(serviceId, Number(version), options.by);
        io.out(
          `${serviceId}: version ${restored.version} restores version ${version}, written to ${storeName(config)}`,
        );
      });
    });

  program
    .command('people')
    .description(
      'list the people of the organisation, who can sign in with `token`; of one unit, or who may act for a holder of work',
    )
    .argument('[unit]', 'the same as --unit')
    .option(
      '--unit <unit>',
      'an office (o-0101), a district (d05), a department (urban-planning: of every district), a department unit (d05.urban-planning, treasury), or a holder of work as a task shows it (department:d05.urban-planning/plan-reviewer, head:d05.finance, office:o-0101, agency:land-registry)',
    )
    .option('--district <district>', "the request's district, for an agency's work")
    .action((argument: string | undefined, options: { unit?: string; district?: string }) => {
      if (argument !== undefined && options.unit !== undefined && argument !== options.unit)
        throw new CliError(`two units given, '${argument}' and --unit '${options.unit}': give one`);
      const unit = options.unit ?? argument;
      const org = loadOrganisation(config.organisationDir);
      const unknown = unit === undefined ? undefined : unknownUnit(org, unit);
      if (unknown) throw new CliError(unknown);
      if (options.district !== undefined && !org.district(options.district))
        throw new CliError(`there is no district '${options.district}'`);
      const followUp = unit?.startsWith('agency:')
        ? org.agency(unit.slice('agency:'.length))?.followUp
        : undefined;
      if (followUp && org.department(followUp)?.perDistrict && options.district === undefined)
        throw new CliError(
          `${unit ?? ''} is followed up by ${followUp} of the request's district: say which with --district (d05)`,
        );
      const people = org
        .people()
        .filter((person) => unit === undefined || belongsTo(org, person, unit, options.district));
      if (people.length === 0)
        throw new CliError(`nobody of the organisation is in or acts for '${unit ?? ''}'`);
      for (const person of people) {
        const claims = claimsOfPerson(person);
        const binding = claims.office ?? [claims.district, claims.department].filter(Boolean).join('.');
        io.out(
          `${person.id.padEnd(26)} ${claims.role.padEnd(10)} ${binding.padEnd(28)} ${(claims.roles ?? []).join(',').padEnd(36)} ${person.name.fa} (${person.name.en})`,
        );
      }
    });

  program
    .command('token')
    .description('print a bearer token for a person of the organisation (signed with PISHKHAN_JWT_SECRET)')
    .argument('<person>', 'the person id, such as p-0101-clerk; `people` lists them')
    .option('--hours <n>', `how long the token lasts, at most ${MAX_TOKEN_SECONDS / 3600}`, '8')
    .action((personId: string, options: { hours: string }) => {
      const person = loadOrganisation(config.organisationDir).person(personId);
      if (!person) throw new CliError(`there is no person '${personId}'; \`people\` lists them`);
      const hours = Number(options.hours);
      const most = MAX_TOKEN_SECONDS / 3600;
      if (!(hours > 0 && hours <= most))
        throw new CliError(`--hours must be more than 0 and at most ${most}`);
      assertSafeAuth(config.auth);
      return mintToken(config.auth, claimsOfPerson(person), Math.round(hours * 3600)).then((token) =>
        io.out(token),
      );
    });

  program
    .command('store')
    .description('check the work store against the requests in Temporal, or rebuild it from them')
    .argument('<action>', 'check: list every difference; rebuild: rewrite the store from Temporal')
    .option('--days <n>', 'ended requests are covered back this many days', '30')
    .option(
      '--api <url>',
      'the running pishkhan API',
      process.env.PISHKHAN_API_URL ?? 'http://127.0.0.1:3000',
    )
    .option(
      '--token <token>',
      "an administrator's bearer token (one is signed here when absent)",
      process.env.PISHKHAN_TOKEN,
    )
    .action(async (action: string, options: { days: string; api: string; token?: string }) => {
      if (action !== 'check' && action !== 'rebuild')
        throw new CliError(`'${action}' is not check or rebuild`);
      const days = Number(options.days);
      if (!Number.isInteger(days) || days < 0) throw new CliError('--days must be a whole number');
      const admin = loadOrganisation(config.organisationDir)
        .people()
        .find((person) => person.access === 'admin');
      if (!options.token && !admin)
        throw new CliError('no administrator in the organisation to sign in as; pass --token');
      const token = options.token ?? (await mintToken(config.auth, claimsOfPerson(admin as Person), 600));
      const url =
        action === 'check'
          ? new URL(`/api/admin/store/check?days=${days}`, options.api)
          : new URL('/api/admin/store/rebuild', options.api);
      let response: Response;
      try {
        response = await fetch(url, {
          method: action === 'check' ? 'GET' : 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            ...(action === 'rebuild' ? { 'content-type': 'application/json' } : {}),
          },
          ...(action === 'rebuild' ? { body: JSON.stringify({ days }) } : {}),
        });
      } catch (error) {
        throw new CliError(`could not reach ${options.api}: ${(error as Error).message}`);
      }
      const answer = (await response.json()) as Record<string, unknown>;
      if (!response.ok)
        throw new CliError(
          `${options.api} answered ${response.status}: ${typeof answer.detail === 'string' ? answer.detail : ''}`,
        );
      if (action === 'rebuild') {
        const { requests, written, failed } = answer as {
          requests: number;
          written: number;
          failed: unknown[];
        };
        io.out(`rebuilt ${written} of ${requests} requests; ${failed.length} could not be read`);
        if (failed.length > 0) throw new CliError(JSON.stringify(failed, null, 2));
        return;
      }
      const { checked, differences, unreadable } = answer as {
        checked: number;
        differences: { trackingCode: string; what: string; temporal: unknown; store: unknown }[];
        unreadable: string[];
      };
      for (const d of differences)
        io.out(
          `${d.trackingCode}  ${d.what}: Temporal ${JSON.stringify(d.temporal)}, store ${JSON.stringify(d.store)}`,
        );
      io.out(
        `checked ${checked} requests: ${differences.length} differences, ${unreadable.length} unreadable`,
      );
      if (differences.length > 0 || unreadable.length > 0) throw new CliError('');
    });

  return program;
}

/** Runs a command line; answers the exit status. */
export async function run(argv: string[], io: Io, config?: Config): Promise<number> {
  try {
    await buildProgram(io, config).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof DefinitionError) {
      for (const problem of error.problems) io.err(formatProblem(problem));
    } else if (error instanceof CliError || error instanceof VersionNotFoundError) {
      if (error.message) io.err(error.message);
    } else {
      io.err(`error: ${(error as Error).message}`);
    }
    return 1;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), { out: console.log, err: console.error }).then((code) => {
    process.exitCode = code;
  });
}
