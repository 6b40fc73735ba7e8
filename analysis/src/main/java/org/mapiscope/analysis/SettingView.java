package org.mapiscope.analysis;

import org.mapiscope.model.SettingValue;

/**
 * A setting as the report shows it.
 *
 * @param server server, or {@code null} when unknown
 * @param name canonical name ({@code KeepAliveTime}, …)
 * @param value the value in effect: the one read, the default when absent from the evidence or
 *     shown not set, {@link SettingValue.Absent} when not set and without a default
 * @param source {@code file:line} it was read from, or {@code default} when absent from the
 *     evidence
 */
public record SettingView(String server, String name, SettingValue value, String source) {

  public static final String DEFAULT_SOURCE = "default";
}
