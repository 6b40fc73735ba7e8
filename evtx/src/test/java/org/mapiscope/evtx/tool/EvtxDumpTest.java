package org.mapiscope.evtx.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dump command run in-process on the shared samples. */
class EvtxDumpTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Path sample(String name) {
        String repo = System.getProperty("mapiscope.repo");
        Path root = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath().getParent();
        Path p = root.resolve("../shared/samples/evtx").resolve(name).normalize();
        assumeTrue(Files.isRegularFile(p), "sample " + p + " not present; skipping");
        return p;
    }

    private int run(List<Path> files, String format, Integer id, String provider) {
        return EvtxDump.run(files, format, id, provider, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void jsonLinesCarryTheContractKeysInFileOrder() {
        assertThat(run(List.of(sample("system.evtx")), "jsonl", null, null)).isEqualTo(EvtxDump.OK);
        List<String> lines = lines();
        assertThat(lines).hasSize(1881);
        assertThat(lines.get(0)).isEqualTo("{\"recordId\":1,\"timeCreated\":\"2017-07-12T17:16:28.2141616Z\","
                + "\"eventId\":6009,\"qualifiers\":32768,\"provider\":\"EventLog\",\"channel\":\"System\","
                + "\"computer\":\"WIN-P4SIAA0SQCO\",\"level\":4,\"task\":0,\"data\":[{\"value\":\"10.00.\"},"
                + "{\"value\":\"15063\"},{\"value\":\"\"},{\"value\":\"Multiprocessor Free\"},{\"value\":\"0\"}]}");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void filtersByEventIdAndProvider() {
        run(List.of(sample("system.evtx")), "jsonl", 7045, "service control manager");
        assertThat(lines()).isNotEmpty().allSatisfy(l -> assertThat(l)
                .contains("\"eventId\":7045,").contains("\"provider\":\"Service Control Manager\""));
    }

    @Test
    void xmlIsOneDocument() {
        run(List.of(sample("Security_short_selected.evtx")), "xml", null, null);
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n<Event xmlns=")
                .endsWith("</Event>\n</Events>\n");
        assertThat(xml.split("<Event xmlns=", -1)).hasSize(8);
    }

    @Test
    void damageGoesToErrWithFileAndHexOffset() {
        Path file = sample("sample_with_a_bad_chunk_magic.evtx");
        assertThat(run(List.of(file), "jsonl", null, null)).isEqualTo(EvtxDump.OK);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .contains(file + ": offset 0x61000: bad chunk signature; header ignored, searching the chunk for records")
                .allSatisfy(l -> assertThat(l).startsWith(file + ": offset 0x").doesNotContain("Exception"));
    }

    @Test
    void nothingReadableExitsWithTwo(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.evtx");
        Files.writeString(junk, "not an event log at all");
        assertThat(run(List.of(junk, dir.resolve("missing.evtx")), "jsonl", null, null))
                .isEqualTo(EvtxDump.NOTHING_READABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(junk + ": not an EVTX or EVT event log")
                .contains("missing.evtx: cannot read");
        assertThat(out.size()).isZero();
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(run(List.of(Path.of("x")), "csv", null, null)).isEqualTo(EvtxDump.USAGE);
        assertThat(EvtxDump.main(new String[] {"--id", "x"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(EvtxDump.USAGE);
    }
}
