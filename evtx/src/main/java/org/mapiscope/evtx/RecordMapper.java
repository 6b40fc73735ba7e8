package org.mapiscope.evtx;

import java.time.Instant;

/**
 * Turns each record's resolved XML into a result. One mapper per worker thread; it may reuse
 * its buffers from record to record.
 */
interface RecordMapper<T> {

    /** Starts a record and returns the visitor that receives its XML. */
    BinXmlVisitor begin(long recordId, Instant written, long fileOffset);

    /** The result for the record just visited. */
    T finish();
}
