// Debian's archive, as the harness reaches it: the base image is debootstrapped from it and a
// manifest's `previous: { from: debian }` is downloaded from it.
export const MIRROR = 'http://deb.debian.org/debian';

/** Debian's security archive: a suite's security updates are versions Debian ships too. */
export const SECURITY_MIRROR = 'http://security.debian.org/debian-security';
