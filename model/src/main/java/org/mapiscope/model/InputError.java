package org.mapiscope.model;

import java.io.Serializable;

/**
 * A record that could not be read.
 *
 * @param where {@code file:line}, {@code file record N} or {@code file offset 0x…}
 * @param message why, in words an admin understands
 */
public record InputError(String where, String message) implements Serializable {}
