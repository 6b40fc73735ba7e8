package org.mapiscope.evtx;

import java.time.Instant;

/** The record mappers the reader offers: typed records, and typed records with their XML. */
final class Mappers {

    private Mappers() {
    }

    static final class Records implements RecordMapper<EventRecord> {
        private final RecordCollector collector = new RecordCollector();

        @Override
        public BinXmlVisitor begin(long recordId, Instant written, long fileOffset) {
            collector.begin(recordId, written, fileOffset);
            return collector;
        }

        @Override
        public EventRecord finish() {
            return collector.finish();
        }
    }

    /** Feeds both the collector and the XML renderer from one walk. */
    static final class Xml implements RecordMapper<XmlRecord>, BinXmlVisitor {
        private final RecordCollector collector = new RecordCollector();
        private final XmlRenderer renderer = new XmlRenderer();

        @Override
        public BinXmlVisitor begin(long recordId, Instant written, long fileOffset) {
            collector.begin(recordId, written, fileOffset);
            renderer.begin();
            return this;
        }

        @Override
        public XmlRecord finish() {
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
