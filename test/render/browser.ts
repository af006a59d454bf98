// Headless Debian Chromium through playwright-core, with every sign of script execution
// collected: dialogs, console messages, page errors.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface WatchedPage {
  page: Page;
  dialogs: string[];
  console: string[];
  errors: string[];
}

export async function watchedPage(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport });
  const watched: WatchedPage = { page, dialogs: [], console: [], errors: [] };
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => watched.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => watched.errors.push(error.message));
  return watched;
}

/** Sizes of the boxes of every element matching the selector, as drawn. */
export function boxes(page: Page, selector: string): Promise<{ id: string; width: number; height: number }[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        id: element.getAttribute('data-channel') ?? `${element.getAttribute('data-from')}→${element.getAttribute('data-to')}`,
        width: box.width,
        height: box.height,
      };
    }),
  );
}
