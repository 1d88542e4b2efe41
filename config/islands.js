// Resolves `…/Quiz.svelte?island` imports (added to lesson Markdown by content/lesson-imports.js)
// to a lesson-block island (src/lib/components/lesson/island/README.md). The import becomes a small
// generated Svelte component, `…/Quiz.svelte.island.svelte`, compiled like any other: in the server
// build it renders the block itself inside its island element; in the browser it renders the island
// element, which loads the block's code as the learner nears it and hydrates the prerendered HTML.
// Both take the block's props as one object, `$props()`, so nothing reaches into Svelte's internals.
import { fileURLToPath } from 'node:url';

const islandDir = fileURLToPath(new URL('../src/lib/components/lesson/island/', import.meta.url));
const suffix = '.island.svelte';

/** The generated component for one block: `file` is the block's own .svelte file. */
export function islandSource(/** @type {string} */ file, /** @type {boolean} */ ssr) {
	const name = JSON.stringify(/([^\\/]+)\.svelte$/.exec(file)?.[1] ?? 'block');
	const path = JSON.stringify(file);
	return ssr
		? `<script>\n` +
				`\timport Block from ${path};\n` +
				`\timport IslandServer from ${JSON.stringify(islandDir + 'IslandServer.svelte')};\n` +
				`\tconst props = $props();\n` +
				`</script>\n\n` +
				`<IslandServer name={${name}} component={Block} {props} />\n`
		: `<script module>\n` +
				`\t// One loader per block, so the island knows when this block's code is already here.\n` +
				`\tconst load = () => import(${path});\n` +
				`</script>\n\n` +
				`<script>\n` +
				`\timport IslandClient from ${JSON.stringify(islandDir + 'IslandClient.svelte')};\n` +
				`\tconst props = $props();\n` +
				`</script>\n\n` +
				`<IslandClient name={${name}} {load} {props} />\n`;
}

/** @returns {import('vite').Plugin} */
export function islands() {
	return {
		name: 'course:islands',
		enforce: 'pre',
		async resolveId(source, importer) {
			if (!source.endsWith('?island')) return;
			const block = await this.resolve(source.slice(0, -'?island'.length), importer, {
				skipSelf: true
			});
			if (!block) return;
			// A .svelte id, so the Svelte plugin compiles the generated component like a file.
			return `${block.id}${suffix}`;
		},
		load(id, options) {
			if (!id.endsWith(suffix)) return;
			return islandSource(id.slice(0, -suffix.length), !!options?.ssr);
		}
	};
}
