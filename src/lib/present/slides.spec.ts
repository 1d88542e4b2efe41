import { describe, expect, it } from 'vitest';
import { getLesson, lessons } from '$lib/content/lessons.server';
import { buildSlides } from './slides';

describe('presenter slides', () => {
	it('start with a title slide and give each quiz question and reflect prompt its own slide', () => {
		const lesson = getLesson('what-is-coproduction')!;
		const slides = buildSlides(lesson, { discussion: ['What did you notice?'] });
		expect(slides[0]).toMatchObject({ kind: 'title', title: lesson.title });
		const questions = lesson.steps.flatMap((s) => (s.kind === 'quiz' ? s.questions : []));
		expect(slides.filter((s) => s.kind === 'question')).toHaveLength(questions.length);
		const prompts = slides.filter(
			(s): s is Extract<typeof s, { kind: 'prompt' }> =>
				s.kind === 'prompt' && !s.itemKey.startsWith('discussion-')
		);
		expect(slides.at(-1)).toMatchObject({
			kind: 'prompt',
			itemKey: 'discussion-1',
			prompt: 'What did you notice?'
		});
		expect(prompts.map((s) => s.stepId)).toEqual(
			lesson.steps.filter((s) => s.kind === 'reflect').map((s) => s.id)
		);
		expect(prompts[0].notes).toContain('Discussion: What did you notice?');
	});

	it('turn a true/false question into two options with the right one marked', () => {
		for (const lesson of lessons) {
			for (const slide of buildSlides(lesson)) {
				if (slide.kind !== 'question') continue;
				expect(slide.options.some((o) => o.correct)).toBe(true);
				expect(slide.notes[0]).toMatch(/^Answer: /);
			}
		}
		const tf = buildSlides(getLesson('the-sandwich')!).find(
			(s) => s.kind === 'question' && s.options[0].id === 'true'
		);
		expect(tf?.kind === 'question' && tf.options.map((o) => o.correct)).toEqual([false, true]);
	});

	it('show a scenario question with its clinical situation, which the prompt alone does not make sense without', () => {
		const lesson = getLesson('what-is-coproduction')!;
		const questions = lesson.steps.flatMap((s) => (s.kind === 'quiz' ? s.questions : []));
		const withScenario = questions.filter((q) => q.scenario);
		expect(withScenario.length).toBeGreaterThan(0);
		const slides = buildSlides(lesson).filter((s) => s.kind === 'question');
		for (const q of withScenario)
			expect(slides.find((s) => s.prompt === q.prompt)).toMatchObject({ scenario: q.scenario });
	});
});

describe('the decks as the presenter loads them', () => {
	it('carry the facilitator guide: timeline, group activity and discussion, keyed as live items', async () => {
		const { loadDeck } = await import('./deck.server');
		const { lessonItems } = await import('$lib/server/live/lesson-items');
		for (const { slug } of lessons) {
			const { slides, notes } = loadDeck(slug);
			expect(slides[1]).toMatchObject({ kind: 'timeline', rows: notes?.timeline });
			expect(slides.find((s) => s.kind === 'activity')).toMatchObject({
				title: notes?.activity.title,
				minutes: notes?.activity.minutes
			});
			// Every question and prompt slide can send its own item to the phones.
			const keys = new Set(lessonItems(slug).map((i) => i.key));
			for (const slide of slides)
				if (slide.kind === 'question' || slide.kind === 'prompt')
					expect(keys.has(slide.itemKey), `${slug}: ${slide.itemKey}`).toBe(true);
		}
	});

	it('give every slide of every lesson speaker notes, and every step slide a summary', async () => {
		const { loadDeck } = await import('./deck.server');
		for (const { slug } of lessons) {
			const { slides } = loadDeck(slug);
			for (const slide of slides) {
				expect(slide.notes.length, `${slug}: ${slide.kind} slide`).toBeGreaterThan(0);
				if (slide.kind === 'step') {
					expect(
						slide.points.length + slide.cards.length,
						`${slug}: ${slide.stepId}`
					).toBeGreaterThan(0);
					expect(slide.points.every((p) => p.length <= 150)).toBe(true);
				}
			}
		}
	});

	it('turn every reading and video of a step into a compact card from the registries', async () => {
		const { loadDeck } = await import('./deck.server');
		const step = loadDeck('what-is-coproduction').slides.find(
			(s) => s.kind === 'step' && s.stepId === 'service-not-product'
		);
		expect(step?.kind === 'step' && step.cards).toEqual([
			expect.objectContaining({
				kind: 'reading',
				id: 'batalden-m-2016',
				byline: 'Batalden M et al., 2016'
			}),
			expect.objectContaining({
				kind: 'reading',
				id: 'batalden-p-2018',
				byline: 'Batalden P, 2018'
			})
		]);
	});
});
