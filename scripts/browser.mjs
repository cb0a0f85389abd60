// Finds a Chromium for the browser tests, installing Debian's when that is possible, because
// Playwright's own browser download cannot reach its CDN from every machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium's flags for every run here (tests, audit, benchmarks): headless as root, and none of
 * the background traffic to Google's hosts that a closed network would refuse.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

function playwrightChromium() {
	try {
		const path = chromium.executablePath();
		return existsSync(path) ? path : undefined;
	} catch {
		return undefined;
	}
}

function isDebianRoot() {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !existsSync('/etc/os-release')) return false;
	const osRelease = readFileSync('/etc/os-release', 'utf8');
	return /^(ID|ID_LIKE)=.*debian/m.test(osRelease) && existsSync('/usr/bin/apt-get');
}

/**
 * Returns the path of a Chromium to drive, or throws with one line saying how to get one.
 * Order: Playwright's own, CHROMIUM_PATH, /usr/bin/chromium, then apt-get on Debian as root.
 */
export function provisionChromium(log = console.log) {
	const own = playwrightChromium();
	if (own) return own;
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv)) return fromEnv;
		throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
	}
	if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	if (isDebianRoot()) {
		log('No Chromium found: installing Debian’s chromium package (apt-get install chromium)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
		if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	}
	throw new Error(
		'No Chromium for the browser tests: run `npx playwright install chromium`, or install Chromium and set CHROMIUM_PATH to it.'
	);
}
