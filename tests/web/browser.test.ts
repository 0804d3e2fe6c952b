import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBoardWorld, type BoardWorld } from './board-world.ts';

/** Debian's chromium; `.ci/run` installs it when it is missing. */
const chromiumPath = '/usr/bin/chromium';
const artefacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

describe('the public site in a real browser', () => {
  let world: BoardWorld;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (.ci/run does it)`);
    world = await startBoardWorld();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('loads the board, filters to one league without JavaScript, opens a club and follows a report link, with no console error', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));

    const first = await page.goto(`${world.web.url}/`);
    expect(first?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/All clubs: the board on/);
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(3);

    await page.getByLabel('League').selectOption('bundesliga');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/league=bundesliga/);
    const tables = page.getByRole('table');
    expect(await tables.count()).toBe(1);
    expect(await tables.first().getByRole('rowheader').allTextContents()).toEqual(['FC St. Pauli', 'SV Werder Bremen']);
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Club', 'X', 'Bluesky']);
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: `${artefacts}board-bundesliga.png`, fullPage: true });
    expect(statSync(`${artefacts}board-bundesliga.png`).size).toBeGreaterThan(5_000);

    await page.getByRole('link', { name: 'SV Werder Bremen' }).click();
    await page.waitForURL(/\/clubs\/werder-bremen/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('SV Werder Bremen: timeline');
    await page.screenshot({ path: `${artefacts}club-werder-bremen.png`, fullPage: true });
    await page.getByRole('link', { name: 'Werder Bremen verlässt X und ist jetzt auf Bluesky.' }).first().click();
    await page.waitForURL(`${world.articles.url}/articles/werder`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Article werder');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs no script from hostile content even with JavaScript on, and shows it as text', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    for (const path of ['/', '/clubs/hostile-fc', '/clubs/red-star-fc']) {
      await page.goto(`${world.web.url}${path}`);
      expect(await page.evaluate('typeof window.hacked')).toBe('undefined');
      expect(await page.locator('script, img').count()).toBe(0);
    }
    await page.goto(`${world.web.url}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect(page.getByRole('link', { name: /<script>window\.hacked=1<\/script>/ }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
