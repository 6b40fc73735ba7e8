package org.mapiscope.analysis;

/**
 * The Exchange version the remedies were written for, and why.
 *
 * @param version the version used
 * @param basis in words: given by the admin, or which evidence pointed to it
 */
public record VersionVerdict(ExchangeVersion version, String basis) {}
