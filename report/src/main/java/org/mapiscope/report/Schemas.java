package org.mapiscope.report;

/** Class-path locations of the JSON Schemas (draft 2020-12) of every JSON output. */
public final class Schemas {

  private Schemas() {}

  public static final String ANALYZE = "/schema/analyze.schema.json";
  public static final String SIMULATE = "/schema/simulate.schema.json";
  public static final String WHATIF = "/schema/whatif.schema.json";
  public static final String COMPARE = "/schema/compare.schema.json";
}
