import { describe, expect, it } from 'vitest';
import { formatDuration, formatInterval } from './duration-format';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('formatDuration', () => {
	it('shows seconds under a minute and minutes with seconds above', () => {
		expect(formatDuration(44_600)).toBe('45 s');
		expect(formatDuration(200_000)).toBe('3 min 20 s');
	});
});

describe('formatInterval', () => {
	it.each([
		[30_000, '1m'],
		[10 * MIN, '10m'],
		[59.7 * MIN, '1h'],
		[60 * MIN, '1h'],
		[5 * 60 * MIN, '5h'],
		[DAY, '1d'],
		[3 * DAY, '3d'],
		[60 * DAY, '2mo'],
		[350 * DAY, '1y'],
		[365 * DAY, '1y'],
		[548 * DAY, '1.5y']
	])('%d ms → %s', (ms, label) => {
		expect(formatInterval(ms)).toBe(label);
	});
});
