package org.mapiscope.ingest.archive;

import java.util.Optional;

/**
 * Decides whether an archive entry name is safe to show and read (docs/safety.md). We never write
 * entries to disk, but a name that climbs out of the archive ({@code ../}), is absolute, names a
 * drive or hides such a path behind backslashes is a sign of a crafted archive, so it is refused.
 */
public final class EntryNames {

  private EntryNames() {}

  /** Why the name is refused, or empty when it is safe. */
  public static Optional<String> refusal(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("the entry has no name");
    }
    if (name.indexOf('\0') >= 0) {
      return Optional.of("the entry name contains a NUL character");
    }
    String slashed = name.replace('\\', '/');
    if (slashed.startsWith("/")) {
      return Optional.of("the entry name is an absolute path");
    }
    if (slashed.length() >= 2
        && slashed.charAt(1) == ':'
        && Character.isLetter(slashed.charAt(0))) {
      return Optional.of("the entry name starts with a drive letter");
    }
    for (String part : slashed.split("/")) {
      if (part.equals("..")) {
        return Optional.of("the entry name climbs out of the archive with '..'");
      }
    }
    return Optional.empty();
  }
}
