package org.mapiscope.evtx.testkit;

/** Encodes {@code S-1-…} strings as binary security identifiers. */
final class SidBytes {

  private SidBytes() {}

  static byte[] encode(String sid) {
    String[] parts = sid.split("-");
    if (parts.length < 3 || !parts[0].equals("S")) {
      throw new IllegalArgumentException("not a SID: " + sid);
    }
    int subCount = parts.length - 3;
    LeBuffer out = new LeBuffer().u8(Integer.parseInt(parts[1])).u8(subCount);
    long authority = Long.parseLong(parts[2]);
    for (int shift = 40; shift >= 0; shift -= 8) {
      out.u8((int) (authority >>> shift)); // big-endian, unlike everything else
    }
    for (int i = 0; i < subCount; i++) {
      out.u32(Long.parseLong(parts[3 + i]));
    }
    return out.toByteArray();
  }
}
