package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.Sniff;

/**
 * Each event format is recognised by its content alone, and other evidence is left to other
 * readers.
 */
class DetectionTest {

  private static List<String> detecting(String name, byte[] bytes) {
    Sniff sniff = Collecting.sniff(bytes, name);
    return EventFormatSpecTest.READERS.stream()
        .filter(r -> r.detect(sniff))
        .map(FormatReader::format)
        .toList();
  }

  private static List<String> detectingText(String name, String text) {
    return detecting(name, TestBytes.utf8(text));
  }

  private static List<String> detectingUtf16(String name, String text) {
    return detecting(name, TestBytes.utf16LeWithBom(text));
  }

  @Test
  void leavesOtherEvidenceAlone() {
    assertThat(
            detectingText(
                "RCA_20260102-1.LOG",
                "#Software: Microsoft Exchange Server\r\n"
                    + "#Version: 14.0.0.0\r\n"
                    + "#Log-type: RCA Protocol Logs\r\n"
                    + "#Date: 2026-01-02T00:00:00.000Z\r\n"
                    + "#Fields:"
                    + " date-time,session-id,seq-number,client-name,organization-info,client-software,client-software-version,client-mode,client-ip,server-ip,protocol,application-id,operation,rpc-status,processing-time,operation-specific,failures\r\n"
                    + "2026-01-02T08:00:00.000Z,1,0,/o=Contoso/cn=Recipients/cn=jdoe,,OUTLOOK.EXE,14.0.7172.5000,Classic,10.1.1.7,10.1.1.5,ncacn_ip_tcp,,Connect,0,16,,\r\n"))
        .isEmpty();
    assertThat(
            detectingText(
                "logons.csv",
                "#TYPE Microsoft.Exchange.Data.Mapi.LogonStatistics\r\n"
                    + "\"UserName\",\"ClientIPAddress\",\"LogonTime\",\"LastAccessTime\"\r\n"
                    + "\"John\",\"10.1.1.7\",\"1/2/2026 8:00:00 AM\",\"1/2/2026 9:00:00 AM\"\r\n"))
        .isEmpty();
    assertThat(
            detectingUtf16(
                "tcpip.reg",
                "Windows Registry Editor Version 5.00\r\n\r\n"
                    + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]\r\n"
                    + "\"KeepAliveTime\"=dword:000493e0\r\n"))
        .isEmpty();
    assertThat(
            detectingText(
                "netstat.txt",
                "\r\n"
                    + "Active Connections\r\n\r\n"
                    + "  Proto  Local Address          Foreign Address        State          "
                    + " PID\r\n"
                    + "  TCP    10.1.1.5:1063          10.1.1.77:3214         ESTABLISHED    "
                    + " 2412\r\n"))
        .isEmpty();
    assertThat(
            detectingText(
                "other.xml", "<?xml version=\"1.0\"?><config><Event>not windows</Event></config>"))
        .isEmpty();
    assertThat(detectingText("five.csv", "a,b,c,d,e\r\n1,2,3,x,5,6\r\n")).isEmpty();
    assertThat(detectingText("empty.csv", "")).isEmpty();
  }

  @Test
  void recognisesEventXmlInEveryWrapping() {
    String event =
        "<Event xmlns='"
            + EventXmlReader.EVENT_NAMESPACE
            + "'><System><EventID>1</EventID></System></Event>";
    assertThat(detectingText("q.xml", event + "\r\n" + event)).containsExactly("event-xml");
    assertThat(
            detectingUtf16(
                "saved.xml", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<Events>" + event))
        .containsExactly("event-xml");
    assertThat(detectingText("c.xml", "<!-- exported -->\n<Events>\n</Events>"))
        .containsExactly("event-xml");
  }

  @Test
  void recognisesAnEventViewerHeaderAloneOnlyInEnglish() {
    assertThat(detectingText("e.csv", "Level,Date and Time,Source,Event ID,Task Category\r\n"))
        .containsExactly("event-csv");
    assertThat(
            detectingText(
                "d.csv", "Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie\r\n"))
        .isEmpty();
    assertThat(
            detectingText(
                "d.csv",
                "Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie\r\n"
                    + "Fehler,02.11.2026 08:15:00,MSExchangeIS,9646,Allgemein,\"text\"\r\n"))
        .containsExactly("event-csv");
  }
}
