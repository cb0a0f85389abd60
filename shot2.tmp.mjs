import { chromium } from '@playwright/test';
const [,, path, width, scheme, out, selector, setup] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 844 }, colorScheme: scheme });
if (setup) { await page.goto('http://127.0.0.1:4363/'); await page.waitForTimeout(1000); await eval(setup); }
await page.goto('http://127.0.0.1:4363' + path);
await page.waitForTimeout(2000);
await page.locator(selector).first().screenshot({ path: out });
console.log(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]));
await browser.close();
