package org.mapiscope.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A server setting read from a registry export.
 *
 * @param server the server the export came from, or {@code null} when the evidence does not say
 * @param name canonical name, one of {@link ExchangeDefaults}' setting names (e.g. {@code
 *     KeepAliveTime}, {@code MaxObjsPerMapiSession\objtFolder})
 * @param value the value read, or {@link SettingValue.Absent} when the export shows it not set
 * @param ref where it was read
 */
public record Setting(String server, String name, SettingValue value, EvidenceRef ref)
    implements Evidence {

  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(ref, "ref");
  }

  /** Whether the export showed this value as not set. */
  public boolean isAbsent() {
    return value instanceof SettingValue.Absent;
  }

  /** The value as a number, when it is one. */
  public OptionalLong numericValue() {
    return value.number();
  }
}
