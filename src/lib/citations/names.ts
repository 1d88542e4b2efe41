/** "Opipari-Arrigan L" → { family: "Opipari-Arrigan", initials: ["L"] }; "Nelson EC" → E, C. */
export function splitAuthor(author: string): { family: string; initials: string[] } {
	const parts = author.trim().split(/\s+/);
	const last = parts.at(-1) ?? '';
	if (parts.length > 1 && /^[A-Z\u00C0-\u00DE]{1,4}$/.test(last))
		return { family: parts.slice(0, -1).join(' '), initials: [...last] };
	// A group author or a name without initials stays whole.
	return { family: author.trim(), initials: [] };
}

/** "509-517" → { first: "509", last: "517" }; "k3617" → { first: "k3617" }. */
export function splitPages(pages: string | undefined): { first?: string; last?: string } {
	if (!pages) return {};
	const [first, last] = pages.split(/\s*[-–—]+\s*/);
	return { first, last };
}
