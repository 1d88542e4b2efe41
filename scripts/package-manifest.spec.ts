import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { scorm12Manifest, scorm12Schemas } from './package-manifest.js';
import course from '../lessons/course.json';

// The manifests are checked against the schemas the package ships, with libxml2's validator.
const schemas = (dir: string, names: string[]) =>
	names.map((fileName) => ({
		fileName,
		contents: readFileSync(new URL(`../src/lib/lms/schemas/${dir}/${fileName}`, import.meta.url))
	}));

async function validate(xml: string, dir: string, names: string[], root: string) {
	const files = schemas(dir, names);
	const result = await validateXML({
		xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
		schema: files.filter((f) => f.fileName === root),
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
