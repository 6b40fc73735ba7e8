package org.mapiscope.model;

import java.io.Serializable;
import java.util.OptionalLong;

/**
 * A registry setting's value as the evidence shows it: a number, text, or shown not set. Absent is
 * a fact (the export has the key without the value, so the default applies), unlike a setting no
 * export covered, which has no {@link Setting} at all.
 */
public sealed interface SettingValue extends Serializable {

  /** A REG_DWORD (or any value written as a decimal number). */
  record Dword(long value) implements SettingValue {
    @Override
    public String text() {
      return Long.toString(value);
    }
  }

  /** The export shows the setting's key without this value: the default applies. */
  record Absent() implements SettingValue {
    @Override
    public String text() {
      return "not set";
    }
  }

  /** A value that is not a number, as written. */
  record Text(String text) implements SettingValue {
    public Text {
      java.util.Objects.requireNonNull(text, "text");
    }
  }

  /** A value read as text: a {@link Dword} when it is a decimal number, else {@link Text}. */
  static SettingValue of(String text) {
    try {
      return new Dword(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return new Text(text);
    }
  }

  /** How reports write it: decimal for a number, {@code not set} when absent, else the text. */
  String text();

  /** The value as a number, when it is one. */
  default OptionalLong number() {
    return this instanceof Dword d ? OptionalLong.of(d.value()) : OptionalLong.empty();
  }
}
