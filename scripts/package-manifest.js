// The manifests that make a static build of the course an LMS package. Pure functions of the
// course settings and the list of files, so a test can validate them against the schemas.

/** @param {string | number} text */
const escape = (text) =>
	String(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');

/**
 * A path inside the package as a manifest href: forward slashes, each segment URL-encoded.
 * @param {string} path
 */
export const href = (path) => path.split(/[\\/]/).map(encodeURIComponent).join('/');

/** The SCORM 1.2 schema files, shipped at the package root as the standard requires. */
export const scorm12Schemas = [
	'imscp_rootv1p1p2.xsd',
	'adlcp_rootv1p2.xsd',
	'imsmd_rootv1p2p1.xsd',
	'ims_xml.xsd'
];

/**
 * SCORM 1.2 (ADL SCORM 1.2, IMS CP 1.1.2): the whole course is one SCO, launched at index.html;
 * adlcp:masteryscore is the course pass mark, so the LMS records passed or failed.
 * @param {{ title: string, version: string, passMark: number }} course
 * @param {string[]} files every file of the package, relative to its root
 */
export function scorm12Manifest(course, files) {
	const title = escape(course.title);
	const fileList = files
		.filter((f) => f !== 'imsmanifest.xml')
		.map((f) => `      <file href="${escape(href(f))}"/>`)
		.join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="coproduction-course-${escape(course.version)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${title}</title>
      <item identifier="course-item" identifierref="course-sco" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${Number(course.passMark)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}
