/**
 * The designer's command line: `npm run pishkhan -- <command>`.
 *
 *   validate [paths...]          check definition files (default: all of them); exit 1 on problems
 *   diagram <service|file>       print a Mermaid flowchart of the latest version, or of a file
 *   diff <service> [from] [to]   compare two versions (numbers) or a version with a file
 *   publish [services...]        publish changed definition files (all of them with --all)
 *   versions <service>           list the published versions
 *   rollback <service> <version> publish an older version's content again
 *   token <person>               print a bearer token for a person of the organisation
 *   people                       list the people of the organisation and their roles
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { cityDate } from '../lib/calendar/working-time';
import { definitionFiles } from '../lib/definitions/catalog';
import { Designer, VersionNotFoundError } from '../lib/definitions/designer';
import { diagram } from '../lib/definitions/diagram';
import { diffPlans, formatDiff } from '../lib/definitions/diff';
import { displayPath } from '../lib/definitions/load-yaml';
import { DefinitionError, formatProblem, sortProblems, type Problem } from '../lib/definitions/problem';
import { startProblems } from '../lib/definitions/start-problems';
import { VersionStore } from '../lib/definitions/version-store';
import { assertSafeAuth, loadConfig, type Config } from '../lib/config';
import { claimsOfPerson } from '../api/auth/people';
import { mintToken } from '../api/auth/tokens';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import { startGaps } from '../lib/organisation/start-coverage';
import type { ServicePlan } from '../lib/plan/types';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A failure to report as one line, with exit status 1. */
class CliError extends Error {}

function designerFor(config: Config): Designer {
  return new Designer(loadOrganisation(config.organisationDir), new VersionStore(config.publishedDir));
}

function filesIn(paths: string[]): string[] {
  return paths.flatMap((path) => (statSync(path).isDirectory() ? definitionFiles(path) : [path]));
}

function compileFile(designer: Designer, path: string): ServicePlan {
  const { plan, problems } = designer.check(displayPath(path), readFileSync(path, 'utf8'));
  if (!plan) throw new DefinitionError(problems);
  return plan;
}

/** A version number from the store, or a definition file compiled as it stands. */
function planOf(designer: Designer, serviceId: string, ref: string): { plan: ServicePlan; name: string } {
  if (/^\d+$/.test(ref)) return { plan: designer.version(serviceId, Number(ref)).plan, name: `v${ref}` };
  if (!existsSync(ref)) throw new CliError(`'${ref}' is neither a version number nor a file`);
  return { plan: compileFile(designer, ref), name: displayPath(resolve(ref)) };
}

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
      const designer = designerFor(config);
      const files = filesIn(paths);
      const problems: Problem[] = [];
      const plans: ServicePlan[] = [];
      for (const file of files) {
        const { plan, problems: found } = designer.check(displayPath(file), readFileSync(file, 'utf8'));
        problems.push(...found);
        if (plan) plans.push(plan);
      }
      const today = cityDate(designer.org.calendar, Date.now());
      problems.push(...startProblems(startGaps(designer.org, plans, today), files));
      for (const problem of sortProblems(problems)) io.out(formatProblem(problem));
      io.out(
        `${files.length} definition${files.length === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      );
      if (problems.length > 0) throw new CliError('');
    });

  program
    .command('diagram')
    .description('print a Mermaid flowchart of a service (its latest version) or of a definition file')
    .argument('<service-or-file>')
    .option('--version <n>', 'a published version instead of the latest')
    .action((target: string, options: { version?: string }) => {
      const designer = designerFor(config);
      if (target.endsWith('.yaml') || target.endsWith('.yml'))
        return io.out(diagram(compileFile(designer, target)).trimEnd());
      io.out(designer.diagram(target, options.version ? Number(options.version) : undefined).trimEnd());
    });

  program
    .command('diff')
    .description(
      'compare two versions of a service step by step; a file stands for what publishing it would give',
    )
    .argument('<service>')
    .argument('[from]', 'version number or file (default: the one before `to`)')
    .argument('[to]', 'version number or file (default: the latest)')
    .action((serviceId: string, fromRef?: string, toRef?: string) => {
      const designer = designerFor(config);
      const latest = designer.version(serviceId).version;
      const to = planOf(designer, serviceId, toRef ?? String(latest));
      const from = planOf(
        designer,
        serviceId,
        fromRef ?? String(Math.max(1, (to.plan.version || latest) - 1)),
      );
      io.out(formatDiff(diffPlans(from.plan, to.plan), `${serviceId}: ${from.name} → ${to.name}`));
    });

  program
    .command('publish')
    .description('publish definition files that changed since their latest version')
    .argument('[services...]', 'service ids (default with --all: every file)')
    .option('--all', 'every definition file')
    .option('--by <name>', 'who publishes, for the record', process.env.USER ?? 'cli')
    .action((services: string[], options: { all?: boolean; by: string }) => {
      if (services.length === 0 && !options.all)
        throw new CliError('name the services to publish, or use --all');
      const designer = designerFor(config);
      const files = definitionFiles(config.servicesDir).filter(
        (file) => options.all || services.some((id) => file.endsWith(`/${id}.yaml`)),
      );
      const missing = services.filter((id) => !files.some((file) => file.endsWith(`/${id}.yaml`)));
      if (missing.length > 0) throw new CliError(`no definition file for ${missing.join(', ')}`);
      const problems: Problem[] = [];
      for (const file of files) {
        const result = designer.publish(
          displayPath(file),
          readFileSync(file, 'utf8'),
          options.by,
          `published from ${displayPath(file)}`,
        );
        if ('problems' in result) problems.push(...result.problems);
        else
          io.out(
            `${result.serviceId}: ${result.created ? `published version ${result.version}` : `unchanged (version ${result.version})`}`,
          );
      }
      if (problems.length > 0) throw new DefinitionError(problems);
    });

  program
    .command('versions')
    .description('list the published versions of a service')
    .argument('<service>')
    .action((serviceId: string) => {
      const designer = designerFor(config);
      designer.version(serviceId);
      for (const v of designer.store.versions(serviceId)) {
        const rollback = v.rolledBackFrom ? ` (restores v${v.rolledBackFrom})` : '';
        io.out(
          `v${v.version}  ${v.publishedAt}  ${v.publishedBy}  ${v.hash.slice(0, 12)}  ${v.note}${rollback}`,
        );
      }
    });

  program
    .command('rollback')
    .description("publish an older version's content again, as the newest version")
    .argument('<service>')
    .argument('<version>')
    .option('--by <name>', 'who rolls back, for the record', process.env.USER ?? 'cli')
    .action((serviceId: string, version: string, options: { by: string }) => {
      const restored = designerFor(config).rollback(serviceId, Number(version), options.by);
      io.out(`${serviceId}: version ${restored.version} restores version ${version}`);
    });

  program
    .command('people')
    .description('list the people of the organisation, who can sign in with `token`')
    .action(() => {
      for (const person of loadOrganisation(config.organisationDir).people()) {
        const claims = claimsOfPerson(person);
        const binding = claims.office ?? [claims.district, claims.department].filter(Boolean).join('.');
        io.out(`${person.id.padEnd(24)} ${claims.role.padEnd(10)} ${binding.padEnd(28)} ${person.name}`);
      }
    });

  program
    .command('token')
    .description('print a bearer token for a person of the organisation (signed with PISHKHAN_JWT_SECRET)')
    .argument('<person>', 'the person id, such as p-0101-clerk; `people` lists them')
    .option('--hours <n>', 'how long the token lasts', '8')
    .action((personId: string, options: { hours: string }) => {
      const person = loadOrganisation(config.organisationDir).person(personId);
      if (!person) throw new CliError(`there is no person '${personId}'; \`people\` lists them`);
      const hours = Number(options.hours);
      if (!(hours > 0 && hours <= 24 * 30)) throw new CliError('--hours must be between 0 and 720');
      assertSafeAuth(config.auth);
      return mintToken(config.auth, claimsOfPerson(person), Math.round(hours * 3600)).then((token) =>
        io.out(token),
      );
    });

  return program;
}

/** Runs a command line; answers the exit status. */
export function run(argv: string[], io: Io, config?: Config): number {
  try {
    buildProgram(io, config).parse(argv, { from: 'user' });
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
  process.exitCode = run(process.argv.slice(2), { out: console.log, err: console.error });
}
