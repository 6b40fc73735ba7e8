package org.mapiscope.ingest.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only plainly written ids other than 9646 are decided from the raw text; everything else is
 * parsed.
 */
class RawEventIdTest {

  private static boolean isOther(String event) {
    String padded = "xx" + event + "yy"; // the element need not start at the buffer's start
    return RawEventId.isOtherEvent(padded.toCharArray(), 2, 2 + event.length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<Event><System><Provider Name='ESE'/><EventID>326</EventID></System></Event>",
        "<Event><System><Provider Name='ESE'/><EventID"
            + " Qualifiers='16388'>2080</EventID></System></Event>",
        "<Event xmlns='x'>\r\n"
            + "<System>\r\n"
            + "<EventID\r\n"
            + " Qualifiers=\"0\">\r\n"
            + " 1000 \r\n"
            + "</EventID></System></Event>",
        "<Event><System><EventID>19646</EventID></System></Event>",
        "<Event><System><EventID>3221235117</EventID></System></Event>",
      })
  void countsPlainOtherEvents(String event) {
    assertThat(isOther(event)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<Event><System><Provider Name='MSExchangeIS'/><EventID"
            + " Qualifiers='49158'>9646</EventID></System></Event>",
        "<Event><System><Provider Name='ESE'/><EventID>9646</EventID></System></Event>",
        "<Event><System><EventID>3221235118</EventID></System></Event>", // 0xC00025AE: qualifiers
        // and 9646
        "<Event><System><EventID>0009646</EventID></System></Event>",
        "<Event><System><Provider"
            + " Name='x'/></System><EventData><EventID>1</EventID></EventData></Event>",
        "<Event><System><!-- <EventID>1</EventID> --><EventID>9646</EventID></System></Event>",
        "<Event><System><EventID><![CDATA[1]]></EventID></System></Event>",
        "<Event><System><EventID>&#57;646</EventID></System></Event>",
        "<Event><System><EventID>96&#52;6</EventID></System></Event>",
        "<Event><System><EventID/></System></Event>",
        "<Event><System><EventID></EventID></System></Event>",
        "<Event><System><EventID>-1</EventID></System></Event>",
        "<Event><System><EventID>+1</EventID></System></Event>",
        "<Event><System><EventID>1234567890123456789012</EventID></System></Event>",
        "<Event><System><e:EventID>1</e:EventID></System></Event>",
        "<Event><System><EventIDs>1</EventIDs></System></Event>",
        "<Event><System><EventID>1",
        "<Event/>",
      })
  void leavesEverythingElseToTheParser(String event) {
    assertThat(isOther(event)).isFalse();
  }
}
