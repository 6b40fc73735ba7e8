package org.mapiscope.evtx;

import java.util.ArrayList;
import java.util.List;

/**
 * Record mappers for typed records, and typed records with their XML (JSON lines: {@link
 * JsonLineMapper}).
 */
final class Mappers {

  private Mappers() {}

  /** Collects the chunk's results in a list. */
  private abstract static class Listing<T> implements RecordMapper<List<T>> {
    private List<T> out = new ArrayList<>(128);

    abstract T finish();

    @Override
    public void commit() {
      out.add(finish());
    }

    @Override
    public void abort() {
      // The collector starts over with the next record.
    }

    @Override
    public List<T> take() {
      if (out.isEmpty()) {
        return null;
      }
      List<T> chunk = out;
      out = new ArrayList<>(128);
      return chunk;
    }
  }

  static final class Records extends Listing<EventRecord> {
    private final RecordCollector collector = new RecordCollector();
    private final DecodingVisitor visitor = new DecodingVisitor(collector);

    @Override
    public RawVisitor begin(long recordId, long written, long fileOffset) {
      collector.begin(recordId, FileTimes.fromFileTime(written), fileOffset);
      return visitor;
    }

    @Override
    EventRecord finish() {
      return collector.finish();
    }
  }

  /** Feeds both the collector and the XML renderer from one walk. */
  static final class Xml extends Listing<XmlRecord> implements BinXmlVisitor {
    private final RecordCollector collector = new RecordCollector();
    private final XmlRenderer renderer = new XmlRenderer();
    private final DecodingVisitor visitor = new DecodingVisitor(this);

    @Override
    public RawVisitor begin(long recordId, long written, long fileOffset) {
      collector.begin(recordId, FileTimes.fromFileTime(written), fileOffset);
      renderer.begin();
      return visitor;
    }

    @Override
    XmlRecord finish() {
      return new XmlRecord(collector.finish(), renderer.finish());
    }

    @Override
    public void startElement(String name) {
      collector.startElement(name);
      renderer.startElement(name);
    }

    @Override
    public void attribute(String name, int type, Object value) {
      collector.attribute(name, type, value);
      renderer.attribute(name, type, value);
    }

    @Override
    public void text(int type, Object value) {
      collector.text(type, value);
      renderer.text(type, value);
    }

    @Override
    public void charRef(int code) {
      collector.charRef(code);
      renderer.charRef(code);
    }

    @Override
    public void entityRef(String name) {
      collector.entityRef(name);
      renderer.entityRef(name);
    }

    @Override
    public void cdata(String text) {
      collector.cdata(text);
      renderer.cdata(text);
    }

    @Override
    public void processingInstruction(String target, String data) {
      collector.processingInstruction(target, data);
      renderer.processingInstruction(target, data);
    }

    @Override
    public void endElement(String name) {
      collector.endElement(name);
      renderer.endElement(name);
    }
  }
}
