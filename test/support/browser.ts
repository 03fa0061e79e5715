/**
 * Debian's Chromium (/usr/bin/chromium, installed by scripts/install-chromium.sh), driven by
 * playwright-core: headless, no sandbox (tests run as root), nothing fetched from the network,
 * and a fresh profile each launch (Playwright makes a new temporary user-data-dir for every
 * browser it launches, and removes it on close). No browser is ever downloaded.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PISHKHAN_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run scripts/install-chromium.sh (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A person's own browser window: a context of its own (cookies, storage), at a desk's or a phone's width. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  options: { phone?: boolean; language?: 'fa' | 'en' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    locale: options.language === 'en' ? 'en-US' : 'fa-IR',
    timezoneId: 'Asia/Tehran',
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  if (options.language === 'en')
    await context.addInitScript("localStorage.setItem('pishkhan.language', 'en')");
  return { context, page: await context.newPage() };
}
