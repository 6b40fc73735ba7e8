package org.mapiscope.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The evidence a command reads, and how to read its local times: shared by analyze and whatif. */
final class EvidenceInputs {

  @Parameters(
      arity = "1..*",
      paramLabel = "<path>",
      description = "Evidence files, folders, .zip or .gz archives.")
  List<Path> paths;

  @Option(
      names = "--timezone",
      paramLabel = "TZ",
      converter = ZoneConverter.class,
      description =
          "Zone of local times in Event Viewer CSV/TXT exports (default: this machine's,"
              + " ${DEFAULT-VALUE}).")
  ZoneId timezone = ZoneId.systemDefault();
}
