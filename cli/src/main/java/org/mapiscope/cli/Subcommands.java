package org.mapiscope.cli;

import java.io.PrintStream;
import picocli.CommandLine;

/** Registers the subcommands, handing each the streams it writes to. */
final class Subcommands {

    private Subcommands() {
    }

    static void register(CommandLine root, PrintStream out, PrintStream err) {
        // Filled in as each stage lands: analyze, simulate, whatif, compare, evtx.
    }
}
