import { describe, expect, it } from 'vitest';
import { effectiveScheme, metaScheme, THEME_COLORS, themeColor } from './theme';

describe('theme colours', () => {
	it('follow the system when the theme is system, the choice otherwise', () => {
		expect(themeColor('system', 'light')).toBe('#1d4e89');
		expect(themeColor('system', 'dark')).toBe('#121417');
		expect(themeColor('dark', 'light')).toBe('#121417');
		expect(themeColor('light', 'dark')).toBe('#1d4e89');
	});

	it('an override shows the same scheme whatever the system prefers', () => {
		for (const theme of ['light', 'dark'] as const) {
			expect(effectiveScheme(theme, 'light')).toBe(theme);
			expect(effectiveScheme(theme, 'dark')).toBe(theme);
		}
		expect(THEME_COLORS.light).not.toBe(THEME_COLORS.dark);
	});
});

describe('metaScheme', () => {
	it("reads the scheme from a theme-color meta's media query", () => {
		expect(metaScheme('(prefers-color-scheme: dark)')).toBe('dark');
		expect(metaScheme('(prefers-color-scheme:dark)')).toBe('dark');
		expect(metaScheme('(prefers-color-scheme: light)')).toBe('light');
		expect(metaScheme(null)).toBe('light');
	});
});
