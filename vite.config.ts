import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './config/chromium.js';
import { clientSize } from './config/client-size.js';
import { islands } from './config/islands.js';
import { lessonProseModules } from './src/lib/content/lesson-prose.js';

/**
 * A cmi5 package's LMS adapter: `$lib/lms/adapter` names the SCORM one (1.2 and 2004) in every
 * other build, so each package carries only its own (src/lib/lms/adapter.ts).
 */
const lmsAdapter = (): Plugin => ({
	name: 'course:lms-adapter',
	enforce: 'pre',
	resolveId: (id) =>
		process.env.PACKAGE_TARGET === 'cmi5' && /[\\/]src[\\/]lib[\\/]lms[\\/]adapter(\.ts)?$/.test(id)
			? fileURLToPath(new URL('src/lib/lms/cmi5.ts', import.meta.url))
			: undefined
});

export default defineConfig({
	plugins: [islands(), lessonProseModules(), clientSize(), lmsAdapter(), sveltekit()],
	// LMS packages: scripts/package.js sets PACKAGE_TARGET (and PUBLIC_LIVE_ORIGIN) at build time;
	// svelte.config.js reads the same variable. The LMS owns the page, so it has no service worker.
	define: {
		__PACKAGE_TARGET__: JSON.stringify(process.env.PACKAGE_TARGET ?? ''),
		__LIVE_ORIGIN__: JSON.stringify(
			process.env.PACKAGE_TARGET ? (process.env.PUBLIC_LIVE_ORIGIN ?? '') : ''
		),
		__SERVICE_WORKER__: JSON.stringify(!process.env.PACKAGE_TARGET)
	},
	server: { fs: { allow: ['lessons'] } },
	build: {
		// Code loaded later (a lesson body, an island block, the machines) fetches its own imports when
		// it runs, rather than carrying a list of them to fetch alongside: almost all of them are the
		// 'app' and 'lesson' files the page already has, and after a first visit the offline worker
		// holds the rest. The lists cost 0.7 KB of every page's first-load JS (bench/budgets.json).
		// Styles still load with their chunk; the pages themselves still preload all they need.
		modulePreload: false,
		// SvelteKit's own writeBundle (prerendering every page) is most of a build's time; the warning
		// that says so on every build tells a newcomer nothing they can act on.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'config/**/*.spec.ts'],
					exclude: ['src/**/*.svelte.spec.ts', 'src/**/*.browser.spec.ts']
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
			},
			{
				// Component tests that need a real browser (scrolling, IntersectionObserver, focus): Debian's
				// Chromium, as for the end-to-end tests.
				extends: './vite.config.ts',
				test: {
					name: 'browser',
					include: ['src/**/*.browser.spec.ts'],
					browser: {
						enabled: true,
						headless: true,
						screenshotFailures: false,
						provider: playwright({
							launchOptions: { executablePath: chromiumPath, args: chromiumArgs }
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});
