// The package's own LMS adapter: this file names the SCORM one (1.2 and 2004), and a cmi5
// package's build resolves '$lib/lms/adapter' to cmi5.ts instead (vite.config.ts). So each package
// carries one adapter, in the file every page loads, with no request of its own.
export { connectPackage } from './scorm';
