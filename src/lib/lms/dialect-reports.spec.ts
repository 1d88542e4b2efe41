import { describe, expect, it } from 'vitest';
import {
	langString250,
	responseIds,
	responseLetters,
	scorm12Reporting as scorm12,
	scorm2004Reporting as scorm2004
} from './dialect-reports';
import type { KeyQuestion } from './quiz-key';
import type { Standing } from './report';

const choice: KeyQuestion = {
	id: 'who',
	type: 'choice',
	prompt: 'Who coproduces?',
	options: ['patients', 'payers', 'professionals'],
	correct: ['patients', 'professionals']
};
const trueFalse: KeyQuestion = {
	id: 'tf',
	type: 'true-false',
	prompt: 'Care is a product.',
	options: ['true', 'false'],
	correct: ['false']
};
const done = (score: number): Standing => ({
	finished: true,
	score,
	progress: 1,
	location: 'last#step'
});
const fields = (pairs: Array<[string, string]>) => Object.fromEntries(pairs);

describe('SCORM formats', () => {
	it('writes responses as 1.2 letters and as 2004 identifiers', () => {
		expect(responseLetters(choice, ['professionals', 'patients'])).toBe('a,c');
		expect(responseLetters(trueFalse, ['false'])).toBe('f');
		expect(responseIds(choice, ['professionals', 'patients'])).toBe('patients[,]professionals');
		expect(responseIds(trueFalse, ['true'])).toBe('true');
	});

	it('keeps 2004 descriptions within 250 characters and never opening with a brace', () => {
		expect(langString250('x'.repeat(400))).toHaveLength(250);
		expect(langString250('{not a tag} text')).toMatch(/^\{lang=en\}\{not a tag\}/);
	});
});

describe('status in each dialect', () => {
	it('1.2: incomplete until done, then passed or failed against the mastery score', () => {
		const during = { finished: false, score: 40, progress: 0.3, location: 'a#b' };
		expect(fields(scorm12.standing(during, '75'))['cmi.core.lesson_status']).toBe('incomplete');
		expect(fields(scorm12.standing(done(80), '75'))['cmi.core.lesson_status']).toBe('passed');
		expect(fields(scorm12.standing(done(70), '75'))['cmi.core.lesson_status']).toBe('failed');
		expect(fields(scorm12.standing(done(70), ''))['cmi.core.lesson_status']).toBe('completed');
	});

	it('2004: completion and success apart, the scaled score against the scaled passing score', () => {
		const pass = fields(scorm2004.standing(done(80), '0.75'));
		expect(pass).toMatchObject({
			'cmi.completion_status': 'completed',
			'cmi.success_status': 'passed',
			'cmi.score.scaled': '0.8',
			'cmi.score.raw': '80',
			'cmi.progress_measure': '1',
			'cmi.location': 'last#step'
		});
		expect(fields(scorm2004.standing(done(70), '0.75'))['cmi.success_status']).toBe('failed');
		expect(fields(scorm2004.standing(done(70), ''))['cmi.success_status']).toBe('unknown');
		const during = fields(
			scorm2004.standing(
				{ finished: false, score: undefined, progress: 0.25, location: '' },
				'0.75'
			)
		);
		expect(during).toEqual({
			'cmi.progress_measure': '0.25',
			'cmi.completion_status': 'incomplete',
			'cmi.success_status': 'unknown'
		});
		expect(scorm2004.exit(false)).toEqual(['cmi.exit', 'suspend']);
		expect(scorm2004.exit(true)).toEqual(['cmi.exit', 'normal']);
	});
});
