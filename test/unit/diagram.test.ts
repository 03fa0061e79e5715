/**
 * Diagrams of definitions are Mermaid flowcharts that Mermaid's own parser accepts, showing
 * steps, outcomes, branch conditions, loops with their limit, parallel groups and timeouts.
 */
import { execFileSync } from 'node:child_process';
import { loadCatalog } from '../../lib/definitions/catalog';
import { diagram } from '../../lib/definitions/diagram';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import { fixture } from '../support/paths';

function parse(diagrams: string[]): (string | null)[] {
  const output = execFileSync(process.execPath, [repoPath('test/support/mermaid-parse.mjs')], {
    input: JSON.stringify(diagrams),
    encoding: 'utf8',
  });
  return JSON.parse(output) as (string | null)[];
}

const shipped = loadCatalog(
  repoPath('definitions/services'),
  loadOrganisation(repoPath('definitions/organisation')),
);
const fixtures = loadCatalog(fixture('services'), loadOrganisation(fixture('organisation')));
const plans = [...shipped.entries, ...fixtures.entries].map((entry) => entry.plan);

describe('diagrams', () => {
  test('when every definition is drawn, then Mermaid parses every diagram', () => {
    expect(plans.length).toBeGreaterThan(5);
    const results = parse(plans.map(diagram));
    expect(results.map((r, i) => [plans[i]?.serviceId, r]).filter(([, r]) => r !== null)).toEqual([]);
  });

  test('when a diagram is broken, then the parser says so (the check can fail)', () => {
    expect(parse(['flowchart TD\n  a -->|x| \n  b[[['])[0]).toMatch(/Parse error/);
  });

  test('when the permit is drawn, then loops, branches and ends show as such', () => {
    const permit = plans.find((plan) => plan.serviceId === 'building-permit-residential');
    const text = diagram(permit as NonNullable<typeof permit>);
    expect(text).toContain('s_plan_review -.->|return ≤2| s_intake');
    expect(text).toContain(
      's_route_by_size -->|floors #gt; 5 #124;#124; area #gt; 1000| s_technical_committee',
    );
    expect(text).toContain('s_route_by_size -->|default| s_plan_review');
    expect(text).toMatch(/s_issued\(\["Permit issued<br\/>پروانه صادر شد"\]\)/);
  });
});
