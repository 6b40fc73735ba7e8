package org.mapiscope.model;

import java.util.List;

/**
 * What was read from one input file.
 *
 * @param path    the file as the user gave it (archive entries as {@code archive.zip!/entry})
 * @param format  the detected format ({@code rca}, {@code event-xml}, {@code evtx}, …, or {@code unrecognized})
 * @param records records read
 * @param skipped records skipped because they were broken
 * @param errors  the first errors (at most {@link #MAX_ERRORS}); {@code skipped} counts them all
 */
public record InputSummary(String path, String format, long records, long skipped, List<InputError> errors) {

    /** DESIGN §3: keep the first 100 errors per file, count all. */
    public static final int MAX_ERRORS = 100;

    public static final String UNRECOGNIZED = "unrecognized";

    public InputSummary {
        errors = List.copyOf(errors);
    }
}
