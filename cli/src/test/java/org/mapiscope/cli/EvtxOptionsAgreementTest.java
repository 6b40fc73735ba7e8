package org.mapiscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapiscope.evtx.tool.DumpOptions;
import picocli.CommandLine;

/**
 * The quick start of {@code mapiscope evtx} and its picocli command accept and reject the same
 * argument lists, and read the accepted ones into the same options.
 */
class EvtxOptionsAgreementTest {

  private static final String F = "a.evtx";

  /** What a parser made of an argument list: the options, or null for a rejection. */
  private record Outcome(DumpOptions options) {}

  private static List<String[]> cases() {
    List<String[]> cases = new ArrayList<>();
    for (String id :
        List.of(
            "0",
            "65535",
            "65536",
            "-1",
            "0x10",
            "007",
            "0000000000009646",
            "1234567890",
            "99999999999",
            "+5",
            " 5",
            "x",
            "")) {
      cases.add(new String[] {"evtx", "--id", id, F});
      cases.add(new String[] {"evtx", "--id=" + id, F});
    }
    for (String threads : List.of("0", "1", "2", "256", "257", "99999999999", "-1", "two")) {
      cases.add(new String[] {"evtx", "--threads", threads, F});
      cases.add(new String[] {"evtx", F, "--threads=" + threads});
    }
    for (String format : List.of("jsonl", "xml", "XML", "JsonL", "csv", "")) {
      cases.add(new String[] {"evtx", "--format", format, F});
      cases.add(new String[] {"evtx", "--format=" + format, F});
    }
    for (String provider : List.of("MSExchangeIS", "msexchangeis", "", "-x", "a=b")) {
      cases.add(new String[] {"evtx", "--provider", provider, F});
      cases.add(new String[] {"evtx", "--provider=" + provider, F});
    }
    cases.addAll(
        List.of(
            new String[] {"evtx", F},
            new String[] {"evtx", F, "b.evt", F},
            new String[] {"evtx"},
            new String[] {"evtx", "--id"},
            new String[] {"evtx", F, "--id"},
            new String[] {"evtx", "--threads", F},
            new String[] {"evtx", "--format", "--id", "5", F},
            new String[] {"evtx", "--id", "1", "--id", "2", F},
            new String[] {"evtx", "--id=1", "--id", "1", F},
            new String[] {"evtx", "--provider", "a", "--provider=b", F},
            new String[] {"evtx", "--unknown", F},
            new String[] {"evtx", "--unknown=1", F},
            new String[] {"evtx", "-x", F},
            new String[] {"evtx", "-", F},
            new String[] {"evtx", "", F},
            new String[] {"evtx", "--", F},
            new String[] {"evtx", "--", "--id", F},
            new String[] {"evtx", "--id", "9646", "--", "-x"},
            new String[] {
              "evtx",
              F,
              "--format=xml",
              "--id",
              "9646",
              "--provider",
              "MSExchangeIS",
              "--threads",
              "1"
            }));
    return cases;
  }

  @Test
  void theQuickStartAndTheParserAgreeOnEveryArgumentList() {
    int accepted = 0;
    List<String> disagreements = new ArrayList<>();
    for (String[] args : cases()) {
      Outcome quick = new Outcome(EvtxFastPath.options(args));
      Outcome parsed = parsed(args);
      if (!quick.equals(parsed)) {
        disagreements.add(String.join(" | ", args) + ": quick " + quick + ", parser " + parsed);
      }
      if (quick.options() != null) {
        accepted++;
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(accepted).as("cases accepted by both").isGreaterThan(20);
  }

  @Test
  void edgeValuesAreReadAsDocumented() {
    assertThat(EvtxFastPath.options(new String[] {"evtx", "--id", "0", F}).eventId()).isZero();
    assertThat(EvtxFastPath.options(new String[] {"evtx", "--id", "65535", F}).eventId())
        .isEqualTo(65535);
    assertThat(EvtxFastPath.options(new String[] {"evtx", "--id", "007", F}).eventId())
        .isEqualTo(7);
    assertThat(EvtxFastPath.options(new String[] {"evtx", "--id", "65536", F})).isNull();
    assertThat(EvtxFastPath.options(new String[] {"evtx", "--id", "0x10", F})).isNull();
    assertThat(EvtxFastPath.options(new String[] {"evtx", "--threads", "0", F})).isNull();
    assertThat(EvtxFastPath.options(new String[] {"evtx", "--threads", "256", F}).threads())
        .isEqualTo(256);
    DumpOptions plain = EvtxFastPath.options(new String[] {"evtx", F});
    assertThat(plain)
        .isEqualTo(
            new DumpOptions(
                List.of(Path.of(F)),
                DumpOptions.Format.JSONL,
                null,
                null,
                DumpOptions.defaultThreads()));
    assertThat(EvtxFastPath.options(new String[] {"evtx", "--format=XML", "--", "--id", F}).files())
        .containsExactly(Path.of("--id"), Path.of(F));
  }

  @Test
  void aRejectedValueIsAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("evtx", "--id", "65536", F);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--id must be a number from 0 to 65535: 65536");
    CliRun threads = CliRun.of("evtx", "--threads=0", F);
    assertThat(threads.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(threads.err()).contains("--threads must be a number from 1 to 256: 0");
  }

  /** What the picocli command makes of the arguments, without running it. */
  private static Outcome parsed(String[] args) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CommandLine cl = MapiscopeCommand.commandLine(sink, sink);
    try {
      CommandLine.ParseResult result = cl.parseArgs(args);
      if (!result.hasSubcommand()) {
        return new Outcome(null);
      }
      EvtxCommand command = (EvtxCommand) result.subcommand().commandSpec().userObject();
      return new Outcome(command.options());
    } catch (CommandLine.ParameterException e) {
      return new Outcome(null);
    }
  }
}
