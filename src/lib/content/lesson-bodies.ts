import type { Component } from 'svelte';

// Lesson bodies load lazily so a page only downloads its own lesson's Markdown component. In a
// production build a body's long runs of prose come in a module of their own (lesson-prose.js):
// `loadProse` fetches them before the body is drawn by the browser, and is skipped while the page
// hydrates the body the server rendered, which already holds them.
type BodyModule = { default: Component; loadProse?: () => Promise<void> };
const bodies = import.meta.glob<BodyModule>('/lessons/*/index.md');

function folderSlug(path: string): string {
	return (path.split('/').at(-2) ?? '').replace(/^\d+-/, '');
}

const bySlug = new Map(Object.entries(bodies).map(([path, load]) => [folderSlug(path), load]));

/** The attribute on the element around a rendered body, naming its lesson. */
export const bodyAttribute = 'data-lesson-body';

/** Whether this page already shows the server's rendering of a lesson's body, to be hydrated. */
export function prerenderedBody(slug: string): boolean {
	return (
		typeof document !== 'undefined' &&
		document.querySelector(`[${bodyAttribute}="${CSS.escape(slug)}"]`) !== null
	);
}

export async function loadLessonBody(
	slug: string,
	{ hydrating = false } = {}
): Promise<Component | undefined> {
	const load = bySlug.get(slug);
	if (!load) return undefined;
	const body = await load();
	if (!hydrating) await body.loadProse?.();
	return body.default;
}
