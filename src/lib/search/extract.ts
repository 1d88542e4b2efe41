// Turns lesson Markdown into plain text for the search index. Runs at build time only (imported by
// documents.server.ts), so lesson sources never reach the browser.

/** The frontmatter block at the top of a Markdown file, if any. */
const frontmatterPattern = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/;
/** `<Step id="x">…</Step>`: the unit a search result links to. */
const stepPattern = /<Step\s+id=["']([^"']+)["'][^>]*>([\s\S]*?)<\/Step>/g;

export function stripFrontmatter(source: string): string {
	return source.replace(frontmatterPattern, '');
}

/** Plain, readable text from Markdown with components: tags go, the words inside them stay. */
export function markdownToText(markdown: string): string {
	return (
		markdown
			.replace(/<!--[\s\S]*?-->/g, ' ')
			.replace(/<script[\s\S]*?<\/script>/gi, ' ')
			.replace(/<style[\s\S]*?<\/style>/gi, ' ')
			// Components and HTML tags; their text content is kept.
			.replace(/<\/?[A-Za-z][\w.-]*(?:\s[^<>]*)?\/?>/g, ' ')
			// Images, then links: keep the visible words.
			.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
			.replace(/^\s{0,3}#{1,6}\s+/gm, '')
			.replace(/^\s{0,3}>\s?/gm, '')
			.replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
			.replace(/`([^`]*)`/g, '$1')
			.replace(/(\*\*|__)(.+?)\1/g, '$2')
			.replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
			.replace(/&nbsp;/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

export interface StepText {
	stepId: string;
	text: string;
}

/** The plain text of each `<Step>` in a lesson source, in order. */
export function stepTexts(source: string): StepText[] {
	const body = stripFrontmatter(source);
	return [...body.matchAll(stepPattern)].map(([, stepId, inner]) => ({
		stepId,
		text: markdownToText(inner)
	}));
}
