import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { glossary } from './glossary.server';
import { assetsFor, lessonAssets, lessonSource, usedIds } from './lesson-assets.server';
import { lessons } from './lessons.server';
import { references } from './references.server';
import { videos } from './videos.server';

// The content check: every id a lesson uses exists, registries have unique ids, and local media
// files are there. Registry validation itself (including duplicate ids) runs when the modules load.
describe('lesson registry references', () => {
	test.each(lessons.map((l) => [l.file, l] as const))(
		'%s uses only known readings, terms and videos',
		(_file, lesson) => {
			expect(lessonSource(lesson.file)).toContain('<Step');
			expect(() => lessonAssets(lesson)).not.toThrow();
		}
	);

	test('an unknown reading, term or video id fails with the file and the id', () => {
		const source =
			'<Reading id="no-such-paper" /> <Term id="nonsense">x</Term> <Video id="missing" />';
		expect(() => assetsFor(source, 'lessons/09-x/index.md')).toThrow(
			/lessons\/09-x\/index\.md: <Reading id="no-such-paper">: unknown id[\s\S]*<Term id="nonsense">[\s\S]*<Video id="missing">/
		);
	});

	test('ids are found in either quote style, each once, and only those entries are attached', () => {
		const [reading] = references;
		const source = `<Reading id="${reading.id}" /> text <Reading id='${reading.id}'/>`;
		expect(usedIds(source).readings).toEqual([reading.id]);
		const assets = assetsFor(source, 'x.md');
		expect(Object.keys(assets.readings)).toEqual([reading.id]);
		expect(assets.terms).toEqual({});
		expect(assets.videos).toEqual({});
	});
});

describe('registries', () => {
	test.each([
		['lessons/references.json', references],
		['lessons/glossary.json', glossary],
		['lessons/videos.json', videos]
	] as const)('%s has entries with unique ids', (_file, entries) => {
		expect(entries.length).toBeGreaterThan(0);
		expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
	});

	test('every local video, caption, chapter and poster file exists under static/', () => {
		const paths = videos.flatMap((v) =>
			v.embed && 'src' in v.embed
				? [v.embed.src, v.embed.captions, v.embed.chapters, v.embed.poster]
				: []
		);
		const local = paths.filter((p): p is string => !!p && p.startsWith('/'));
		expect(local.filter((p) => !existsSync(`static${p}`))).toEqual([]);
	});
});
