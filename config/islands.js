// Resolves `…/Quiz.svelte?island` imports (added to lesson Markdown by content/lesson-imports.js)
// to a lesson-block island: in the server build the block itself, rendered in its island element;
// in the browser a wrapper that loads the block's code as the learner nears it and hydrates the
// prerendered HTML (src/lib/components/lesson/island/).
import { fileURLToPath } from 'node:url';

const islandDir = fileURLToPath(new URL('../src/lib/components/lesson/island/', import.meta.url));
const prefix = '\0island:';

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
			// Ends in .js, not .svelte, so the Svelte plugin leaves this generated module alone.
			return `${prefix}${block.id}.js`;
		},
		load(id, options) {
			if (!id.startsWith(prefix)) return;
			const file = id.slice(prefix.length, -'.js'.length);
			const name = JSON.stringify(/([^\\/]+)\.svelte$/.exec(file)?.[1] ?? 'block');
			const path = JSON.stringify(file);
			return options?.ssr
				? `import { serverIsland } from ${JSON.stringify(islandDir + 'server.ts')};\n` +
						`import Block from ${path};\n` +
						`export default serverIsland(${name}, Block);\n`
				: `import { clientIsland } from ${JSON.stringify(islandDir + 'client.ts')};\n` +
						`export default clientIsland(${name}, () => import(${path}));\n`;
		}
	};
}
