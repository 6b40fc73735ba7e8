package org.mapiscope.ingest.eventlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Recovers the insertion strings from the text Windows writes when the machine that rendered an
 * event lacks the source's message file ("The description for Event ID … cannot be found"). That
 * is what an admin gets when exporting an Exchange server's log on a workstation without Exchange.
 * Three English layouts are known:
 * <ul>
 *   <li>Event Viewer (Vista+): {@code …included with the event:} then one string per line, ended by a blank line;</li>
 *   <li>{@code Get-EventLog}: {@code …part of the event:'s1', 's2', 's3'};</li>
 *   <li>Event Viewer (Server 2003): {@code …part of the event: s1, s2, s3.}</li>
 * </ul>
 */
final class MissingDescription {

    private MissingDescription() {
    }

    private static final String VIEWER_MARKER = "The following information was included with the event:";
    private static final String PART_MARKER = "The following information is part of the event:";

    /** The insertion strings in order, or empty when the text is not a missing-description text. */
    static Optional<List<String>> insertionStrings(String message) {
        if (message == null) {
            return Optional.empty();
        }
        int viewer = message.indexOf(VIEWER_MARKER);
        if (viewer >= 0) {
            return nonEmpty(lineSeparated(message.substring(viewer + VIEWER_MARKER.length())));
        }
        int part = message.indexOf(PART_MARKER);
        if (part >= 0) {
            String tail = message.substring(part + PART_MARKER.length()).strip();
            return nonEmpty(tail.startsWith("'") ? singleQuoted(tail) : commaSeparated(tail));
        }
        return Optional.empty();
    }

    private static List<String> lineSeparated(String tail) {
        List<String> strings = new ArrayList<>();
        for (String line : tail.split("\\r?\\n|\\r", -1)) {
            if (!line.isBlank()) {
                strings.add(line.strip());
            } else if (!strings.isEmpty()) {
                break; // a note such as "the message resource is present but…" follows the blank line
            }
        }
        return strings;
    }

    private static List<String> singleQuoted(String tail) {
        String inner = tail.substring(1);
        if (inner.endsWith("'")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        return Arrays.asList(inner.split("', '", -1));
    }

    // Server 2003 does not quote the strings; an identity may hold ", " itself, the limit and
    // the type never do, so the last two items are those and everything before is the identity.
    private static List<String> commaSeparated(String tail) {
        String body = tail.endsWith(".") ? tail.substring(0, tail.length() - 1) : tail;
        String[] items = body.split(", ", -1);
        if (items.length < 3) {
            return Arrays.asList(items);
        }
        String identity = String.join(", ", Arrays.copyOfRange(items, 0, items.length - 2));
        return List.of(identity, items[items.length - 2], items[items.length - 1]);
    }

    private static Optional<List<String>> nonEmpty(List<String> strings) {
        return strings.isEmpty() ? Optional.empty() : Optional.of(strings);
    }
}
