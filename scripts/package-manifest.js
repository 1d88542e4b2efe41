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

/** The SCORM 2004 4th edition schema files (ADL's), shipped at the package root. */
export const scorm2004Schemas = [
	'imscp_v1p1.xsd',
	'adlcp_v1p3.xsd',
	'adlseq_v1p3.xsd',
	'adlnav_v1p3.xsd',
	'imsss_v1p0.xsd',
	'imsss_v1p0auxresource.xsd',
	'imsss_v1p0control.xsd',
	'imsss_v1p0delivery.xsd',
	'imsss_v1p0limit.xsd',
	'imsss_v1p0objective.xsd',
	'imsss_v1p0random.xsd',
	'imsss_v1p0rollup.xsd',
	'imsss_v1p0seqrule.xsd',
	'imsss_v1p0util.xsd',
	'xml.xsd',
	'XMLSchema.dtd',
	'datatypes.dtd'
];

/**
 * SCORM 2004 4th edition (IMS CP 1.1.4 with ADL's extensions): the whole course is one SCO at
 * index.html. Its primary objective is satisfied by measure at the course pass mark, so the LMS
 * gives the SCO cmi.scaled_passing_score and records passed or failed; the SCO sets completion
 * and success itself.
 * @param {{ title: string, version: string, passMark: number }} course
 * @param {string[]} files every file of the package, relative to its root
 */
export function scorm2004Manifest(course, files) {
	const title = escape(course.title);
	const fileList = files
		.filter((f) => f !== 'imsmanifest.xml')
		.map((f) => `      <file href="${escape(href(f))}"/>`)
		.join('\n');
	const passing = (Number(course.passMark) / 100).toFixed(2);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="coproduction-course-${escape(course.version)}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${title}</title>
      <item identifier="course-item" identifierref="course-sco" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="course-passed" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${passing}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * For validation only, not shipped: SCORM 2004's schemas import nothing from each other, so this
 * driver imports the five namespaces a manifest uses and libxml2 checks the ADL and IMS SS
 * elements too, not only IMS CP.
 */
export const scorm2004ValidationDriver = {
	fileName: 'driver.xsd',
	contents: `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:driver">
  <xs:import namespace="http://www.imsglobal.org/xsd/imscp_v1p1" schemaLocation="imscp_v1p1.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_v1p3" schemaLocation="adlcp_v1p3.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlseq_v1p3" schemaLocation="adlseq_v1p3.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlnav_v1p3" schemaLocation="adlnav_v1p3.xsd"/>
  <xs:import namespace="http://www.imsglobal.org/xsd/imsss" schemaLocation="imsss_v1p0.xsd"/>
</xs:schema>`
};

/** The cmi5 course and AU ids: stable IRIs (URNs), the same for every version of the course. */
export const cmi5Ids = {
	course: 'urn:coproduction-course:cmi5:course',
	au: 'urn:coproduction-course:cmi5:au:course'
};

/**
 * cmi5 (course structure v1): the whole course is one AU launched at index.html, as it is one SCO
 * in the SCORM packages: one progress envelope, one course score, one resume state. moveOn
 * CompletedAndPassed with the course pass mark as masteryScore (scaled 0–1), so the LMS counts the
 * AU satisfied once every lesson is done and the course score reaches the pass mark.
 * @param {{ title: string, description?: string, passMark: number }} course
 */
export function cmi5Manifest(course) {
	const text = (/** @type {string} */ value) =>
		`<langstring lang="en-GB">${escape(value)}</langstring>`;
	const title = text(course.title);
	const description = text(course.description ?? course.title);
	const mastery = (Number(course.passMark) / 100).toFixed(2);
	return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${cmi5Ids.course}">
    <title>${title}</title>
    <description>${description}</description>
  </course>
  <au id="${cmi5Ids.au}" moveOn="CompletedAndPassed" masteryScore="${mastery}" launchMethod="AnyWindow">
    <title>${title}</title>
    <description>${description}</description>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}
