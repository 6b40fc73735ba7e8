package org.mapiscope.evtx;

/**
 * Receives a record's resolved XML like {@link BinXmlVisitor}, but with substitution values left in
 * the chunk as {@code (type, offset, size)}: {@link Values#decode} gives the typed value, and
 * writers that only copy values out never build it. Values passed here are never null ({@link
 * Values#isNull}) and never BinXml (those are expanded in place).
 */
interface RawVisitor {

  /** Called before each record with the chunk the value offsets refer to. */
  void chunk(byte[] bytes, int length);

  void startElement(String name);

  /** An attribute whose value is one substitution. */
  void attribute(String name, int type, int at, int size);

  /** An attribute with literal text (or text joined from several parts). */
  void attribute(String name, String text);

  /** Element text from a substitution. */
  void text(int type, int at, int size);

  /** Literal element text. */
  void text(String literal);

  void charRef(int code);

  void entityRef(String name);

  void cdata(String text);

  void processingInstruction(String target, String data);

  void endElement(String name);

  /** {@link #startElement(String)} from a template plan, with the name's decisions made once. */
  default void startElement(Name name) {
    startElement(name.text);
  }

  default void attribute(Name name, int type, int at, int size) {
    attribute(name.text, type, at, size);
  }

  default void attribute(Name name, String text) {
    attribute(name.text, text);
  }

  default void endElement(Name name) {
    endElement(name.text);
  }
}
