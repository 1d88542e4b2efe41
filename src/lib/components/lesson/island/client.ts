// A lesson block whose code loads when the learner comes near it. The page is prerendered whole, so
// the block's HTML is there at once; its JavaScript arrives as the block nears the screen, or is
// focused or touched, and hydrates that HTML in place. A lesson page so loads the code for what the
// learner reaches, not for every quiz, reading and reflection below the fold.
//
// Lesson Markdown imports `Quiz.svelte?island` (content/lesson-imports.js); config/islands.js
// resolves that to serverIsland() (server.ts) in the server build and clientIsland() in the browser.
import type { Component } from 'svelte';
import IslandClient from './IslandClient.svelte';

type Props = Record<string, unknown>;
export type BlockModule<P extends Props = Props> = { default: Component<P> };

// A Svelte component is a function of (where it renders, its props): this one renders the island
// with the block's own props passed through untouched, getters and snippets included.
export function clientIsland<P extends Props>(
	name: string,
	load: () => Promise<BlockModule<P>>
): Component<P> {
	// The island hands the block exactly the props it was given, so the block's own prop types hold.
	const loadBlock = load as unknown as () => Promise<BlockModule>;
	return (internals, props) => IslandClient(internals, { name, load: loadBlock, props });
}
