package org.mapiscope.sim.evidence;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.mapiscope.model.ExchangeDefaults;

/**
 * Writes Event 9646 as {@code wevtutil qe Application /q:"*[System[(EventID=9646)]]" /f:RenderedXml}
 * does: a bare sequence of {@code <Event>} elements, one per line, no root and no declaration, with
 * the three insertion strings (session identity, limit, object type) and the rendered message
 * (research/formats.md §3, domain.md §1). The file is opened with the first event only.
 */
final class EventLogXml implements AutoCloseable {

    static final String PATH = "eventlog/Application-9646.xml";
    static final int QUALIFIERS = ExchangeDefaults.STORE_ERROR_QUALIFIERS;
    static final int EVENT_ID = ExchangeDefaults.LIMIT_EVENT_ID;
    /** Category "General" of MSExchangeIS. */
    static final int TASK_GENERAL = 6;
    private static final DateTimeFormatter SYSTEM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'0000Z'").withZone(ZoneOffset.UTC);

    private final EvidenceOutput out;
    private final String computer;
    private Writer writer;
    private long recordId;

    EventLogXml(EvidenceOutput out, String computer, long firstRecordId) {
        this.out = out;
        this.computer = computer;
        this.recordId = firstRecordId;
    }

    void sessionLimitExceeded(Instant at, String dn, int limit) throws IOException {
        limitExceeded(at, dn, limit, ExchangeDefaults.SESSION_OBJECT_TYPE);
    }

    /** One Event 9646 for any object type: {@code session}, or a per-session cap such as {@code objtFolder}. */
    void limitExceeded(Instant at, String dn, int limit, String type) throws IOException {
        if (writer == null) {
            writer = out.open(PATH, StandardCharsets.UTF_8);
        }
        String message = "Mapi session \"" + dn + "\" exceeded the maximum of " + limit + " objects of type \""
                + type + "\".";
        writer.write("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='" + ExchangeDefaults.STORE_EVENT_SOURCE + "'/><EventID Qualifiers='" + QUALIFIERS + "'>" + EVENT_ID + "</EventID>"
                + "<Level>2</Level><Task>" + TASK_GENERAL + "</Task><Keywords>0x80000000000000</Keywords>"
                + "<TimeCreated SystemTime='" + SYSTEM_TIME.format(at) + "'/><EventRecordID>" + recordId++
                + "</EventRecordID><Channel>Application</Channel><Computer>" + xml(computer) + "</Computer><Security/>"
                + "</System><EventData><Data>" + xml(dn) + "</Data><Data>" + limit + "</Data><Data>" + xml(type)
                + "</Data></EventData><RenderingInfo Culture='en-US'><Message>" + xml(message) + "</Message>"
                + "<Level>Error</Level><Task>General</Task><Opcode></Opcode><Channel></Channel><Provider></Provider>"
                + "<Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>\r\n");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
