import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The layers only import downward (STYLE.md); a cycle means two modules are one job split
		// in two, or a lower one reaching back up. Type-only imports are erased and do not count.
		files: ['src/**/*.ts', 'src/**/*.svelte', 'questions/**/*.ts', 'scripts/**/*.ts'],
		plugins: { 'import-x': importX },
		settings: {
			'import-x/extensions': ['.ts', '.js', '.svelte'],
			'import-x/parsers': {
				'@typescript-eslint/parser': ['.ts', '.js'],
				'svelte-eslint-parser': ['.svelte']
			},
			'import-x/resolver-next': [
				createTypeScriptImportResolver({
					project: './tsconfig.json',
					extensions: ['.ts', '.js', '.svelte']
				})
			]
		},
		rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] }
	},
	{
		// The generator runs when the bank is built, never in the app: nothing the pages load
		// imports it (its own modules and unit tests aside).
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/bank-generator/**', 'src/**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['**/bank-generator/*'], message: 'The bank generator is build-time only.' }
					]
				}
			]
		}
	},
	{
		// Browser tests start on one fixed date: they take `test` from tests/support/clock.ts.
		files: ['tests/**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '@playwright/test',
							message: "Import from './support/clock', whose test starts on a fixed date.",
							allowTypeImports: true
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'bench/results/',
			'node_modules/',
			'test-results/',
			'playwright-report/'
		]
	}
);
