/**
 * What the browser suites share: the built web app (checked before any page opens), starting a
 * residential permit, signing in as a person on the sign-in page, waiting for what the work store records a moment later,
 * changing text in the definition editor, and the accessibility check every page passes
 * (axe-core: no serious or critical violation).
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { repoPath } from '../../lib/paths';
import type { Harness } from '../support/harness';

/** Fails at once, saying how to build it, when the web app was not built. */
export function assertWebAppBuilt(): void {
  if (!existsSync(repoPath('web/dist/index.html')))
    throw new Error('web/dist is missing: build the web app first (npm run build:web)');
}

/**
 * Starts a residential permit at an office (district 1 and office 0101 unless told), received now
 * or some days ago (then it comes in late, and its ladder climbs); answers its tracking code.
 */
export async function startPermit(
  system: Harness,
  options: { district?: string; office?: string; daysAgo?: number } = {},
): Promise<string> {
  const { district = 'd01', office = 'o-0101', daysAgo = 0 } = options;
  const started = await system.post('/api/requests', {
    serviceId: 'building-permit-residential',
    district,
    intakeOffice: office,
    applicant: { name: 'Sara Ahmadi' },
    data: { parcel: '1234/56', area: 420, floors: 4, units: 8 },
    ...(daysAgo > 0
      ? {
          received: {
            at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
            reason: 'Taken over from the earlier system',
          },
        }
      : {}),
  });
  if (started.status !== 201) throw new Error(`the permit was refused: ${JSON.stringify(started.body)}`);
  return started.body.trackingCode as string;
}

/** Signs in on the sign-in page as a person of the organisation; lands where their role works. */
export async function signInAs(page: Page, personId: string, landing: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator(`[data-person="${personId}"]`).click();
  await page.waitForURL(`**${landing}`);
}

/**
 * Reloads the page until a locator shows, within a bound: for what the work store records a
 * moment after the change (a worklist's new task, a licence log's new entry).
 */
export async function reloadUntilVisible(
  page: Page,
  locator: Locator,
  what: string,
  ms = 30_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await locator.isVisible())) {
    if (Date.now() > deadline) throw new Error(`${what} did not show within ${ms / 1000} s`);
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator('h1').waitFor();
  }
}

/** Opens a request's task from the worklist, reloading while the work store catches up. */
export async function openTaskFromWorklist(page: Page, trackingCode: string, view = 'all'): Promise<void> {
  const link = page.locator(`a[href^="/work/tasks/${trackingCode}-"]`).first();
  await page.goto(`/work?view=${view}`);
  await page.locator('h1').waitFor();
  await reloadUntilVisible(page, link, `request ${trackingCode} in the ${view} worklist`, 20_000);
  await link.click();
  await page.locator('#work-heading, #payment-heading').first().waitFor();
}

/** Replaces the next occurrence of a text in the editor, with Monaco's own find and replace. */
export async function replaceInEditor(page: Page, find: string, replacement: string): Promise<void> {
  // Focus where Monaco takes its keys: a click may land on the editor's decorations instead.
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+H');
  const widget = page.locator('.find-widget');
  await widget.getByLabel('Find', { exact: true }).fill(find);
  await widget.getByLabel('Replace', { exact: true }).fill(replacement);
  await widget.getByLabel('Replace', { exact: true }).press('Enter');
  await page.keyboard.press('Escape');
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.locator('h1').first().waitFor();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Monaco keeps its find widget in the page once opened; closed, it is hidden with its inputs.
    .exclude('.monaco-editor .find-widget[aria-hidden="true"]')
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (serious.length > 0) throw new Error(`${name}: accessibility violations\n${serious.join('\n')}`);
}

/** Persian digits as Latin ones, to read what a page shows. */
export const latin = (text: string): string =>
  text.replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));

/** Latin digits as Persian ones, to find what a page shows. */
export const persian = (text: string | number): string =>
  String(text).replace(/[0-9]/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)] ?? digit);
