package org.mapiscope.evtx.testkit;

/**
 * Binary XML tokens ([MS-EVEN6] 2.2.12 BinXml) written into a chunk buffer, whose positions are
 * chunk offsets. Element sizes are back-patched; names go through the chunk's string table.
 */
final class BinXmlWriter {

  static final int FRAGMENT_HEADER = 0x0F;
  static final int OPEN_START = 0x01;
  static final int CLOSE_START = 0x02;
  static final int CLOSE_EMPTY = 0x03;
  static final int END_ELEMENT = 0x04;
  static final int VALUE = 0x05;
  static final int ATTRIBUTE = 0x06;
  static final int TEMPLATE_INSTANCE = 0x0C;
  static final int OPTIONAL_SUBSTITUTION = 0x0E;
  static final int END_OF_FRAGMENT = 0x00;
  static final int MORE_FLAG = 0x40;
  static final int NO_DEPENDENCY = 0xFFFF;

  static final int TYPE_STRING = 0x01;

  private final LeBuffer out;
  private final ChunkNames names;

  BinXmlWriter(LeBuffer out, ChunkNames names) {
    this.out = out;
    this.names = names;
  }

  LeBuffer out() {
    return out;
  }

  void fragmentHeader() {
    out.u8(FRAGMENT_HEADER).u8(1).u8(1).u8(0);
  }

  /**
   * Opens {@code <name}; returns the mark to pass to {@link #endElement} or {@link #closeEmpty}.
   *
   * @param dependency the substitution whose NULL value drops this element, or {@link
   *     #NO_DEPENDENCY}
   */
  int openElement(String name, int dependency, boolean hasAttributes) {
    out.u8(hasAttributes ? OPEN_START | MORE_FLAG : OPEN_START).u16(dependency);
    int sizeAt = out.size();
    out.u32(0);
    names.reference(out, name);
    if (hasAttributes) {
      out.u32(0); // attribute list size, patched by closeStart/closeEmpty
    }
    return sizeAt;
  }

  /** {@code name="…"}; {@code last} is false when another attribute follows. */
  void attribute(String name, boolean last) {
    out.u8(last ? ATTRIBUTE : ATTRIBUTE | MORE_FLAG);
    names.reference(out, name);
  }

  void text(String value) {
    out.u8(VALUE).u8(TYPE_STRING).u16(value.length()).utf16(value);
  }

  void substitution(int index, int type) {
    out.u8(OPTIONAL_SUBSTITUTION).u16(index).u8(type);
  }

  /** Ends the start tag with {@code >}; content follows. */
  void closeStart(int mark, boolean hadAttributes) {
    patchAttributeList(mark, hadAttributes);
    out.u8(CLOSE_START);
  }

  /** Ends an element with {@code />}. */
  void closeEmpty(int mark, boolean hadAttributes) {
    patchAttributeList(mark, hadAttributes);
    out.u8(CLOSE_EMPTY);
    patchSize(mark);
  }

  void endElement(int mark) {
    out.u8(END_ELEMENT);
    patchSize(mark);
  }

  void endOfFragment() {
    out.u8(END_OF_FRAGMENT);
  }

  /** Shorthand: {@code <name>%index</name>}, dropped when the value is NULL. */
  void substitutedElement(String name, int index, int type) {
    int mark = openElement(name, index, false);
    closeStart(mark, false);
    substitution(index, type);
    endElement(mark);
  }

  /** Shorthand: {@code <name>text</name>}. */
  void textElement(String name, String text) {
    int mark = openElement(name, NO_DEPENDENCY, false);
    closeStart(mark, false);
    text(text);
    endElement(mark);
  }

  private void patchAttributeList(int mark, boolean hadAttributes) {
    if (!hadAttributes) {
      return;
    }
    int listSizeAt = attributeListSizeAt(mark);
    out.patchU32(listSizeAt, out.size() - listSizeAt - 4);
  }

  /** The attribute list size follows the name reference, which may carry an inline name. */
  private int attributeListSizeAt(int mark) {
    return names.endOfReference(mark + 4);
  }

  /** The element size counts from after the size field to the end of the element. */
  private void patchSize(int mark) {
    out.patchU32(mark, out.size() - mark - 4);
  }
}
