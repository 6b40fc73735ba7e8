package org.mapiscope.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * A file a task reads, with its units the plan found to be copies of content read elsewhere (unit
 * index within the file to the display path of the copy that is read).
 */
record ReadFile(FleetFile file, Map<Integer, String> duplicateOf) implements Serializable {

  private static final long serialVersionUID = 1L;

  ReadFile {
    duplicateOf = Map.copyOf(duplicateOf);
  }
}
