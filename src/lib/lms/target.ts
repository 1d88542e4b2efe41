// Which LMS package this build is (PACKAGE_TARGET, set by scripts/package.js), or undefined for
// the web app. Build-time constants (vite.config.ts): in the web app every LMS branch is dropped.
export type PackageTarget = 'scorm12' | 'scorm2004' | 'cmi5';

export const packageTarget = (__PACKAGE_TARGET__ || undefined) as PackageTarget | undefined;

/** Where "Start a live session" goes in a package: a configured live server, or nowhere. */
export const liveOrigin: string | undefined = __LIVE_ORIGIN__ || undefined;
