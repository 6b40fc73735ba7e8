package org.mapiscope.evtx;

/**
 * Receives a record's resolved XML, in document order, with templates already applied: attributes
 * follow their {@link #startElement}, values keep their BinXML type.
 */
interface BinXmlVisitor {

  void startElement(String name);

  /** An attribute; {@code value} is typed as in {@link DataItem} and never null. */
  void attribute(String name, int type, Object value);

  /** Element text: a literal ({@link ValueType#STRING}) or a substitution value, never null. */
  void text(int type, Object value);

  void charRef(int code);

  void entityRef(String name);

  void cdata(String text);

  void processingInstruction(String target, String data);

  void endElement(String name);
}
