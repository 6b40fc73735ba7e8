package org.mapiscope.spark;

import java.io.Serializable;
import java.util.List;
import org.mapiscope.ingest.SurveyedUnit;

/**
 * What the survey learned about one file: its units, or why it could not be fetched.
 *
 * @param index the file's index in walk order
 * @param units its units in walk order within the file
 * @param fetchError why the file could not be fetched, or null
 */
record Surveyed(int index, List<SurveyedUnit> units, String fetchError) implements Serializable {

  private static final long serialVersionUID = 1L;

  Surveyed {
    units = List.copyOf(units);
  }
}
