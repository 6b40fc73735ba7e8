package org.mapiscope.evtx;

/**
 * A Windows security identifier in its string form ({@code S-1-5-21-…}).
 *
 * @param text the SDDL string form
 */
public record Sid(String text) {

  @Override
  public String toString() {
    return text;
  }
}
