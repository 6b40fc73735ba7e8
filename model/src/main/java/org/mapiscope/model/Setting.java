package org.mapiscope.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A server setting read from a registry export.
 *
 * @param server the server the export came from, or {@code null} when the evidence does not say
 * @param name canonical name, one of {@link ExchangeDefaults}' setting names (e.g. {@code
 *     KeepAliveTime}, {@code MaxObjsPerMapiSession\objtFolder})
 * @param value the value as text (decimal for DWORDs), or {@link #ABSENT}
 * @param ref where it was read
 */
public record Setting(String server, String name, String value, EvidenceRef ref)
    implements Evidence {

  /**
   * The value of a setting the export shows is not set: its key was exported without it, so the
   * default applies — a fact, unlike a setting no export covered.
   */
  public static final String ABSENT = "absent";

  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(ref, "ref");
  }

  /** Whether the export showed this value as not set ({@link #ABSENT}). */
  public boolean isAbsent() {
    return ABSENT.equals(value);
  }

  /** The value as a number, when it is one. */
  public OptionalLong numericValue() {
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
