import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

export default ts.config(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['lessons/**/*.md'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }]
		}
	},
	{
		// Every write to the learner's storage goes through writes.ts, which reports a failure (full,
		// blocked) to the header and the save indicators: a bare setItem would swallow it.
		files: ['src/**/*.ts', 'src/**/*.js', 'src/**/*.svelte'],
		ignores: [
			'src/lib/progress/writes.ts',
			'src/lib/progress/storage.ts',
			'src/lib/progress/backups.ts',
			'src/**/*.spec.ts',
			'src/**/*.testing.ts'
		],
		rules: {
			// sessionStorage holds no learner's work (a notice shown once per visit), so it is exempt.
			'no-restricted-syntax': [
				'error',
				{
					selector:
						"CallExpression[callee.property.name='setItem']:not([callee.object.name='sessionStorage'])",
					message:
						'Write through writes.ts (writeItem, reportWrite or reportWriteNow), so a failed write is reported, not swallowed.'
				}
			]
		}
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
	}
);
