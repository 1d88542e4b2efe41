import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svelteMembers } from './client-size.js';

const read = (code: string) =>
	svelteMembers(`import * as svelte from 'svelte';\n${code}`, 'client.js');

describe('svelteMembers', () => {
	it('reads members, optional calls and destructured names', () => {
		expect(
			read('const { onMount, tick } = svelte; svelte.settled?.(); svelte.untrack(f);')
		).toEqual({
			members: ['onMount', 'settled', 'tick', 'untrack'],
			unknown: []
		});
	});

	it('ignores other things called svelte and the words in comments and strings', () => {
		expect(
			read('// see svelte.dev\nconst a = x.svelte; const b = { svelte: 1 }; "svelte.js";')
		).toEqual({
			members: [],
			unknown: []
		});
	});

	it('reports a use it cannot read, so the build can fail instead of dropping a member', () => {
		const { unknown } = read('use(svelte); const s = svelte; svelte["tick"]();');
		expect(unknown).toHaveLength(3);
	});

	it("finds every member SvelteKit's client reads, and nothing it cannot account for", () => {
		const path = 'node_modules/@sveltejs/kit/src/runtime/client/client.js';
		const { members, unknown } = svelteMembers(readFileSync(path, 'utf8'), path);
		expect(unknown).toEqual([]);
		// onMount is destructured (`const { onMount, tick } = svelte`): a text search for
		// `svelte.x` missed it and every client-side navigation threw.
		expect(members).toEqual(expect.arrayContaining(['onMount', 'tick', 'untrack']));
	});
});
