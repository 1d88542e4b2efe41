import { describe, expect, test } from 'vitest';
import raw from '../../../lessons/02-the-sandwich/explainer.json';
import { getExplainer, parseExplainers } from './explainers.server';
import { interactionsFor, lessonInteractions } from './interactions.server';
import { lessons } from './lessons.server';

const file = '/lessons/02-the-sandwich/explainer.json';
/** A deep copy of the real file with one change. */
const broken = (change: (data: typeof raw) => void) => {
	const data = structuredClone(raw);
	change(data);
	return { [file]: data };
};
const fails = (data: Record<string, unknown>) => () => parseExplainers(data);

describe('explainer.json', () => {
	test('the sandwich lesson’s file is valid and reaches its page', () => {
		expect(getExplainer('the-sandwich')?.counter.moments).toHaveLength(3);
		const lesson = lessons.find((l) => l.slug === 'the-sandwich')!;
		expect(lessonInteractions(lesson).explainer).toBe(getExplainer('the-sandwich'));
		expect(lessonInteractions(lesson).caseStudy).toBeNull();
	});

	test('a missing or empty field fails with the file and the field', () => {
		expect(fails(broken((d) => delete (d.menu as Partial<typeof d.menu>).title))).toThrow(
			'lessons/02-the-sandwich/explainer.json: field "menu.title": '
		);
		expect(fails(broken((d) => (d.ideas[2].source = ' ')))).toThrow(
			'lessons/02-the-sandwich/explainer.json: field "ideas.2.source": expected non-empty text'
		);
	});

	test('ids must point at a need or an idea that exists', () => {
		expect(fails(broken((d) => d.shelf.sandwiches[1].fails.push('vegan')))).toThrow(
			/field "shelf\.sandwiches\.1\.fails\.1": unknown need "vegan"/
		);
		expect(fails(broken((d) => (d.counter.moments[0].idea = 'trust')))).toThrow(
			/field "counter\.moments\.0\.idea": unknown idea "trust"/
		);
		expect(fails(broken((d) => (d.counter.ideas.apart = ['value', 'quiet'])))).toThrow(
			/field "counter\.ideas\.apart\.1": unknown idea "quiet"/
		);
		expect(fails(broken((d) => (d.ideas[1].id = d.ideas[0].id)))).toThrow(
			/field "ideas\.1\.id": duplicate id "product"/
		);
	});

	test('the counter keeps its three moments, and sentences only their placeholders', () => {
		expect(fails(broken((d) => d.counter.moments.pop()))).toThrow(
			/field "counter\.moments": expected the moments speak, ask, build, each once/
		);
		expect(fails(broken((d) => (d.counter.outcome.fails = 'Not for {person}.')))).toThrow(
			/field "counter\.outcome\.fails": expected only the placeholders \{need\}/
		);
		expect(fails(broken((d) => (d.counter.layers.fits = ['red'])))).toThrow(
			/field "counter\.layers\.fits\.0": expected a colour/
		);
	});

	test('a lesson that uses a component without its file fails, naming the lesson', () => {
		expect(() =>
			interactionsFor('<Step id="x">\n<SandwichExplainer />\n</Step>', 'lessons/09-x/index.md', 'x')
		).toThrow(
			'lessons/09-x/index.md: <SandwichExplainer /> needs its explainer.json in the lesson folder'
		);
		expect(() => interactionsFor('<CaseStudy/>', 'lessons/09-x/index.md', 'x')).toThrow(
			'<CaseStudy /> needs its case.json'
		);
		expect(interactionsFor('No interactions here.', 'lessons/09-x/index.md', 'x')).toEqual({
			caseStudy: null,
			explainer: null
		});
	});
});
