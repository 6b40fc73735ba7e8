package org.mapiscope.evtx.conformance;

import java.util.HexFormat;
import java.util.Locale;
import org.mapiscope.evtx.DataItem;

/**
 * Whether one of our typed data values says the same as a reference tool's text for it. Only types
 * whose text form the tools agree on are compared (strings, integers, binary); for the others
 * (times, GUIDs, SIDs, reals, arrays) each tool has its own spelling, so they are left out.
 */
final class ValueMatch {

  private ValueMatch() {}

  /** {@code null} when they match or cannot be compared, else a description of the difference. */
  static String compare(DataItem ours, RefEvent.RefData ref, ReferenceTool tool) {
    Object v = ours.value();
    String text = ref.text();
    boolean same;
    if (v == null) {
      same = text == null || text.isEmpty();
    } else if (v instanceof String s) {
      // the references print XML, and an XML parser turns CR LF and lone CR into LF
      same =
          s.replace("\r\n", "\n").replace('\r', '\n').equals(text)
              // evtxexport prints a value of only white space (a lone LF) as an empty element
              || tool == ReferenceTool.EVTXEXPORT && s.isBlank() && text.isEmpty();
    } else if (v instanceof Long n) {
      same = sameNumber(n, text);
    } else if (v instanceof byte[] b) {
      same = HexFormat.of().formatHex(b).equalsIgnoreCase(text.strip());
    } else {
      return null;
    }
    return same ? null : "ours " + render(v) + " vs reference '" + text + "'";
  }

  private static boolean sameNumber(long n, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      long parsed =
          t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
      return parsed == n;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String render(Object v) {
    return v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v);
  }
}
