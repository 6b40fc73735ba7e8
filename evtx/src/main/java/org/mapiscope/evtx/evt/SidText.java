package org.mapiscope.evtx.evt;

/** A binary security identifier in its {@code S-1-…} string form. */
final class SidText {

  private SidText() {}

  /** The string form, or {@code null} when the bytes are no SID of exactly that length. */
  static String format(byte[] b, int at, int length) {
    if (length < 8) {
      return null;
    }
    int revision = b[at] & 0xff;
    int subCount = b[at + 1] & 0xff;
    if (length != 8 + 4 * subCount) {
      return null;
    }
    long authority = 0;
    for (int i = 0; i < 6; i++) {
      authority = authority << 8 | (b[at + 2 + i] & 0xff);
    }
    StringBuilder text = new StringBuilder("S-").append(revision).append('-');
    // SDDL writes authorities that do not fit 32 bits in hex
    text.append(
        authority < (1L << 32) ? Long.toString(authority) : String.format("0x%012X", authority));
    for (int i = 0; i < subCount; i++) {
      text.append('-').append(Bytes.u32(b, at + 8 + 4 * i));
    }
    return text.toString();
  }
}
