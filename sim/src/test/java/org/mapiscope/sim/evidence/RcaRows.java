package org.mapiscope.sim.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mapiscope.model.UserKeys;

/**
 * The data rows of emitted RCA logs, each mapped by the {@code #Fields} header above it, in file
 * order (files in the order they were opened, which is time order). A header block that is not at
 * the top of its file is a service restart: rows after it belong to the next epoch.
 */
final class RcaRows {

  /** One data row: its fields by name, the file, and the restart epoch it belongs to. */
  record Row(String file, int epoch, Map<String, String> fields, String line) {

    String get(String name) {
      String v = fields.get(name);
      if (v == null) {
        throw new AssertionError("no field " + name + " in " + line);
      }
      return v;
    }

    String op() {
      return get("operation");
    }

    String user() {
      return UserKeys.fromIdentity(get("client-name"));
    }

    /** A session is (epoch, session-id): ids start again after a restart. */
    String session() {
      return epoch + "/" + get("session-id");
    }

    boolean refused() {
      return op().equals("Connect") && get("rpc-status").contains("SessionLimit");
    }

    boolean ok() {
      return get("rpc-status").equals("0");
    }
  }

  /** A header block written into a file after rows: where and with which #Date. */
  record Restart(String file, String date, int epoch) {}

  final List<Row> rows = new ArrayList<>();
  final List<Restart> restarts = new ArrayList<>();
  final Map<String, List<String>> fieldsByFile = new HashMap<>();

  static RcaRows of(MemoryOutput out) {
    RcaRows r = new RcaRows();
    int epoch = 0;
    for (String path : out.files.keySet()) {
      if (!path.startsWith("rca/")) {
        continue;
      }
      List<String> fields = null;
      boolean rowsSeen = false;
      String date = null;
      for (String line : out.text(path).split("\r\n")) {
        if (line.startsWith("#Date: ")) {
          date = line.substring(7);
        } else if (line.startsWith("#Fields: ")) {
          fields = List.of(line.substring(9).split(","));
          r.fieldsByFile.put(path, fields);
          if (rowsSeen) {
            epoch++;
            r.restarts.add(new Restart(path, date, epoch));
          }
        } else if (!line.startsWith("#") && !line.isEmpty()) {
          rowsSeen = true;
          List<String> values = EvidenceEmitterTest.csv(line);
          if (fields == null || values.size() != fields.size()) {
            throw new AssertionError(
                path + ": " + values.size() + " fields, header " + fields + ": " + line);
          }
          Map<String, String> m = new HashMap<>();
          for (int i = 0; i < fields.size(); i++) {
            m.put(fields.get(i), values.get(i));
          }
          r.rows.add(new Row(path, epoch, m, line));
        }
      }
    }
    return r;
  }
}
