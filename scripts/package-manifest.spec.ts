import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import {
	cmi5Ids,
	cmi5Manifest,
	scorm12Manifest,
	scorm12Schemas,
	scorm2004Manifest,
	scorm2004Schemas,
	scorm2004ValidationDriver
} from './package-manifest.js';
import course from '../lessons/course.json';

// The manifests are checked against the schemas the package ships, with libxml2's validator.
const schemas = (dir: string, names: string[]) =>
	names.map((fileName) => ({
		fileName,
		contents: readFileSync(new URL(`../src/lib/lms/schemas/${dir}/${fileName}`, import.meta.url))
	}));

async function validate(
	xml: string,
	dir: string,
	names: string[],
	root: string | { fileName: string; contents: string }
) {
	const files = schemas(dir, names);
	const result = await validateXML({
		xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
		schema: typeof root === 'string' ? files.filter((f) => f.fileName === root) : [root],
		preload: files.filter((f) => f.fileName !== root)
	});
	// ADL's ims_xml.xsd draws a namespace warning from libxml2 on load; only validity counts.
	return result.valid ? [] : result.errors.map((e) => e.message);
}

const files = ['index.html', '_app/immutable/entry/start.js', 'lessons/a b/index.html'];

describe('SCORM 1.2 manifest', () => {
	it('is valid against the ADL SCORM 1.2 schemas', async () => {
		const xml = scorm12Manifest(course, [...files, ...scorm12Schemas]);
		expect(await validate(xml, 'scorm12', scorm12Schemas, 'adlcp_rootv1p2.xsd')).toEqual([]);
	});

	it('fails validation when broken, so the check above means something', async () => {
		const broken = [
			(x: string) => x.replace('<resources>', '<resources><bogus/>'),
			(x: string) => x.replace('identifier="course-sco" ', ''),
			(x: string) => x.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="page"')
		];
		for (const breakIt of broken) {
			const xml = breakIt(scorm12Manifest(course, files));
			expect(await validate(xml, 'scorm12', scorm12Schemas, 'adlcp_rootv1p2.xsd')).not.toEqual([]);
		}
	});

	it('sets the mastery score, one SCO at index.html, and lists files URL-encoded', () => {
		const xml = scorm12Manifest({ ...course, title: 'A & <B>' }, files);
		expect(xml).toContain(`<adlcp:masteryscore>${course.passMark}</adlcp:masteryscore>`);
		expect(xml).toContain('adlcp:scormtype="sco" href="index.html"');
		expect(xml).toContain('<file href="lessons/a%20b/index.html"/>');
		expect(xml).toContain('<title>A &amp; &lt;B&gt;</title>');
	});
});

const validate2004 = (xml: string) =>
	validate(xml, 'scorm2004', scorm2004Schemas, scorm2004ValidationDriver);

describe('SCORM 2004 4th edition manifest', () => {
	it('is valid against the ADL SCORM 2004 4th edition schemas', async () => {
		const xml = scorm2004Manifest(course, [...files, ...scorm2004Schemas]);
		expect(await validate2004(xml)).toEqual([]);
	});

	it('fails validation when broken, in CP and in the ADL and sequencing extensions', async () => {
		const broken = [
			(x: string) => x.replace('<resources>', '<resources><bogus/>'),
			(x: string) => x.replace('adlcp:scormType="sco"', 'adlcp:scormType="page"'),
			(x: string) => x.replace('satisfiedByMeasure="true"', 'satisfiedByMeasure="yes"'),
			(x: string) => x.replace(/<imsss:minNormalizedMeasure>[^<]*/, '<imsss:minNormalizedMeasure>2')
		];
		for (const breakIt of broken) {
			const xml = breakIt(scorm2004Manifest(course, files));
			expect(await validate2004(xml)).not.toEqual([]);
		}
	});

	it('says 2004 4th Edition, one SCO at index.html, passed at the course pass mark', () => {
		const xml = scorm2004Manifest(course, files);
		expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
		expect(xml).toContain('adlcp:scormType="sco" href="index.html"');
		expect(xml).toContain(
			`<imsss:minNormalizedMeasure>${(course.passMark / 100).toFixed(2)}</imsss:minNormalizedMeasure>`
		);
		expect(xml).toContain('<file href="lessons/a%20b/index.html"/>');
	});
});

describe('cmi5 course structure', () => {
	const check = async (xml: string) => {
		const result = await validateXML({
			xml: [{ fileName: 'cmi5.xml', contents: xml }],
			schema: schemas('cmi5', ['CourseStructure.xsd'])
		});
		return result.valid ? [] : result.errors.map((e) => e.message);
	};
	it('is valid against the cmi5 v1 CourseStructure.xsd: one AU, moveOn and the pass mark as masteryScore', async () => {
		const xml = cmi5Manifest(course);
		expect(await check(xml)).toEqual([]);
		expect(xml.match(/<au /g)).toHaveLength(1);
		expect(xml).toContain(`<au id="${cmi5Ids.au}" moveOn="CompletedAndPassed"`);
		expect(xml).toContain(`masteryScore="${(course.passMark / 100).toFixed(2)}"`);
		expect(xml).toContain('<url>index.html</url>');
	});
	it('fails validation when broken, so the check above means something', async () => {
		const xml = cmi5Manifest(course);
		expect(
			await check(xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Sometimes"'))
		).not.toEqual([]);
		expect(await check(xml.replace(/<url>[^<]*<\/url>/, ''))).not.toEqual([]);
	});
	it('writes a hostile title as text', async () => {
		const xml = cmi5Manifest({ ...course, title: 'A & B <script>"x"</script>' });
		expect(await check(xml)).toEqual([]);
		expect(xml).toContain('A &amp; B &lt;script&gt;&quot;x&quot;&lt;/script&gt;');
	});
});
