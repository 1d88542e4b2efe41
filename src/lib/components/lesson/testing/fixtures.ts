// Fixture data for the component gallery: a made-up lesson whose steps show every component state.
// Plain data with the registry types, so it needs no validation library in the browser.
import type { VideoEntry } from '$lib/content/assets';
import type { MemoryProgressState } from '$lib/progress/memory.svelte';
import type { Lesson, Question } from '$lib/content/types';

const questions: Question[] = [
	{
		id: 'services',
		type: 'single',
		assesses: ['show'],
		prompt: 'Unlike goods, services are…',
		options: [
			{ id: 'cheaper', text: 'cheaper to make', correct: false },
			{ id: 'coproduced', text: 'always coproduced', correct: true },
			{ id: 'professional', text: 'made by professionals alone', correct: false }
		],
		explanation: 'Services cannot be made without the person receiving them taking part.',
		source: 'Batalden M et al. BMJ Qual Saf 2016'
	},
	{
		id: 'brings',
		type: 'multiple',
		assesses: ['show'],
		prompt: 'What does the patient bring to a consultation? Select all that apply.',
		options: [
			{ id: 'body', text: 'Knowledge of their own body and life', correct: true },
			{ id: 'goals', text: 'What matters to them', correct: true },
			{
				id: 'dosing',
				text: 'Prescribing rules',
				correct: false,
				feedback: 'That is the professional’s knowledge.'
			}
		],
		explanation: 'Both sides bring knowledge the other lacks.',
		source: 'Batalden M et al. BMJ Qual Saf 2016'
	},
	{
		id: 'product',
		type: 'truefalse',
		assesses: ['show'],
		prompt: 'Paul Batalden argues that healthcare is best modelled as a product.',
		options: [
			{
				id: 'true',
				text: 'True',
				correct: false,
				feedback:
					'True is wrong: the essay warns that modelling healthcare as either a product or a service leaves out coproduction.'
			},
			{ id: 'false', text: 'False', correct: true }
		],
		explanation:
			'He argues that modelling care as either a product or a service neglects coproduction.',
		source: 'Batalden P. BMJ 2018;362:k3617'
	}
];

// A pool bigger than its draw: each attempt shows three of these five, covering both objectives.
const pool: Question[] = [
	...questions.map((q) => ({ ...q, assesses: ['show'] })),
	{
		id: 'third-aim',
		type: 'single',
		assesses: ['draw'],
		scenario:
			'At a service meeting, a colleague says quality improvement is the quality team’s job and is about better outcomes and better system performance.',
		prompt: 'Batalden and Davidoff’s definition adds a third aim. Which?',
		options: [
			{ id: 'learning', text: 'Better professional development (learning)', correct: true },
			{
				id: 'compliance',
				text: 'Better compliance with guidelines',
				correct: false,
				feedback: 'Compliance is not one of the three aims; the definition is about people.'
			},
			{
				id: 'access',
				text: 'Better access',
				correct: false,
				feedback: 'Access matters, but it is not the aim the definition names.'
			}
		],
		explanation:
			'The definition links better patient outcomes, better system performance and better professional development.',
		source: 'Batalden & Davidoff, Qual Saf Health Care 2007'
	},
	{
		id: 'outside',
		type: 'truefalse',
		assesses: ['draw'],
		prompt:
			'In Ostrom’s definition, coproduction uses the inputs of people who are not “in” the organisation producing the service.',
		options: [
			{ id: 'true', text: 'True', correct: true },
			{
				id: 'false',
				text: 'False',
				correct: false,
				feedback:
					'False is wrong: being outside the producing organisation is the heart of the definition.'
			}
		],
		explanation:
			'Ostrom defines coproduction as transforming into goods and services the inputs of individuals not “in” the same organisation.',
		source: 'Ostrom E. World Dev 1996;24(6):1073–1087'
	}
];

export const galleryLesson: Lesson = {
	slug: 'component-gallery',
	number: 0,
	file: 'src/lib/components/lesson/testing/fixtures.ts',
	title: 'Component gallery',
	summary: 'Every lesson component in every state.',
	minutes: 1,
	objectives: [
		{ id: 'show', text: 'Show each component.' },
		{ id: 'draw', text: 'Show a quiz drawing from a pool.' }
	],
	effort: { watch: 0, explore: 0, quiz: 1, reflect: 0, readings: 0 },
	prev: null,
	next: null,
	steps: [
		{
			id: 'quiz-answering',
			kind: 'quiz',
			title: 'Quiz: answering (shuffled)',
			shuffle: true,
			passMark: 75,
			questions
		},
		{
			id: 'quiz-passed',
			kind: 'quiz',
			title: 'Quiz: passed',
			shuffle: false,
			passMark: 75,
			questions
		},
		{
			id: 'quiz-failed',
			kind: 'quiz',
			title: 'Quiz: failed, second attempt',
			shuffle: false,
			questions,
			passMark: 100
		},
		{
			id: 'quiz-revealed',
			kind: 'quiz',
			title: 'Quiz: failed three times, correct answers shown',
			shuffle: false,
			questions,
			passMark: 100
		},
		{
			id: 'quiz-pool',
			kind: 'quiz',
			title: 'Quiz: three items drawn from a pool of five',
			shuffle: false,
			draw: 3,
			questions: pool,
			passMark: 75
		},
		{
			id: 'reflect-empty',
			kind: 'reflect',
			title: 'Reflection: empty',
			prompt: 'What did you and the patient each bring to your last consultation?',
			minWords: 20
		},
		{
			id: 'reflect-saved',
			kind: 'reflect',
			title: 'Reflection: saved earlier',
			prompt: 'Which outcomes you measure live in patients’ daily lives?',
			minWords: 5
		},
		{
			id: 'video-file',
			kind: 'watch',
			title: 'Video: own file with captions, chapters and transcript'
		},
		{ id: 'video-youtube', kind: 'watch', title: 'Video: YouTube behind a click-to-load facade' },
		{ id: 'video-vimeo', kind: 'watch', title: 'Video: Vimeo behind a click-to-load facade' },
		{ id: 'video-source', kind: 'watch', title: 'Video: watch at source' },
		{ id: 'video-watched', kind: 'watch', title: 'Video: already watched' },
		{ id: 'readings', kind: 'read', title: 'Readings' },
		{ id: 'terms', kind: 'read', title: 'Glossary terms and callouts' }
	]
};

const at = Date.parse('2026-11-26T09:30:00.000Z');

export const galleryProgress: Partial<MemoryProgressState> = {
	quizzes: {
		'quiz-passed': {
			answers: { services: ['coproduced'], brings: ['body', 'goals'], product: ['false'] },
			score: 100,
			best: 100,
			passed: true,
			everPassed: true,
			attempts: 1,
			phase: 'feedback',
			t: at
		},
		'quiz-failed': {
			answers: { services: ['cheaper'], brings: ['body', 'dosing'], product: ['false'] },
			score: 33,
			best: 67,
			passed: false,
			everPassed: false,
			attempts: 2,
			phase: 'feedback',
			t: at
		},
		'quiz-revealed': {
			answers: { services: ['cheaper'], brings: ['body', 'dosing'], product: ['false'] },
			score: 33,
			best: 67,
			passed: false,
			everPassed: false,
			attempts: 3,
			phase: 'feedback',
			t: at
		}
	},
	reflections: {
		'reflect-saved': {
			text: 'HbA1c, weight and <b>how people sleep</b> — measured in clinic, made at home.',
			t: at
		}
	},
	done: ['video-watched', 'quiz-passed']
};

const clip = {
	title: 'Test clip: making a plan together',
	producer: 'the course team (a generated test pattern)',
	description: 'A six-second test pattern with captions and chapters, used by the tests.',
	publishedAt: 'https://example.org/test-clip'
};

/** Gallery videos; the server adds parsed captions and chapters. Not part of lessons/videos.json. */
export const galleryVideos: VideoEntry[] = [
	{
		id: 'test-clip',
		...clip,
		watchFor: 'The captions and the transcript line that follows the video.',
		embed: {
			src: '/media/test/clip.webm',
			type: 'video/webm',
			captions: '/media/test/captions.vtt',
			chapters: '/media/test/chapters.vtt',
			poster: '/media/test/poster.jpg',
			language: 'en'
		}
	},
	{
		id: 'test-youtube',
		...clip,
		title: 'A YouTube video',
		watchFor: undefined,
		embed: { provider: 'youtube', videoId: 'aqz-KE-bpKQ' }
	},
	{
		id: 'test-vimeo',
		...clip,
		title: 'A Vimeo video',
		watchFor: undefined,
		embed: { provider: 'vimeo', videoId: '76979871' }
	},
	{
		id: 'test-source',
		...clip,
		title: 'A video that is only published elsewhere',
		watchFor: 'Who knows what, and what would go wrong if either side stayed silent.',
		embed: null
	},
	{
		id: 'test-watched',
		...clip,
		title: 'A video already watched',
		watchFor: undefined,
		embed: null
	}
];
