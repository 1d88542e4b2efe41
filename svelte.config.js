import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { isIsland } from './src/lib/components/lesson/island/blocks.js';
import { lessonImports } from './src/lib/content/lesson-imports.js';

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
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build', precompress: true }),
		outDir: process.env.SVELTEKIT_OUT ?? '.svelte-kit',
		paths: { relative: true },
		// Small stylesheets go inline in the prerendered HTML: one request fewer each (bench/budgets.json).
		inlineStyleThreshold: 20_000,
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
