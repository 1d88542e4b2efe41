import type { Component } from 'svelte';

// The Markdown after a facilitator.md frontmatter, loaded lazily like lesson bodies.
const bodies = import.meta.glob<{ default: Component }>('/lessons/*/facilitator.md');

const bySlug = new Map(
	Object.entries(bodies).map(([path, load]) => [
		(path.split('/').at(-2) ?? '').replace(/^\d+-/, ''),
		load
	])
);

export async function loadFacilitatorBody(slug: string): Promise<Component | undefined> {
	const load = bySlug.get(slug);
	return load ? (await load()).default : undefined;
}
