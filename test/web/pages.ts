/**
 * What the browser suites share: the built web app (checked before any page opens), signing
 * in as a person on the sign-in page, waiting for a task to reach a worklist, and the
 * accessibility check every page passes (axe-core: no serious or critical violation).
 */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { repoPath } from '../../lib/paths';

/** Fails at once, saying how to build it, when the web app was not built. */
export function assertWebAppBuilt(): void {
  if (!existsSync(repoPath('web/dist/index.html')))
    throw new Error('web/dist is missing: build the web app first (npm run build:web)');
}

/** Signs in on the sign-in page as a person of the organisation; lands where their role works. */
export async function signInAs(page: Page, personId: string, landing: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator(`[data-person="${personId}"]`).click();
  await page.waitForURL(`**${landing}`);
}

/** Opens a request's task from the worklist, reloading while Temporal's visibility catches up. */
export async function openTaskFromWorklist(page: Page, trackingCode: string, view = 'all'): Promise<void> {
  const link = page.locator(`a[href^="/work/tasks/${trackingCode}-"]`).first();
  const deadline = Date.now() + 20_000;
  await page.goto(`/work?view=${view}`);
  while (!(await link.isVisible())) {
    if (Date.now() > deadline) throw new Error(`request ${trackingCode} did not reach the ${view} worklist`);
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator('h1').waitFor();
  }
  await link.click();
  await page.locator('#work-heading, #payment-heading').first().waitFor();
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.locator('h1').first().waitFor();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
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
