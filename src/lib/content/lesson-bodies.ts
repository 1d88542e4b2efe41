import type { Component } from 'svelte';

// Lesson bodies load lazily so a page only downloads its own lesson's Markdown component.
const bodies = import.meta.glob<{ default: Component }>('/lessons/*/index.md');

function folderSlug(path: string): string {
	return (path.split('/').at(-2) ?? '').replace(/^\d+-/, '');
}

const bySlug = new Map(Object.entries(bodies).map(([path, load]) => [folderSlug(path), load]));

export async function loadLessonBody(slug: string): Promise<Component | undefined> {
	const load = bySlug.get(slug);
	return load ? (await load()).default : undefined;
}
