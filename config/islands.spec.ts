import { describe, expect, it } from 'vitest';
import { islands } from './islands.js';

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

	it('gives the server the block itself, wrapped in its island', async () => {
		const { resolveId, load } = hooks();
		const id = await resolveId('$lib/components/lesson/Quiz.svelte?island');
		expect(id).toMatch(/^\0island:.*Quiz\.svelte\.js$/);
		const code = load(id!, true);
		expect(code).toContain('import Block from "/abs/lib/components/lesson/Quiz.svelte"');
		expect(code).toContain('serverIsland("Quiz", Block)');
		expect(code).not.toContain('import(');
	});

	it('gives the browser a wrapper that imports the block only when called', async () => {
		const { resolveId, load } = hooks();
		const code = load((await resolveId('$lib/components/lesson/Quiz.svelte?island'))!, false);
		expect(code).toContain(
			'clientIsland("Quiz", () => import("/abs/lib/components/lesson/Quiz.svelte"))'
		);
		expect(code).not.toMatch(/import \w+ from "\/abs\/lib\/components\/lesson\/Quiz/);
	});

	it('loads nothing for other ids', () => {
		expect(hooks().load('/abs/lib/components/lesson/Quiz.svelte', false)).toBeUndefined();
	});
});
