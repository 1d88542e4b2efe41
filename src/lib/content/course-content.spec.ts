import { describe, expect, it } from 'vitest';
import { getCaseStudy } from './cases.server';
import { getFacilitatorNotes } from './facilitator.server';
import { course, lessons, totalMinutes } from './lessons.server';
import references from '../../../lessons/references.json';

// Content integrity over the whole course: what the issue asks every lesson to have, and every item
// from the source page (the ICoHN resources page) placed in some lesson.
const sources = import.meta.glob<string>('/lessons/*/index.md', {
	eager: true,
	query: '?raw',
	import: 'default'
});
const sourceOf = (file: string) => sources[`/${file}`] ?? '';
const allSources = Object.values(sources).join('\n');

/** The Markdown between <Step id="…"> and its </Step>. */
function stepBody(source: string, stepId: string): string {
	const start = source.indexOf(`<Step id="${stepId}">`);
	if (start < 0) return '';
	const end = source.indexOf('</Step>', start);
	return source.slice(start, end);
}

const seedPapers = [
	'batalden-p-2018',
	'batalden-m-2016',
	'kremer-2011',
	'nelson-2016',
	'elwyn-2020',
	'radl-karimi-2018'
];
const seedVideos = [
	'co-design-evidence',
	'co-design-experience',
	'co-designers',
	'what-is-ebcd',
	'what-is-coproduction'
];

describe('every lesson', () => {
	it.each(lessons.map((l) => [l.slug, l] as const))(
		'%s has objectives, minutes, one quiz with a pool of 4–10 items and two reflections',
		(_slug, lesson) => {
			expect(lesson.objectives.length).toBeGreaterThan(0);
			expect(lesson.minutes).toBeGreaterThan(0);
			const quizzes = lesson.steps.filter((s) => s.kind === 'quiz');
			expect(quizzes).toHaveLength(1);
			const [quiz] = quizzes;
			if (quiz.kind !== 'quiz') throw new Error('unreachable');
			expect(quiz.questions.length).toBeGreaterThanOrEqual(4);
			expect(quiz.questions.length).toBeLessThanOrEqual(10);
			expect(lesson.steps.filter((s) => s.kind === 'reflect')).toHaveLength(2);
		}
	);

	it.each(lessons.map((l) => [l.slug, l] as const))(
		'%s has valid facilitator notes for a 60-minute session',
		(slug) => {
			const notes = getFacilitatorNotes(slug);
			expect(notes, `lessons/*-${slug}/facilitator.md is missing`).toBeDefined();
			expect(notes!.minutes).toBe(60);
			expect(notes!.discussion.length).toBeGreaterThan(0);
		}
	);

	it.each(lessons.map((l) => [l.slug, l] as const))(
		'%s renders each step with the component its kind needs',
		(_slug, lesson) => {
			const source = sourceOf(lesson.file);
			for (const step of lesson.steps) {
				const body = stepBody(source, step.id);
				const where = `${lesson.file} step "${step.id}"`;
				if (step.kind === 'quiz') expect(body, where).toContain('<Quiz />');
				if (step.kind === 'reflect') expect(body, where).toContain('<Reflection />');
				if (step.kind === 'watch') expect(body, where).toMatch(/<Video id="[^"]+" \/>/);
				if (step.kind === 'explore')
					expect(body, where).toMatch(/<(SandwichExplainer|CaseStudy) \/>/);
			}
		}
	);
});

describe('every quiz question', () => {
	const questions = lessons.flatMap((lesson) =>
		lesson.steps.flatMap((step) =>
			step.kind === 'quiz' ? step.questions.map((q) => [`${lesson.slug}/${q.id}`, q] as const) : []
		)
	);

	it.each(questions)('%s has a correct answer', (_id, q) => {
		const correct = q.options.filter((o) => o.correct).length;
		expect(correct).toBeGreaterThanOrEqual(1);
		if (q.type !== 'multiple') expect(correct).toBe(1);
		expect(q.options.length - correct, 'no wrong option to choose').toBeGreaterThan(0);
	});

	it.each(questions)('%s explains itself and names a source', (_id, q) => {
		expect(q.explanation.split(/\s+/).length).toBeGreaterThanOrEqual(8);
		// A source is a dated work or a named web source, never a bare word.
		expect(q.source).toMatch(
			/(19|20)\d{2}|ICoHN|Laboratory|Betsy Lehman Center|srq\.nu|ju\.se|i2Insights/
		);
	});
});

describe('the source page is all in the course', () => {
	it('the six seed papers are exactly the references marked seed', () => {
		const seeds = references.filter((r) => r.seed).map((r) => r.id);
		expect(seeds.sort()).toEqual([...seedPapers].sort());
	});

	it.each(seedPapers)('the paper %s is a reading in some lesson', (id) => {
		expect(allSources).toContain(`<Reading id="${id}" />`);
	});

	it.each(seedVideos)('the video %s is in a watch step of some lesson', (id) => {
		expect(allSources).toContain(`<Video id="${id}" />`);
	});

	it('the sandwich explainer follows the sandwich video early in the course', () => {
		const lesson = lessons.find((l) => sourceOf(l.file).includes('<SandwichExplainer />'));
		expect(lesson?.number).toBeLessThanOrEqual(2);
		expect(sourceOf(lesson!.file)).toContain('<Video id="what-is-coproduction" />');
	});

	it('the RHeLaunCh case is in a lesson, with its study as a reading', () => {
		const lesson = lessons.find((l) => sourceOf(l.file).includes('<CaseStudy />'));
		expect(lesson).toBeDefined();
		const source = sourceOf(lesson!.file);
		expect(source).toContain('RHeLaunCh');
		expect(source).toContain('<Reading id="hesselink-2017" />');
		const data = getCaseStudy(lesson!.slug);
		expect(data?.composite).toMatch(/composite/i);
		expect(JSON.stringify(data)).toMatch(/heart failure/);
	});
});

it('the CPD hours are the total time to the nearest quarter hour', () => {
	expect(course.cpdHours).toBe(Math.round((totalMinutes / 60) * 4) / 4);
});
