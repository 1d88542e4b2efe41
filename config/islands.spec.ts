import { describe, expect, it } from 'vitest';
import { islandSource, islands } from './islands.js';

type Hook = (...args: unknown[]) => unknown;

function hooks() {
	const plugin = islands();
	const resolve = async (source: string) => ({ id: `/abs/${source.replace(/^\$lib\//, 'lib/')}` });
	return {
		resolveId: (source: string) =>
			(plugin.resolveId as Hook).call({ resolve }, source, '/lessons/01-x/index.md', {}) as Promise<
				string | undefined
			>,
		load: (id: string, ssr: boolean) => (plugin.load as Hook).call({}, id, { ssr }) as string
	};
}

describe('islands plugin', () => {
	it('leaves every import without ?island alone', async () => {
		expect(await hooks().resolveId('$lib/components/lesson/Step.svelte')).toBeUndefined();
	});

	it('gives the server a component that renders the block itself in its island', async () => {
		const { resolveId, load } = hooks();
		const id = await resolveId('$lib/components/lesson/Quiz.svelte?island');
		expect(id).toBe('/abs/lib/components/lesson/Quiz.svelte.island.svelte');
		const code = load(id!, true);
		expect(code).toContain('import Block from "/abs/lib/components/lesson/Quiz.svelte"');
		expect(code).toContain('const props = $props();');
		expect(code).toContain('<IslandServer name={"Quiz"} component={Block} {props} />');
		expect(code).not.toContain('import(');
	});

	it('gives the browser a component that imports the block only when its island asks', async () => {
		const { resolveId, load } = hooks();
		const code = load((await resolveId('$lib/components/lesson/Quiz.svelte?island'))!, false);
		expect(code).toContain('const load = () => import("/abs/lib/components/lesson/Quiz.svelte");');
		expect(code).toContain('<IslandClient name={"Quiz"} {load} {props} />');
		expect(code).not.toMatch(/import \w+ from "\/abs\/lib\/components\/lesson\/Quiz/);
	});

	it('compiles to Svelte without errors or warnings, for both builds', async () => {
		const { compile } = await import('svelte/compiler');
		for (const ssr of [true, false]) {
			const source = islandSource('/abs/lib/components/lesson/Quiz.svelte', ssr);
			const result = compile(source, { generate: ssr ? 'server' : 'client', runes: true });
			expect(result.warnings).toEqual([]);
		}
	});

	it('loads nothing for other ids', () => {
		expect(hooks().load('/abs/lib/components/lesson/Quiz.svelte', false)).toBeUndefined();
	});
});
