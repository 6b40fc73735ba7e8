package org.mapiscope.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputSummary;
import org.mapiscope.model.SessionEvent;
import org.mapiscope.model.Setting;

class IngestorTest {

    @TempDir
    Path dir;

    private final List<Evidence> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean inside = new AtomicBoolean();
    private final AtomicBoolean overlapped = new AtomicBoolean();

    /** Records evidence and notices when it is called concurrently. */
    private void accept(Evidence e) {
        if (!inside.compareAndSet(false, true)) {
            overlapped.set(true);
        }
        received.add(e);
        Thread.onSpinWait();
        inside.set(false);
    }

    private IngestResult ingest(Ingestor ingestor, Path... paths) {
        return ingestor.ingest(List.of(paths), this::accept);
    }

    private static Ingestor.Builder builder() {
        return Ingestor.builder().timezone(ZoneId.of("UTC")).threads(4);
    }

    /** Two servers' RCA folders with files whose names sort wrongly as plain strings. */
    private void twoServers(Path root, int filesPerServer, int rowsPerFile) throws IOException {
        for (String server : List.of("EX01", "EX02")) {
            Path logs = root.resolve(server).resolve("V14").resolve("Logging").resolve("RPC Client Access");
            for (int f = filesPerServer; f >= 1; f--) {
                StringBuilder rows = new StringBuilder();
                for (int r = 0; r < rowsPerFile; r++) {
                    rows.append(Fixtures.rcaRow(String.format("2026-11-02T%02d:%02d:%02d.000Z", f % 24, r / 60 % 60, r % 60),
                            f * 10_000 + r, "u" + r, "Connect"));
                }
                Fixtures.write(logs.resolve("RCA_20261102-" + f + ".LOG"), Fixtures.rca(rows.toString()));
            }
        }
    }

    @Test
    void readsEachServersRcaFilesInNaturalOrderAndNeverCallsTheSinkConcurrently() throws IOException {
        twoServers(dir, 12, 300);
        List<Long> progress = Collections.synchronizedList(new ArrayList<>());
        IngestResult result = ingest(builder().progress(p -> progress.add(p.filesDone() * 1000 + p.filesTotal())).build(),
                dir);
        assertThat(overlapped).isFalse();
        assertThat(result.inputs()).hasSize(24).allSatisfy(i -> {
            assertThat(i.format()).isEqualTo("rca");
            assertThat(i.records()).isEqualTo(300);
        });
        assertThat(result.inputs().get(0).path()).endsWith("RCA_20261102-1.LOG");
        assertThat(result.inputs().get(1).path()).endsWith("RCA_20261102-2.LOG");
        assertThat(result.inputs().get(11).path()).endsWith("RCA_20261102-12.LOG");
        for (String server : List.of("EX01", "EX02")) {
            List<String> order = received.stream().map(SessionEvent.class::cast).filter(e -> e.server().equals(server))
                    .map(e -> e.ref().file().replaceAll(".*RCA_20261102-(\\d+)\\.LOG", "$1") + ":" + e.ref().position())
                    .toList();
            List<String> expected = new ArrayList<>();
            for (int f = 1; f <= 12; f++) {
                for (int line = 6; line < 306; line++) {
                    expected.add(f + ":" + line);
                }
            }
            assertThat(order).as(server).isEqualTo(expected);
        }
        assertThat(progress).hasSize(24).last().isEqualTo(24_024L);
    }

    @Test
    void listsUnrecognizedAndMissingInputsAndAttributesServersByPath() throws IOException {
        Fixtures.write(dir.resolve("notes.txt"), "nothing to see");
        Fixtures.write(dir.resolve("exports").resolve("EX07-tcpip.reg"),
                "REGEDIT4\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]\r\n"
                        + "\"KeepAliveTime\"=dword:001b7740\r\n");
        IngestResult result = ingest(builder().build(), dir, dir.resolve("nope"));
        assertThat(result.inputs()).extracting(InputSummary::format).containsExactly("reg", "unrecognized", "missing");
        assertThat(result.inputs().get(2).errors()).extracting(InputError::message)
                .singleElement().asString().contains("does not exist");
        assertThat(received).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(Setting.class,
                s -> assertThat(s.server()).isEqualTo("EX07")));
        assertThat(result.anythingRecognized()).isTrue();
    }

    @Test
    void aReaderThatThrowsCostsOnlyItsFile() throws IOException {
        FormatReader broken = new FormatReader() {
            @Override
            public String format() {
                return "boom";
            }

            @Override
            public boolean detect(Sniff sniff) {
                return sniff.text().startsWith("BOOM");
            }

            @Override
            public void read(InputFile input, ReadContext context) throws IOException {
                try (InputStream in = input.open()) {
                    if (in.readAllBytes().length > 4) {
                        throw new IOException("disk gone");
                    }
                }
                throw new IllegalStateException("bug");
            }
        };
        Fixtures.write(dir.resolve("a.txt"), "BOOM");
        Fixtures.write(dir.resolve("b.txt"), "BOOM and more");
        Fixtures.write(dir.resolve("c.LOG"), Fixtures.rca(Fixtures.rcaRow("2026-11-02T08:00:00Z", 1, "jdoe", "Connect")));
        List<FormatReader> readers = new ArrayList<>(FormatRegistry.standard().readers());
        readers.add(0, broken);
        IngestResult result = ingest(builder().registry(new FormatRegistry(readers)).build(), dir);
        assertThat(result.inputs()).extracting(InputSummary::format).containsExactly("boom", "boom", "rca");
        assertThat(result.inputs().get(0).errors()).singleElement().satisfies(e -> {
            assertThat(e.where()).endsWith("a.txt");
            assertThat(e.message()).contains("internal error", "a.txt", "bug");
        });
        assertThat(result.inputs().get(1).errors().get(0).message()).contains("b.txt", "disk gone");
        assertThat(result.inputs().get(2).records()).isEqualTo(1);
    }

    @Test
    void readsZipAndGzipNestedTooWithEntryPathsAndFolderHints() throws IOException {
        byte[] rca = Fixtures.rca(Fixtures.rcaRow("2026-11-02T08:00:00Z", 1, "jdoe", "Connect"))
                .getBytes(StandardCharsets.US_ASCII);
        Map<String, byte[]> inner = new LinkedHashMap<>();
        inner.put("EX09/RCA_20261102-1.LOG", rca);
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("EX02/Logging/RCA_20261102-1.LOG", rca);
        outer.put("EX03/RCA_20261102-1.LOG.gz", Fixtures.gzip(rca));
        outer.put("more.zip", Fixtures.zip(inner));
        Fixtures.write(dir.resolve("evidence.zip"), Fixtures.zip(outer));
        Fixtures.write(dir.resolve("EX04").resolve("RCA_20261102-1.LOG.gz"), Fixtures.gzip(rca));
        IngestResult result = ingest(builder().build(), dir);
        assertThat(result.inputs()).extracting(InputSummary::path, InputSummary::format, InputSummary::records)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(dir.resolve("evidence.zip") + "!/EX02/Logging/RCA_20261102-1.LOG", "rca", 1L),
                        org.assertj.core.groups.Tuple.tuple(dir.resolve("evidence.zip") + "!/EX03/RCA_20261102-1.LOG.gz", "rca", 1L),
                        org.assertj.core.groups.Tuple.tuple(dir.resolve("evidence.zip") + "!/more.zip!/EX09/RCA_20261102-1.LOG", "rca", 1L),
                        org.assertj.core.groups.Tuple.tuple(dir.resolve("EX04").resolve("RCA_20261102-1.LOG.gz").toString(), "rca", 1L));
        assertThat(received).extracting(e -> ((SessionEvent) e).server())
                .containsExactlyInAnyOrder("EX04", "EX02", "EX03", "EX09");
    }

    @Test
    void serverHintsSkipGenericFoldersAndFallBackToTheFileName() {
        assertThat(ServerHints.of(List.of("EX01", "V15", "Logging", "RPC Client Access"), "RCA_20261102-1.LOG"))
                .isEqualTo("EX01");
        assertThat(ServerHints.of(List.of("case-2026-11-02"), "EX01_netstat.txt")).isEqualTo("EX01");
        assertThat(ServerHints.of(List.of("logs"), "EX01-tcpip.reg")).isEqualTo("EX01");
        assertThat(ServerHints.of(List.of("Exchange Server", "export"), "tcpip.reg")).isNull();
        assertThat(ServerHints.of(List.of("mbx02.contoso.com.zip"), "RCA_1.LOG")).isEqualTo("mbx02.contoso.com");
        assertThat(ServerHints.of(List.of(), "logons-20261102-0815.csv")).isNull();
        assertThat(ServerHints.of(List.of(), "RCA_20261102-1.LOG")).isNull();
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        List<String> names = new ArrayList<>(List.of("RCA_20261102-10.LOG", "RCA_20261102-2.LOG", "RCA_20261101-1.LOG",
                "rca_20261102-1.LOG", "RCA_20261102-02.LOG"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("RCA_20261101-1.LOG", "rca_20261102-1.LOG", "RCA_20261102-02.LOG",
                "RCA_20261102-2.LOG", "RCA_20261102-10.LOG");
    }
}
