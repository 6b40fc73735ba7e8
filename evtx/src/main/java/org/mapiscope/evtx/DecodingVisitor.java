package org.mapiscope.evtx;

/** Decodes each value and hands the record to a {@link BinXmlVisitor} (typed records, XML text). */
final class DecodingVisitor implements RawVisitor {

  private final BinXmlVisitor target;
  private byte[] b;
  private int length;

  DecodingVisitor(BinXmlVisitor target) {
    this.target = target;
  }

  @Override
  public void chunk(byte[] bytes, int length) {
    this.b = bytes;
    this.length = length;
  }

  @Override
  public void startElement(String name) {
    target.startElement(name);
  }

  @Override
  public void attribute(String name, int type, int at, int size) {
    target.attribute(name, type, Values.decode(b, at, size, type, length));
  }

  @Override
  public void attribute(String name, String text) {
    target.attribute(name, ValueType.STRING, text);
  }

  @Override
  public void text(int type, int at, int size) {
    target.text(type, Values.decode(b, at, size, type, length));
  }

  @Override
  public void text(String literal) {
    target.text(ValueType.STRING, literal);
  }

  @Override
  public void charRef(int code) {
    target.charRef(code);
  }

  @Override
  public void entityRef(String name) {
    target.entityRef(name);
  }

  @Override
  public void cdata(String text) {
    target.cdata(text);
  }

  @Override
  public void processingInstruction(String target, String data) {
    this.target.processingInstruction(target, data);
  }

  @Override
  public void endElement(String name) {
    target.endElement(name);
  }
}
