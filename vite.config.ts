import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { clientSize } from './config/client-size.js';
import { islands } from './config/islands.js';

export default defineConfig({
	plugins: [islands(), clientSize(), sveltekit()],
	// LMS packages (scripts/package.js sets PACKAGE_TARGET) own neither the page nor its caching.
	define: { __SERVICE_WORKER__: JSON.stringify(!process.env.PACKAGE_TARGET) },
	server: { fs: { allow: ['lessons', 'content'] } },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'config/**/*.spec.ts'],
					exclude: ['src/**/*.svelte.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				plugins: [svelteTesting()],
				test: {
					name: 'components',
					environment: 'jsdom',
					include: ['src/**/*.svelte.spec.ts']
				}
			}
		]
	}
});
