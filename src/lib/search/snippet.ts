// Result snippets: a short window of a document's text around the first matched word, split into
// plain and highlighted parts so the page renders them as text (never as HTML).

export interface SnippetPart {
	text: string;
	mark: boolean;
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Up to about `length` characters of `text` around the first occurrence of any of `terms` (the
 * document words the search matched), with every occurrence of them marked.
 */
export function snippet(text: string, terms: string[], length = 180): SnippetPart[] {
	const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
	if (words.length === 0) return [{ text: shorten(text, 0, length), mark: false }];
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})`, 'giu');
	const first = pattern.exec(text);
	pattern.lastIndex = 0;
	let start = first ? Math.max(0, first.index - Math.floor(length / 3)) : 0;
	// Start at a word boundary so the snippet never opens mid-word.
	if (start > 0) {
		const space = text.indexOf(' ', start);
		start = space === -1 || space > (first?.index ?? start) ? start : space + 1;
	}
	const end = Math.min(text.length, start + length);
	const window = text.slice(start, end);

	const parts: SnippetPart[] = [];
	const prefix = start > 0 ? '…' : '';
	const suffix = end < text.length ? '…' : '';
	let last = 0;
	for (const match of window.matchAll(pattern)) {
		if (match.index > last) parts.push({ text: window.slice(last, match.index), mark: false });
		parts.push({ text: match[0], mark: true });
		last = match.index + match[0].length;
	}
	if (last < window.length) parts.push({ text: window.slice(last), mark: false });
	if (parts.length === 0) parts.push({ text: '', mark: false });
	if (prefix) {
		if (parts[0].mark) parts.unshift({ text: prefix, mark: false });
		else parts[0] = { ...parts[0], text: prefix + parts[0].text };
	}
	if (suffix) {
		const lastPart = parts[parts.length - 1];
		if (lastPart.mark) parts.push({ text: suffix, mark: false });
		else parts[parts.length - 1] = { ...lastPart, text: lastPart.text + suffix };
	}
	return parts;
}

function shorten(text: string, start: number, length: number): string {
	return text.length - start > length ? text.slice(start, start + length) + '…' : text.slice(start);
}
