package org.mapiscope.evtx;

/** BinXML value type codes ([MS-EVEN6] 2.2.12; libyal EVTX notes, "Value types"). */
final class ValueType {

  static final int NULL = 0x00;
  static final int STRING = 0x01;
  static final int ANSI_STRING = 0x02;
  static final int INT8 = 0x03;
  static final int UINT8 = 0x04;
  static final int INT16 = 0x05;
  static final int UINT16 = 0x06;
  static final int INT32 = 0x07;
  static final int UINT32 = 0x08;
  static final int INT64 = 0x09;
  static final int UINT64 = 0x0A;
  static final int REAL32 = 0x0B;
  static final int REAL64 = 0x0C;
  static final int BOOL = 0x0D;
  static final int BINARY = 0x0E;
  static final int GUID = 0x0F;
  static final int SIZE_T = 0x10;
  static final int FILETIME = 0x11;
  static final int SYSTEMTIME = 0x12;
  static final int SID = 0x13;
  static final int HEX_INT32 = 0x14;
  static final int HEX_INT64 = 0x15;
  static final int EVT_HANDLE = 0x20;
  static final int BINXML = 0x21;
  static final int EVT_XML = 0x23;

  /** Set on any of the above for an array of that type. */
  static final int ARRAY = 0x80;

  private ValueType() {}

  /** Sizes by type code, looked up once per value on the hot path instead of switched on. */
  private static final byte[] FIXED_SIZES = new byte[256];

  static {
    for (int t : new int[] {INT8, UINT8}) {
      FIXED_SIZES[t] = 1;
    }
    for (int t : new int[] {INT16, UINT16}) {
      FIXED_SIZES[t] = 2;
    }
    for (int t : new int[] {INT32, UINT32, REAL32, BOOL, HEX_INT32}) {
      FIXED_SIZES[t] = 4;
    }
    for (int t : new int[] {INT64, UINT64, REAL64, FILETIME, HEX_INT64}) {
      FIXED_SIZES[t] = 8;
    }
    FIXED_SIZES[GUID] = 16;
    FIXED_SIZES[SYSTEMTIME] = 16;
  }

  /** Size of one element of a fixed-size type, or 0 for variable-size types (and arrays). */
  static int fixedSize(int type) {
    return (type & ~0xFF) == 0 ? FIXED_SIZES[type] : 0;
  }
}
