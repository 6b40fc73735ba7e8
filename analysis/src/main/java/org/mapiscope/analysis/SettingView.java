package org.mapiscope.analysis;

/**
 * A setting as the report shows it.
 *
 * @param server server, or {@code null} when unknown
 * @param name canonical name ({@code KeepAliveTime}, …)
 * @param value value as text
 * @param source {@code file:line} it was read from, or {@code default} when absent from the
 *     evidence
 */
public record SettingView(String server, String name, String value, String source) {

  public static final String DEFAULT_SOURCE = "default";
}
