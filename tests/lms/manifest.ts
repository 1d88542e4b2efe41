// The package's imsmanifest.xml validated against the schema files the package itself ships,
// with libxml2's validator, as an LMS's import check would.
import { validateXML } from 'xmllint-wasm';
import { scorm2004ValidationDriver } from '../../scripts/package-manifest.js';

/** Validation errors of the zip's manifest against the zip's root schemas ([] when valid). */
export async function manifestErrors(
	files: Map<string, Uint8Array>,
	version: '1.2' | '2004'
): Promise<string[]> {
	const decode = (name: string) => new TextDecoder().decode(files.get(name));
	const shipped = [...files.keys()]
		.filter((name) => !name.includes('/') && /\.(xsd|dtd)$/.test(name))
		.map((fileName) => ({ fileName, contents: decode(fileName) }));
	const root =
		version === '2004'
			? scorm2004ValidationDriver
			: shipped.find((f) => f.fileName === 'adlcp_rootv1p2.xsd')!;
	const result = await validateXML({
		xml: [{ fileName: 'imsmanifest.xml', contents: decode('imsmanifest.xml') }],
		schema: [root],
		preload: shipped.filter((f) => f !== root)
	});
	return result.valid ? [] : result.errors.map((e) => e.message);
}
