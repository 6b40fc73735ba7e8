package org.mapiscope.analysis;

import java.util.List;
import java.util.Locale;
import org.mapiscope.model.Cause;

/**
 * One cause for one subject, with the evidence behind it and what to do.
 *
 * @param scope user, account (service account) or server
 * @param subject the user key, or the server name for server scope
 * @param cause the cause code
 * @param confidence 0..1
 * @param summary one paragraph a manager understands
 * @param evidence places an admin can open to check
 * @param remedies what to do, in the expert's order ({@link Remedy#order()})
 * @param facts the numbers behind the summary, typed per cause; {@code null} when none were given
 */
public record Finding(
    Scope scope,
    String subject,
    Cause cause,
    double confidence,
    String summary,
    List<EvidenceItem> evidence,
    List<Remedy> remedies,
    FindingFacts facts) {

  public Finding {
    evidence = List.copyOf(evidence);
    remedies = List.copyOf(remedies);
  }

  /** A finding without typed facts. */
  public Finding(
      Scope scope,
      String subject,
      Cause cause,
      double confidence,
      String summary,
      List<EvidenceItem> evidence,
      List<Remedy> remedies) {
    this(scope, subject, cause, confidence, summary, evidence, remedies, null);
  }

  /** What a finding is about; JSON writes the lower-case name. */
  public enum Scope {
    USER,
    ACCOUNT,
    SERVER;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A piece of evidence.
   *
   * @param file file as the user gave it
   * @param where line / record / offset ({@code EvidenceRef.where()})
   * @param text the excerpt or a short description of what is there
   */
  public record EvidenceItem(String file, String where, String text) {}
}
