package org.mapiscope.ingest.reg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mapiscope.ingest.Collecting;
import org.mapiscope.model.InputError;
import org.mapiscope.model.Setting;
import org.mapiscope.model.SettingValue;

class RegReaderTest {

  private final RegReader reader = new RegReader();

  /** regedit 5.00 writes UTF-16LE with a BOM and CRLF. */
  private static byte[] utf16(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xFE);
    out.writeBytes(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE));
    return out.toByteArray();
  }

  private Collecting readFixture() throws IOException {
    String text =
        new String(Collecting.resource("/reg/EX01-tcpip.reg.txt"), StandardCharsets.UTF_8);
    return Collecting.read(reader, utf16(text), "EX01-tcpip.reg", "EX01", ZoneId.of("UTC"));
  }

  @Test
  void readsTheSettingsOfAUtf16ExportWithCanonicalNames() throws IOException {
    byte[] bytes =
        utf16(new String(Collecting.resource("/reg/EX01-tcpip.reg.txt"), StandardCharsets.UTF_8));
    assertThat(reader.detect(Collecting.sniff(bytes, "EX01-tcpip.reg"))).isTrue();
    Collecting c = readFixture();
    assertThat(c.of(Setting.class))
        .filteredOn(s -> !s.isAbsent())
        .extracting(Setting::server, Setting::name, Setting::value)
        .containsExactly(
            tuple("EX01", "KeepAliveTime", new SettingValue.Dword(300000L)),
            tuple("EX01", "Maximum Allowed Sessions Per User", new SettingValue.Dword(64L)),
            tuple("EX01", "MaxObjsPerMapiSession\\objtFolderView", new SettingValue.Dword(800L)),
            tuple("EX01", "MaxObjsPerMapiSession\\objtNewThing", new SettingValue.Dword(16L)));
    assertThat(c.of(Setting.class).get(0).ref().position()).isEqualTo(6);
  }

  @Test
  void saysWhichKnobsTheExportShowsUnsetPointingAtTheirKey() throws IOException {
    Collecting c = readFixture();
    // Ignored near-misses leave their knob unset: the export proves it is at its default.
    assertThat(c.of(Setting.class))
        .filteredOn(Setting::isAbsent)
        .extracting(Setting::name, s -> s.ref().position())
        .containsExactly(
            tuple("KeepAliveInterval", 4L),
            tuple("TcpMaxDataRetransmissions", 4L),
            tuple("Maximum Allowed Service Sessions Per User", 17L),
            tuple("Disable Session Limit", 17L));
  }

  @Test
  void namesTheServerAfterTheHostnameItExports() throws IOException {
    String text =
        "Windows Registry Editor Version 5.00\n\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]\n"
            + "\"Hostname\"=\"EX07\"\n";
    Collecting c =
        Collecting.read(reader, utf16(text), "tcpip.reg", "evidence-folder", ZoneId.of("UTC"));
    assertThat(c.of(Setting.class))
        .extracting(Setting::server, Setting::name, Setting::value)
        .containsExactly(
            tuple("EX07", "KeepAliveTime", new SettingValue.Absent()),
            tuple("EX07", "KeepAliveInterval", new SettingValue.Absent()),
            tuple("EX07", "TcpMaxDataRetransmissions", new SettingValue.Absent()));
  }

  @Test
  void flagsNearMissesWithWhatWindowsDoesInstead() throws IOException {
    Collecting c = readFixture();
    // Malformed lines are reported as met; near misses once the control set in use is known.
    assertThat(c.errors)
        .extracting(InputError::where)
        .containsExactly(
            "EX01-tcpip.reg:11",
            "EX01-tcpip.reg:7",
            "EX01-tcpip.reg:8",
            "EX01-tcpip.reg:15",
            "EX01-tcpip.reg:19",
            "EX01-tcpip.reg:20",
            "EX01-tcpip.reg:21",
            "EX01-tcpip.reg:22",
            "EX01-tcpip.reg:26");
    assertThat(c.errors)
        .extracting(InputError::message)
        .containsExactly(
            "hex data of \"DhcpDomain\" has a bad byte 'zz'",
            "\"KeepAliveInterval \" has a trailing space: Windows ignores it, KeepAliveInterval"
                + " stays at its default 1 second (1000 ms)",
            "\"TcpMaxDataRetransmissions\" is a string (REG_SZ), not a REG_DWORD: Windows ignores"
                + " it, TcpMaxDataRetransmissions stays at its default",
            "\"KeepAliveTime\" is a per-interface value under"
                + " HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Interfaces\\{4a1c7b1e-1111-2222-3333-444455556666};"
                + " mapiscope counts only KeepAliveTime under Tcpip\\Parameters; the correctly"
                + " named KeepAliveTime in Tcpip\\Parameters applies",
            "\"Maximum Allowed Service Session Per User\" looks like a misspelling of Maximum"
                + " Allowed Service Sessions Per User: the store ignores it, Maximum Allowed"
                + " Service Sessions Per User stays at its default 16",
            "\"Disable Session Limit\" is a QWORD (REG_QWORD), not a REG_DWORD: the store ignores"
                + " it, Disable Session Limit stays at its default (the session limit stays on)",
            "\"objtFolder\" is under"
                + " HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem,"
                + " but the store reads it only under"
                + " MSExchangeIS\\ParametersSystem\\MaxObjsPerMapiSession, so it has no effect,"
                + " objtFolder stays at its default 500",
            "\"KeepAliveTime\" is under"
                + " HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem,"
                + " but Windows reads it only under Tcpip\\Parameters, so it has no effect; the"
                + " correctly named KeepAliveTime in Tcpip\\Parameters applies",
            "\"objtAttachmentView\" is not read by the store, which reads objtAttachView (some"
                + " documentation names it objtAttachmentView), objtAttachView stays at its default"
                + " 500");
  }

  @Test
  void countsEveryValueLineOnce() throws IOException {
    Collecting c = readFixture();
    // 17 value lines: 4 settings, 9 errors (1 malformed), 4 counted (Hostname, SearchList, a
    // deletion, ControlSet002).
    long values = c.of(Setting.class).stream().filter(x -> !x.isAbsent()).count();
    assertThat(values + c.errors.size() + c.counted).isEqualTo(17);
    assertThat(c.counted).isEqualTo(4);
  }

  @Test
  void readsRegedit4AnsiAndPicksTheControlSetInUse() throws IOException {
    String text =
        "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n\"Current\"=dword:00000002\n\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\Tcpip\\Parameters]\n"
            + "\"KeepAliveTime\"=dword:006ddd00\n\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Services\\Tcpip\\Parameters]\n"
            + "\"Domain\"=\"Müller\"\n\"KeepAliveTime\"=dword:001b7740\n";
    byte[] ansi = text.getBytes(Charset.forName("windows-1252"));
    assertThat(reader.detect(Collecting.sniff(ansi, "x.reg"))).isTrue();
    Collecting c = Collecting.read(reader, ansi, "x.reg", null, ZoneId.of("UTC"));
    assertThat(c.errors).isEmpty();
    assertThat(c.of(Setting.class))
        .filteredOn(x -> !x.isAbsent())
        .extracting(Setting::name, Setting::value, Setting::server)
        .containsExactly(tuple("KeepAliveTime", new SettingValue.Dword(1800000L), null));
  }

  @Test
  void doesNotDetectOtherText() {
    assertThat(
            reader.detect(
                Collecting.sniff(
                    "[HKEY_LOCAL_MACHINE]\n".getBytes(StandardCharsets.UTF_8), "a.reg")))
        .isFalse();
  }
}
