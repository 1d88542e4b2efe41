// How the browser's JavaScript is split into files. Every page needs the Svelte runtime and the
// SvelteKit client; left to itself the bundler spreads them (and tiny shared helpers) over many small
// files, one request each, which breaks the request budget in bench/budgets.json on slow networks.
// Grouping them into one cacheable file keeps a lesson page to a handful of requests.

/** Modules every page loads: the framework runtime and the bundler's preload helper and runtime. */
const framework =
	/node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx)[\\/]|vite[\\/]preload-helper|rolldown[\\/]runtime/;

/** @returns {import('vite').Plugin} */
export function clientChunks() {
	return {
		name: 'course:client-chunks',
		apply: 'build',
		// Runs after SvelteKit's config hook, which marks the server build with build.ssr.
		enforce: 'post',
		config(config) {
			if (config.build?.ssr) return;
			return {
				build: {
					rollupOptions: {
						output: {
							codeSplitting: {
								groups: [{ name: 'framework', test: framework }]
							}
						}
					}
				}
			};
		}
	};
}
