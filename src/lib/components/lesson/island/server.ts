// The server half of a lesson-block island (see client.ts): the block renders in full into the
// prerendered page, inside the element its browser half takes over.
import type { Component } from 'svelte';
import IslandServer from './IslandServer.svelte';

type Props = Record<string, unknown>;

// A Svelte component is a function of (where it renders, its props): this one renders the block in
// its island with the block's own props passed through untouched.
export function serverIsland(name: string, component: Component<Props>): Component<Props> {
	return (internals, props) => IslandServer(internals, { name, component, props });
}
