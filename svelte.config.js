import nodeAdapter from '@sveltejs/adapter-node';
import staticAdapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { isIsland } from './src/lib/components/lesson/island/blocks.js';
import { lessonImports } from './src/lib/content/lesson-imports.js';
import { lessonProse } from './src/lib/content/lesson-prose.js';

// An LMS package (scripts/package.js sets PACKAGE_TARGET) is a static build of the course
// pages only. Live sessions need the Node server, so their routes are not prerendered and not
// in the package: strict is off on purpose, and crawling starts from the pages a learner reaches.
const packaging = Boolean(process.env.PACKAGE_TARGET);
const liveOrigin = process.env.PUBLIC_LIVE_ORIGIN?.replace(/\/$/, '');
const adapter = packaging
	? staticAdapter({ pages: process.env.BUILD_DIR ?? 'build-package', strict: false })
	: nodeAdapter({ out: process.env.BUILD_DIR ?? 'build', precompress: true });

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), lessonImports(), mdsvex({ extensions: ['.md'] }), lessonProse()],
	compilerOptions: {
		// No `window.__svelte.v` version marker in every page's JS (bench/budgets.json).
		discloseVersion: false,
		// Runes mode for all our own components, Markdown included: one legacy-mode component in the
		// browser turns on Svelte's legacy runtime for every page (0.4 KB of each page's JS).
		// lesson-prose.js turns mdsvex's legacy module script into a runes-mode one.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	vitePlugin: {
		// An island block's code loads after the page (components/lesson/island/), so its styles
		// cannot wait in its own chunk: with them injected, the server writes each block's styles
		// into the page it renders, and only for the blocks that page uses.
		dynamicCompileOptions: ({ filename }) => (isIsland(filename) ? { css: 'injected' } : undefined)
	},
	kit: {
		// BUILD_DIR / SVELTEKIT_OUT let parallel checkouts or tools build without clobbering each other.
		adapter,
		outDir: process.env.SVELTEKIT_OUT ?? '.svelte-kit',
		paths: { relative: true },
		// Small stylesheets go inline in the prerendered HTML: one request fewer each (bench/budgets.json).
		inlineStyleThreshold: 20_000,
		// Registered by src/lib/offline/register.ts after the page loads, and never in an LMS
		// package, which is built without a worker at all.
		serviceWorker: { register: false },
		...(packaging && { files: { serviceWorker: 'src/no-service-worker' } }),
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			...(packaging && {
				entries: [
					'/',
					'/facilitate',
					'/search',
					'/search/index.json',
					'/journal/account',
					'/lms/quiz-key.json'
				],
				// The join page only talks to the live server; the gallery is for authors.
				handleUnseenRoutes: ({ routes }) => {
					const missing = routes.filter((r) => r !== '/live' && r !== '/components');
					if (missing.length) throw new Error(`Not in the package: ${missing.join(', ')}`);
				}
			})
		},
		// Only the course's own code runs: SvelteKit adds the hashes of the inline scripts it writes
		// (a <meta> policy on prerendered pages, a header on the others). frame-ancestors and the
		// other directives a <meta> cannot carry come from scripts/serve-headers.js on every response.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte sets style attributes and island blocks inject their styles at run time.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'media-src': ['self'],
				'font-src': ['self'],
				// cmi5 sends xAPI statements to the LRS the LMS names at launch, wherever it is.
				'connect-src': process.env.PACKAGE_TARGET === 'cmi5' ? ['self', '*'] : ['self'],
				// Video blocks embed these two players, after the learner presses play.
				'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
				'object-src': ['none'],
				'base-uri': ['self'],
				// A package's "Start a live session" posts to the configured live server (PUBLIC_LIVE_ORIGIN).
				'form-action': ['self', ...(packaging && liveOrigin ? [liveOrigin] : [])]
			}
		}
	}
};

export default config;
