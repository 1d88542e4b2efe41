// `npm run package` (all three), `npm run package:scorm12`, `:scorm2004` or `:cmi5` (one): static
// builds of the whole course as LMS packages in dist/. Each is built with PACKAGE_TARGET set (svelte.config.js then uses
// adapter-static and leaves out the live-session server routes), gets its manifest and schemas at
// the root, and is zipped with fflate.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import {
	cmi5Manifest,
	scorm12Manifest,
	scorm12Schemas,
	scorm2004Manifest,
	scorm2004Schemas
} from './package-manifest.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaDir = join(root, 'src/lib/lms/schemas');
/** @typedef {{ title: string, description?: string, version: string, passMark: number }} Course */
/** @type {Record<string, { manifest: (course: Course, files: string[]) => Record<string, string>, schemas: string[] }>} */
const targets = {
	scorm12: {
		manifest: (course, files) => ({ 'imsmanifest.xml': scorm12Manifest(course, files) }),
		schemas: scorm12Schemas.map((f) => join(schemaDir, 'scorm12', f))
	},
	scorm2004: {
		manifest: (course, files) => ({ 'imsmanifest.xml': scorm2004Manifest(course, files) }),
		schemas: scorm2004Schemas.map((f) => join(schemaDir, 'scorm2004', f))
	},
	// cmi5 asks for no schema files in the package: cmi5.xml alone, at the root.
	cmi5: {
		manifest: (course) => ({ 'cmi5.xml': cmi5Manifest(course) }),
		schemas: []
	}
};

/**
 * @param {string} dir
 * @returns {string[]}
 */
function listFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? listFiles(path) : [path];
	});
}

/**
 * Builds one package; returns the zip's path and size.
 * @param {string} target
 * @param {{ quiet?: boolean }} [options]
 */
export function buildPackage(target, { quiet = false } = {}) {
	const spec = targets[target];
	if (!spec)
		throw new Error(`Unknown package "${target}": expected ${Object.keys(targets).join(', ')}`);
	const out = join(root, `build-package-${target}`);
	rmSync(out, { recursive: true, force: true });
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', quiet ? 'error' : 'warn'], {
		cwd: root,
		stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
		env: {
			...process.env,
			PACKAGE_TARGET: target,
			BUILD_DIR: out,
			// Its own SvelteKit output folder, so two packages (or the web app) can build at once.
			SVELTEKIT_OUT: join(root, `.svelte-kit-package-${target}`)
		}
	});
	if (build.status !== 0) throw new Error(`The ${target} build failed`);

	const course = JSON.parse(readFileSync(join(root, 'lessons/course.json'), 'utf8'));
	for (const schema of spec.schemas)
		writeFileSync(join(out, basename(schema)), readFileSync(schema));
	const files = listFiles(out).map((f) => relative(out, f).split('\\').join('/'));
	for (const [name, text] of Object.entries(spec.manifest(course, files)))
		writeFileSync(join(out, name), text);

	const entries = Object.fromEntries(
		listFiles(out).map((f) => [relative(out, f).split('\\').join('/'), readFileSync(f)])
	);
	const zip = zipSync(entries, { level: 9 });
	mkdirSync(join(root, 'dist'), { recursive: true });
	const path = join(root, 'dist', `coproduction-course-${target}.zip`);
	writeFileSync(path, zip);
	return { path, bytes: zip.length, dir: out };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const asked = process.argv.slice(2);
	for (const target of asked.length ? asked : Object.keys(targets)) {
		const { path, bytes } = buildPackage(target);
		console.log(`${relative(root, path)}  ${(bytes / 1024).toFixed(0)} KB`);
	}
}
