package io.gordon.local.zonefile;

/**
 * A record of a type gordon does not manage (e.g. DS, SSHFP), read from a file a person edited;
 * kept as written and written back unchanged.
 *
 * @param owner absolute owner name
 * @param ttl TTL in seconds
 * @param type the type mnemonic, upper case
 * @param rdata the rdata tokens joined by single spaces
 */
record RawRecord(String owner, long ttl, String type, String rdata) {}
