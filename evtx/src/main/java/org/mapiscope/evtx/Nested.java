package org.mapiscope.evtx;

/**
 * A BinXml (type 0x21) substitution value: a fragment inside the chunk, decoded when walked so that
 * its elements join the surrounding document in place.
 *
 * @param offset chunk offset of the fragment
 * @param length its size in bytes
 */
record Nested(int offset, int length) {}
