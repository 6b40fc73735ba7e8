import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.mapiscope.analysis.AnalysisOptions;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.ingest.Ingestor;

/**
 * What the fleet driver holds once the partials are merged: one Analyzer with every (server, user)
 * track. Reads the evidence into one, then reports its live heap (used heap after full GCs, with
 * and without it) and its serialized size (what the tasks' partials add up to on the wire), per
 * user track. Run: java -Xmx1g -cp spark/target/mapiscope-spark.jar bench/fleet/DriverState.java
 * DATA
 */
public final class DriverState {

  private DriverState() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    long before = live();
    Analyzer state = new Analyzer();
    Ingestor.builder().threads(2).build().ingest(List.of(data), state);
    long held = live() - before;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(state);
    }
    int users = state.finish(AnalysisOptions.inferAll()).sessions().byUser().size();
    System.out.printf(
        "driver state %d user tracks: live heap %.1f MB (%.0f bytes per track),"
            + " serialized %.1f MB (%.0f bytes per track)%n",
        users,
        held / 1048576.0,
        (double) held / users,
        bytes.size() / 1048576.0,
        (double) bytes.size() / users);
  }

  private static long live() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
