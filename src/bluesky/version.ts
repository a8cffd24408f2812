// The release, for what must not outlive it (the session cache's key). A test keeps it equal to
// package.json's version.
export const VERSION = '0.1.0';
