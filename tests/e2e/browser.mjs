// Debian's Chromium driven by playwright-core (no browser download), with the flags this
// machine needs (no sandbox as root, no background network).
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

// axe-core violations (WCAG 2.1 A/AA rules) on the current page, as readable strings.
export async function accessibilityViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
