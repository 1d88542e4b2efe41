import { describe, expect, it } from 'vitest';
import { snippet } from './snippet';

const text =
	'Patient participation goes by many names. Many such efforts look like a manufacturer asking customers to help design and market a product. Unlike goods, services are always coproduced. A product can be made in a factory and handed over.';

const joined = (parts: ReturnType<typeof snippet>) => parts.map((p) => p.text).join('');
const marked = (parts: ReturnType<typeof snippet>) =>
	parts.filter((p) => p.mark).map((p) => p.text);

describe('result snippets', () => {
	it('marks every occurrence of the matched words, whatever the case', () => {
		const parts = snippet(text, ['product'], 400);
		expect(marked(parts)).toEqual(['product', 'product']);
		expect(joined(parts)).toBe(text);
	});

	it('shows a window around the first match with ellipses where text was cut', () => {
		const parts = snippet(text, ['coproduced'], 80);
		const shown = joined(parts);
		expect(shown.startsWith('…')).toBe(true);
		expect(shown.endsWith('…')).toBe(true);
		expect(shown).toContain('coproduced');
		expect(shown.length).toBeLessThanOrEqual(82);
	});

	it('matches word starts only, so a prefix match is marked but not a word middle', () => {
		expect(marked(snippet('coproduce and production and reproduce', ['produc'], 400))).toEqual([
			'produc'
		]);
	});

	it('treats the search words as text, not as patterns', () => {
		expect(marked(snippet('a (b) c.d', ['(b)', 'c.d'], 100))).toEqual(['(b)', 'c.d']);
	});

	it('falls back to the start of the text when nothing matches', () => {
		const parts = snippet(text, [], 20);
		expect(parts).toEqual([{ text: text.slice(0, 20) + '…', mark: false }]);
	});
});
