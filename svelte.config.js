import nodeAdapter from '@sveltejs/adapter-node';
import staticAdapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { isIsland, lessonImports } from './src/lib/content/lesson-imports.js';

// An LMS package (scripts/package.js sets VITE_PACKAGE_TARGET) is a static build of the course
// pages only. Live sessions need the Node server, so their routes are not prerendered and not
// in the package: strict is off on purpose, and crawling starts from the pages a learner reaches.
const packaging = Boolean(process.env.VITE_PACKAGE_TARGET);
const adapter = packaging
	? staticAdapter({ pages: process.env.BUILD_DIR ?? 'build-package', strict: false })
	: nodeAdapter({ out: process.env.BUILD_DIR ?? 'build', precompress: true });

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), lessonImports(), mdsvex({ extensions: ['.md'] })],
	compilerOptions: {
		// mdsvex output is legacy-mode Svelte, so only our own .svelte files are forced into runes.
		runes: ({ filename }) =>
			filename.split(/[/\\]/).includes('node_modules') || filename.endsWith('.md')
				? undefined
				: true
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
		}
	}
};

export default config;
